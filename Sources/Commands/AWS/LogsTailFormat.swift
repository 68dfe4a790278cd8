import CloudWatchLogs
import SimKit

/// How `aws logs tail` prints one event (`awscli/customizations/logs/tail.py`, aws CLI v2).
///
/// Every event becomes one write: the text with its trailing whitespace (the message's own
/// `\n` included) stripped, plus one `\n`. Times are always UTC (`tz.tzutc()`), never local.
enum LogsTailFormat: String, CaseIterable {
    /// `<isoformat(timespec='microseconds')> <stream> <message>` (the default).
    case detailed
    /// `<%Y-%m-%dT%H:%M:%S> <message>`.
    case short
    /// `<isoformat()> <stream> <message>`, the message pretty-printed when it is JSON.
    case json
    /// `json.dumps(event)`: the CLI crashes on it, see `render`.
    case none

    static let green = "\u{1B}[32m", cyan = "\u{1B}[36m", reset = "\u{1B}[0m"

    /// The text written for `event`; nil for `none`, whose `json.dumps` of an event holding
    /// `datetime` values raises `TypeError` in the real CLI (the caller reports it).
    func render(_ event: StoredLogEvent, colour: Bool) -> String? {
        func paint(_ text: String, _ code: String) -> String { colour ? code + text + Self.reset : text }
        let line: String
        switch self {
        case .detailed:
            line = paint(Self.iso(event.timestamp, alwaysFraction: true), Self.green) + " " + paint(event.streamName, Self.cyan) + " " + event.message
        case .short:
            line = paint(String(Self.iso(event.timestamp, alwaysFraction: false).prefix(19)), Self.green) + " " + event.message
        case .json:
            line = paint(Self.iso(event.timestamp, alwaysFraction: false), Self.green) + " " + paint(event.streamName, Self.cyan) + " "
                + Self.prettyJSON(event.message)
        case .none:
            return nil
        }
        return Self.rstrip(line) + "\n"
    }

    /// Python's `datetime.isoformat()` for a UTC datetime from milliseconds: the fraction in
    /// microseconds, omitted when zero unless `timespec='microseconds'`.
    static func iso(_ millis: EpochMillis, alwaysFraction: Bool) -> String {
        let f = TimeFormat.fields(millis)
        func p(_ n: Int, _ width: Int = 2) -> String { String(n).leftPadded(to: width) }
        var text = "\(p(f.year, 4))-\(p(f.month))-\(p(f.day))T\(p(f.hour)):\(p(f.minute)):\(p(f.second))"
        if alwaysFraction || f.millisecond != 0 { text += "." + p(f.millisecond * 1000, 6) }
        return text + "+00:00"
    }

    /// `'\n' + json.dumps(json.loads(message), indent=4)` when the message is JSON (ASCII-escaped,
    /// as `json.dumps` defaults to), else the message unchanged.
    static func prettyJSON(_ message: String) -> String {
        guard let value = try? JSONParser.parse(message) else { return message }
        return "\n" + asciiEscaped(value.serialized(.python(indent: 4)))
    }

    /// `ensure_ascii=True`: every non-ASCII scalar as `\uXXXX` (UTF-16, surrogate pairs above the BMP).
    /// Safe on serialized JSON, where non-ASCII only occurs inside strings.
    static func asciiEscaped(_ text: String) -> String {
        guard !text.utf8.allSatisfy({ $0 < 0x80 }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII { out.unicodeScalars.append(scalar); continue }
            for unit in String(scalar).utf16 { out += "\\u" + String(unit, radix: 16).leftPadded(to: 4) }
        }
        return out
    }

    /// Python's `str.rstrip()`: trailing whitespace of any kind.
    static func rstrip(_ text: String) -> String {
        var end = text.endIndex
        while end > text.startIndex, text[text.index(before: end)].isWhitespace { end = text.index(before: end) }
        return String(text[..<end])
    }
}
