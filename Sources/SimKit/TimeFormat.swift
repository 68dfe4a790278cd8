import Foundation

/// Calendar arithmetic and the timestamp formats AWS tools print, on UTC epoch milliseconds.
public enum TimeFormat {
    /// Civil UTC fields of an instant.
    public struct Fields: Sendable, Equatable {
        public var year, month, day, hour, minute, second, millisecond: Int
    }

    /// Splits an instant into UTC fields (proleptic Gregorian; days-from-civil algorithm).
    public static func fields(_ t: EpochMillis) -> Fields {
        let ms = Int(((t % 86_400_000) + 86_400_000) % 86_400_000)
        let days = Int((t - EpochMillis(ms)) / 86_400_000)
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return Fields(year: year, month: month, day: day, hour: ms / 3_600_000, minute: ms / 60_000 % 60,
                      second: ms / 1000 % 60, millisecond: ms % 1000)
    }

    /// The instant of UTC civil fields.
    public static func instant(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0,
                               millisecond: Int = 0) -> EpochMillis {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        return EpochMillis(days) * 86_400_000 + EpochMillis(((hour * 60 + minute) * 60 + second) * 1000 + millisecond)
    }

    private static func p2(_ n: Int) -> String { String(n).leftPadded(to: 2) }

    /// `2026-11-01T00:00:00.000Z` (JavaScript's `toISOString`, Lambda log lines).
    public static func isoMillisZ(_ t: EpochMillis) -> String {
        let f = fields(t)
        return "\(f.year)-\(p2(f.month))-\(p2(f.day))T\(p2(f.hour)):\(p2(f.minute)):\(p2(f.second)).\(String(f.millisecond).leftPadded(to: 3))Z"
    }

    /// `2026-11-01` (UTC date).
    public static func date(_ t: EpochMillis) -> String {
        let f = fields(t)
        return "\(f.year)-\(p2(f.month))-\(p2(f.day))"
    }

    /// `2026-11-01 00:00:00` in the given UTC offset (SAM's `%Y-%m-%d %H:%M:%S`, local time).
    public static func sqlStyle(_ t: EpochMillis, offsetSeconds: Int = 0) -> String {
        let f = fields(t + EpochMillis(offsetSeconds) * 1000)
        return "\(f.year)-\(p2(f.month))-\(p2(f.day)) \(p2(f.hour)):\(p2(f.minute)):\(p2(f.second))"
    }

    /// aws CLI v2's ISO 8601 rendering of a timestamp member: Python's `isoformat()` on an aware
    /// datetime in the local zone — `2026-11-25T18:23:44.059000+00:00`, no fraction when it is 0.
    public static func cliISO(_ t: EpochMillis, offsetSeconds: Int = 0) -> String {
        let f = fields(t + EpochMillis(offsetSeconds) * 1000)
        var s = "\(f.year)-\(p2(f.month))-\(p2(f.day))T\(p2(f.hour)):\(p2(f.minute)):\(p2(f.second))"
        if f.millisecond != 0 { s += "." + String(f.millisecond * 1000).leftPadded(to: 6) }
        let sign = offsetSeconds < 0 ? "-" : "+"
        let off = abs(offsetSeconds)
        return s + "\(sign)\(p2(off / 3600)):\(p2(off / 60 % 60))"
    }

    /// Parses `2023-05-10`, `2023-05-10T00:00:00Z`, `2023-05-10T09:00:00+09:00`, with optional
    /// fractional seconds. Returns nil for anything else.
    public static func parseISO(_ text: String) -> EpochMillis? {
        let s = Array(text.trimmingCharacters(in: .whitespaces))
        func num(_ r: Range<Int>) -> Int? {
            guard r.upperBound <= s.count else { return nil }
            return Int(String(s[r]))
        }
        guard s.count >= 10, s[4] == "-", s[7] == "-", let y = num(0..<4), let mo = num(5..<7), let d = num(8..<10),
              (1...12).contains(mo), (1...31).contains(d) else { return nil }
        if s.count == 10 { return instant(year: y, month: mo, day: d) }
        guard s.count >= 16, s[10] == "T" || s[10] == " ", s[13] == ":", let h = num(11..<13), let mi = num(14..<16),
              h < 24, mi < 60 else { return nil }
        var i = 16
        var sec = 0, ms = 0
        if i < s.count, s[i] == ":" {
            guard let v = num(i + 1..<i + 3), v < 61 else { return nil }
            sec = v
            i += 3
            if i < s.count, s[i] == "." {
                i += 1
                var digits = ""
                while i < s.count, s[i].isNumber { digits.append(s[i]); i += 1 }
                guard !digits.isEmpty else { return nil }
                ms = Int(String((digits + "000").prefix(3)))!
            }
        }
        var offset = 0
        if i < s.count {
            if s[i] == "Z" || s[i] == "z" {
                i += 1
            } else if s[i] == "+" || s[i] == "-" {
                let sign = s[i] == "-" ? -1 : 1
                guard let oh = num(i + 1..<i + 3) else { return nil }
                var om = 0
                if i + 3 < s.count, s[i + 3] == ":" { om = num(i + 4..<i + 6) ?? 0; i += 6 } else if let v = num(i + 3..<i + 5) { om = v; i += 5 } else { i += 3 }
                offset = sign * (oh * 3600 + om * 60)
            } else { return nil }
        }
        guard i == s.count else { return nil }
        return instant(year: y, month: mo, day: d, hour: h, minute: mi, second: sec, millisecond: ms) - EpochMillis(offset) * 1000
    }

    /// Parses durations such as `90s`, `10m`, `4h`, `1d`, `1w`, `1h30m`, `500ms`.
    public static func parseDuration(_ text: String) -> EpochMillis? {
        let units: [(String, EpochMillis)] = [("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000), ("d", 86_400_000), ("w", 604_800_000)]
        var rest = Substring(text.trimmingCharacters(in: .whitespaces).lowercased())
        var total: EpochMillis = 0
        guard !rest.isEmpty else { return nil }
        while !rest.isEmpty {
            let digits = rest.prefix(while: \.isNumber)
            guard let n = EpochMillis(digits) else { return nil }
            rest = rest.dropFirst(digits.count)
            guard let unit = units.first(where: { rest.hasPrefix($0.0) && !(($0.0 == "m") && rest.hasPrefix("ms")) }) else { return nil }
            rest = rest.dropFirst(unit.0.count)
            total += n * unit.1
        }
        return total
    }
}
