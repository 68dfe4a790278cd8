import SimKit

/// One validating pass over a JSON event that collects what a `JSONScanPlan`'s selectors reach.
///
/// It accepts exactly what `JSONParser` accepts (same grammar, same nesting limit), and where its
/// byte-level view could disagree with the parsed tree it gives up (`undecided`) instead of
/// guessing: a key with an escape or a non-ASCII byte in an object a selector walks through
/// (Swift compares keys by canonical equivalence), a key repeated there (the parser keeps the
/// last value), or a reached string holding an escape. Objects and arrays a selector reaches are
/// recorded as empty placeholders: no test looks inside them.
///
/// Every selector still walking at a value has taken exactly `depth` steps, so the walking set
/// is a bit mask and the scan allocates nothing but the list of values found.
struct JSONScanner {
    /// A value a selector (by index in the plan) reaches.
    struct Found {
        var selector: Int
        var value: JSON
    }

    let bytes: UnsafeRawBufferPointer
    let plan: JSONScanPlan
    var index = 0
    var found: [Found] = []
    var undecided = false

    enum Outcome {
        /// Not JSON: `JSONParser` would throw, so nothing matches.
        case notJSON
        /// The scan cannot settle it exactly; parse the event instead.
        case undecided
        /// What the selectors reached.
        case values([Found])
    }

    /// Scans `bytes` for `plan` (which must be `scannable`).
    static func scan(_ bytes: UnsafeRawBufferPointer, plan: JSONScanPlan) -> Outcome {
        var scanner = JSONScanner(bytes: bytes, plan: plan)
        let all: UInt64 = plan.steps.count == 64 ? ~0 : (1 << UInt64(plan.steps.count)) - 1
        scanner.skipSpace()
        guard scanner.value(depth: 0, all) else { return scanner.undecided ? .undecided : .notJSON }
        scanner.skipSpace()
        guard scanner.index == bytes.count else { return .notJSON }
        return .values(scanner.found)
    }

    mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    /// Scans one value that the selectors in `walking` have reached by `depth` steps; false when
    /// the bytes are not JSON or the scan gave up (`undecided`).
    mutating func value(depth: Int, _ walking: UInt64) -> Bool {
        guard depth < 512, index < bytes.count else { return false }
        let reached = depth < plan.endingAt.count ? walking & plan.endingAt[depth] : 0
        let onward = walking & ~reached
        switch bytes[index] {
        case UInt8(ascii: "{"):
            if reached != 0 { record(.object(JSONObject()), reached) }
            return object(depth: depth, onward)
        case UInt8(ascii: "["):
            if reached != 0 { record(.array([]), reached) }
            return array(depth: depth, onward)
        case UInt8(ascii: "\""):
            let start = index + 1
            guard let flags = string() else { return false }
            guard reached != 0 else { return true }
            if flags & Self.escaped != 0 { undecided = true; return false }
            let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index - 1]), as: UTF8.self)
            record(.string(text), reached)
            return true
        case UInt8(ascii: "t"): return word("true", .bool(true), reached)
        case UInt8(ascii: "f"): return word("false", .bool(false), reached)
        case UInt8(ascii: "n"): return word("null", .null, reached)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return number(reached)
        default: return false
        }
    }

    /// Adds `value` for every selector in `selectors`.
    mutating func record(_ value: JSON, _ selectors: UInt64) {
        var rest = selectors
        while rest != 0 {
            found.append(Found(selector: rest.trailingZeroBitCount, value: value))
            rest &= rest - 1
        }
    }

    mutating func word(_ word: StaticString, _ value: JSON, _ reached: UInt64) -> Bool {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let text = word.utf8Start
        for offset in 0..<count where bytes[index + offset] != text[offset] { return false }
        index += count
        record(value, reached)
        return true
    }

    static let escaped: UInt8 = 1, nonASCII: UInt8 = 2

    /// Skips a string (the cursor on its opening quote); nil when invalid, else `escaped` and
    /// `nonASCII` flags. Accepts what `JSONParser.parseString` accepts: no control characters,
    /// only the eight one-letter escapes and `\u` with four hex digits.
    mutating func string() -> UInt8? {
        index += 1
        var flags: UInt8 = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "\"") { return flags }
            if byte < 0x20 { return nil }
            if byte >= 0x80 { flags |= Self.nonASCII; continue }
            guard byte == UInt8(ascii: "\\") else { continue }
            flags |= Self.escaped
            guard index < bytes.count else { return nil }
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                 UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                continue
            case UInt8(ascii: "u"):
                guard index + 4 <= bytes.count else { return nil }
                for offset in 0..<4 where !bytes[index + offset].isHexDigit { return nil }
                index += 4
            default: return nil
            }
        }
        return nil
    }

    /// A number in `JSONParser.parseNumber`'s grammar, recorded as the parser would store it.
    mutating func number(_ reached: UInt64) -> Bool {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, bytes[index].isDigit else { return false }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            skipDigits()
        }
        var isInteger = true
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard index < bytes.count, bytes[index].isDigit else { return false }
            skipDigits()
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, bytes[index].isDigit else { return false }
            skipDigits()
        }
        guard reached != 0 else { return true }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        if isInteger, let value = Int64(text) { record(.int(value), reached) } else { record(.double(Double(text) ?? 0), reached) }
        return true
    }

    mutating func skipDigits() {
        while index < bytes.count, bytes[index].isDigit { index += 1 }
    }
}

extension UInt8 {
    var isDigit: Bool { self >= 48 && self <= 57 }
    var isHexDigit: Bool { isDigit || (self | 0x20 >= UInt8(ascii: "a") && self | 0x20 <= UInt8(ascii: "f")) }
}
