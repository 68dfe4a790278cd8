/// Splitting a log event into fields and lining them up with a `SpaceDelimitedPattern`.
///
/// Fields are separated by whitespace; "characters between brackets ([]) and double quotation
/// marks ("") are considered single fields", and the field's value is what lies inside them.
/// Without `...`, an event with more fields than the pattern gives the rest of the line to the
/// pattern's last field: that is why the docs' `[w1=ERROR, w2]` matches
/// "ERROR 09/25/2014 12:00:02 Failed to process request" and why they say to "include a blank
/// w2 indicator after the w1 term". With `...`, every alignment of the fields is tried.
/// https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html#matching-term-space-delimited-log-events
extension SpaceDelimitedPattern {
    /// Whether the fields of `message` line up with the pattern and satisfy every condition.
    func matches(_ message: String) -> Bool {
        let line = DelimitedLine(message)
        guard !line.fields.isEmpty else { return false }
        if !slots.contains(.ellipsis) {
            guard line.fields.count >= slots.count else { return false }
            var values = line.fields.prefix(slots.count).map(\.value)
            values[slots.count - 1] = line.remainder(from: slots.count - 1)
            return satisfied(by: values)
        }
        var values: [String] = []
        return align(slot: 0, field: 0, line: line, values: &values)
    }

    /// Tries every way of giving fields to the ellipses; `values` holds one value per slot so far
    /// (an ellipsis holds an empty string).
    private func align(slot: Int, field: Int, line: DelimitedLine, values: inout [String]) -> Bool {
        guard slot < slots.count else { return field == line.fields.count && satisfied(by: values) }
        switch slots[slot] {
        case .field:
            guard field < line.fields.count else { return false }
            values.append(line.fields[field].value)
            defer { values.removeLast() }
            return align(slot: slot + 1, field: field + 1, line: line, values: &values)
        case .ellipsis:
            values.append("")
            defer { values.removeLast() }
            return (field...line.fields.count).contains { align(slot: slot + 1, field: $0, line: line, values: &values) }
        }
    }

    private func satisfied(by values: [String]) -> Bool {
        conditions.allSatisfy { $0.holds(values) }
    }
}

extension SpaceDelimitedPattern.Condition {
    /// Whether the condition holds for one value per slot. A field compares as a number when all
    /// of it reads as one (`404`, `1.5e3`), and as text otherwise.
    func holds(_ values: [String]) -> Bool {
        switch self {
        case .all(let terms): terms.allSatisfy { $0.holds(values) }
        case .any(let terms): terms.contains { $0.holds(values) }
        case .compare(let field, let comparison):
            comparison.matches(text: values[field], number: PatternNumber.parse(values[field]))
        }
    }
}

/// The fields of one log event.
struct DelimitedLine {
    struct Field {
        /// The text of the field, without its enclosing quotes or brackets.
        var value: String
        /// Where the field starts in the event, quotes included.
        var start: String.Index
    }

    let text: String
    private(set) var fields: [Field] = []

    init(_ text: String) {
        self.text = text
        var index = text.startIndex
        while true {
            while index < text.endIndex, text[index].isWhitespace { index = text.index(after: index) }
            guard index < text.endIndex else { break }
            let start = index
            let closer: Character? = switch text[index] {
            case "\"": "\""
            case "[": "]"
            default: nil
            }
            if let closer, let close = text[text.index(after: start)...].firstIndex(of: closer) {
                fields.append(Field(value: String(text[text.index(after: start)..<close]), start: start))
                index = text.index(after: close)
            } else {
                let end = text[start...].firstIndex(where: \.isWhitespace) ?? text.endIndex
                fields.append(Field(value: String(text[start..<end]), start: start))
                index = end
            }
        }
    }

    /// The value for a last pattern field that takes field `index` and everything after it.
    func remainder(from index: Int) -> String {
        guard index < fields.count - 1 else { return fields[index].value }
        var rest = text[fields[index].start...]
        while let last = rest.last, last.isWhitespace { rest.removeLast() }
        return String(rest)
    }
}
