/// A DynamoDB number: an exact decimal of at most 38 significant digits with a magnitude between
/// 1E-130 and 9.99…E+125, stored as `sign × digits × 10^exponent`.
///
/// Rules: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html#HowItWorks.DataTypes.Number
/// DynamoDB strips leading and trailing zeros and answers numbers in plain notation (`1.5E2` comes
/// back as `150`), which `text` reproduces.
public struct DynamoNumber: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// True for values below zero (never for zero itself: `-0` is `0`).
    public let isNegative: Bool
    /// Significant digits, most significant first, no leading or trailing zeros; empty for zero.
    public let digits: [UInt8]
    /// Power of ten applied to `digits` read as an integer.
    public let exponent: Int

    /// Why a text is not an acceptable DynamoDB number.
    public enum Problem: Error, Sendable, Equatable {
        case empty, notNumeric, overflow, underflow, tooManyDigits
    }

    init(isNegative: Bool, digits: [UInt8], exponent: Int) {
        var digits = digits
        var exponent = exponent
        while digits.first == 0 { digits.removeFirst() }
        while digits.last == 0 { digits.removeLast(); exponent += 1 }
        self.isNegative = digits.isEmpty ? false : isNegative
        self.digits = digits
        self.exponent = digits.isEmpty ? 0 : exponent
    }

    /// Parses DynamoDB number text (`-12.50`, `1.5E2`, `+3`) and checks DynamoDB's limits.
    public init(parsing text: String) throws(Problem) {
        if text.isEmpty { throw .empty }
        guard let parsed = Self.parse(Array(text.utf8)) else { throw .notNumeric }
        try parsed.checkLimits()
        self = parsed
    }

    /// Zero.
    public static let zero = DynamoNumber(isNegative: false, digits: [], exponent: 0)

    /// The exponent of the leading digit in scientific notation (`1.5E2` → 2).
    var scientificExponent: Int { exponent + digits.count - 1 }

    /// DynamoDB's range and precision checks, in the order DynamoDB applies them
    /// (dynalite `validations/index.js` `checkNum`, recorded against DynamoDB).
    func checkLimits() throws(Problem) {
        guard !digits.isEmpty else { return }
        if scientificExponent > 125 { throw .overflow }
        if scientificExponent < -130 { throw .underflow }
        if digits.count > 38 { throw .tooManyDigits }
    }

    private static func parse(_ bytes: [UInt8]) -> DynamoNumber? {
        var index = 0
        var negative = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        var digits: [UInt8] = []
        var fractionDigits = 0
        var sawDigit = false
        var sawPoint = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 48 && byte <= 57 {
                digits.append(byte - 48)
                sawDigit = true
                if sawPoint { fractionDigits += 1 }
            } else if byte == UInt8(ascii: "."), !sawPoint {
                sawPoint = true
            } else {
                break
            }
            index += 1
        }
        guard sawDigit else { return nil }
        var exponent = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            guard let parsed = parseExponent(bytes[(index + 1)...]) else { return nil }
            exponent = parsed
            index = bytes.count
        }
        guard index == bytes.count else { return nil }
        return DynamoNumber(isNegative: negative, digits: digits, exponent: exponent - fractionDigits)
    }

    private static func parseExponent(_ bytes: ArraySlice<UInt8>) -> Int? {
        var rest = bytes
        var negative = false
        if let first = rest.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            rest = rest.dropFirst()
        }
        guard !rest.isEmpty, rest.count < 10, rest.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        let value = rest.reduce(0) { $0 * 10 + Int($1 - 48) }
        return negative ? -value : value
    }

    /// Plain decimal text without exponent, as DynamoDB returns numbers.
    public var text: String {
        if digits.isEmpty { return "0" }
        let body = String(decoding: digits.map { $0 + 48 }, as: UTF8.self)
        let sign = isNegative ? "-" : ""
        if exponent >= 0 { return sign + body + String(repeating: "0", count: exponent) }
        let pointAt = digits.count + exponent
        if pointAt > 0 {
            return sign + String(body.prefix(pointAt)) + "." + String(body.dropFirst(pointAt))
        }
        return sign + "0." + String(repeating: "0", count: -pointAt) + body
    }

    public var description: String { text }

    public static func < (lhs: DynamoNumber, rhs: DynamoNumber) -> Bool { compare(lhs, rhs) < 0 }

    /// -1, 0 or 1, comparing values (so `1.0` equals `1`).
    static func compare(_ lhs: DynamoNumber, _ rhs: DynamoNumber) -> Int {
        if lhs.isNegative != rhs.isNegative { return lhs.isNegative ? -1 : 1 }
        let magnitude = compareMagnitude(lhs, rhs)
        return lhs.isNegative ? -magnitude : magnitude
    }

    static func compareMagnitude(_ lhs: DynamoNumber, _ rhs: DynamoNumber) -> Int {
        if lhs.digits.isEmpty || rhs.digits.isEmpty {
            return lhs.digits.isEmpty ? (rhs.digits.isEmpty ? 0 : -1) : 1
        }
        if lhs.scientificExponent != rhs.scientificExponent {
            return lhs.scientificExponent < rhs.scientificExponent ? -1 : 1
        }
        for (a, b) in zip(lhs.digits, rhs.digits) where a != b { return a < b ? -1 : 1 }
        return lhs.digits.count == rhs.digits.count ? 0 : (lhs.digits.count < rhs.digits.count ? -1 : 1)
    }
}
