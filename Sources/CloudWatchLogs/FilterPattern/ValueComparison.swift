/// The comparison a JSON or space-delimited condition makes: an operator and a value.
///
/// Strings compare with `=`/`!=` and may use `*` at the start or end ("*Event", "Event*"; an
/// inner `*`, as in "Ev*ent", is literal); numbers compare with all six operators; a `%regex%`
/// compares with `=`/`!=` and matches anywhere in the value.
/// https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html
struct ValueComparison: Sendable, Equatable {
    enum Operator: String, Sendable, CaseIterable {
        // Two-character operators first, so `<=` is never read as `<`.
        case notEqual = "!=", lessOrEqual = "<=", greaterOrEqual = ">=", equal = "=", less = "<", greater = ">"

        var isOrdering: Bool { self != .equal && self != .notEqual }
    }

    enum Value: Sendable, Equatable {
        /// A number as written (`+1000`, `10e-3`), kept as text for string comparisons.
        case number(Double, text: String)
        case text(Wildcard)
        case regex(FilterRegex)
    }

    let op: Operator
    let value: Value

    /// Whether a scalar whose text is `text` (and whose numeric value, if it has one, is `number`) satisfies the comparison.
    func matches(text: String, number: Double?) -> Bool {
        if op.isOrdering {
            guard let number, case .number(let literal, _) = value else { return false }
            switch op {
            case .less: return number < literal
            case .greater: return number > literal
            case .lessOrEqual: return number <= literal
            default: return number >= literal
            }
        }
        let equal: Bool = switch value {
        case .number(let literal, let written): number.map { $0 == literal } ?? (text == written)
        case .text(let wildcard): wildcard.matches(text)
        case .regex(let regex): regex.matches(text)
        }
        return equal == (op == .equal)
    }
}

/// A string that may begin and/or end with `*`.
struct Wildcard: Sendable, Equatable {
    var core: Substring
    var anyPrefix: Bool
    var anySuffix: Bool

    init(_ text: String) {
        var core = Substring(text)
        anyPrefix = core.first == "*"
        if anyPrefix { core.removeFirst() }
        anySuffix = core.last == "*"
        if anySuffix { core.removeLast() }
        self.core = core
    }

    func matches(_ text: String) -> Bool {
        switch (anyPrefix, anySuffix) {
        case (false, false): text == core
        case (true, false): text.hasSuffix(core)
        case (false, true): text.hasPrefix(core)
        case (true, true): core.isEmpty || text.contains(core)
        }
    }
}

/// Numbers as the docs define them: "an integer or a decimal with an optional + or - sign",
/// optionally followed by `e` and a signed integer.
enum PatternNumber {
    /// The value of `text` if all of it is such a number.
    static func parse<S: StringProtocol>(_ text: S) -> Double? {
        var characters = Substring(text)
        if characters.first == "+" || characters.first == "-" { characters.removeFirst() }
        let mantissa = characters.prefix { $0 != "e" && $0 != "E" }
        let parts = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard !parts[0].isEmpty, parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              parts.count == 1 || !parts[1].isEmpty
        else { return nil }
        var exponent = characters.dropFirst(mantissa.count)
        if !exponent.isEmpty {
            exponent.removeFirst()
            if exponent.first == "+" || exponent.first == "-" { exponent.removeFirst() }
            guard !exponent.isEmpty, exponent.allSatisfy(\.isASCIIDigit) else { return nil }
        }
        return Double(text.hasPrefix("+") ? String(text.dropFirst()) : String(text))
    }
}

extension PatternCursor {
    /// Reads a comparison operator, if one is at the cursor.
    mutating func readOperator() -> ValueComparison.Operator? {
        ValueComparison.Operator.allCases.first { consume($0.rawValue) }
    }

    /// Reads the value after `op`: `"text"`, `%regex%`, or a bare word, number or wildcard.
    /// Bare values may hold letters, digits and `_ - . * +` (`123.123.*`, `+1000`, `*.html*`);
    /// anything else must be quoted, as the docs require for '@', '$', '\' and unicode.
    mutating func readValue(for op: ValueComparison.Operator, regexCount: inout Int) throws(FilterPatternError) -> ValueComparison.Value {
        skipSpaces()
        let start = column
        switch current {
        case "\""?:
            let text = try readQuoted()
            if op.isOrdering { throw .numberRequired(at: start) }
            return .text(Wildcard(text))
        case "%"?:
            regexCount += 1
            if regexCount > 2 { throw .tooManyRegexes(at: start) }
            let regex = try readRegex()
            if op.isOrdering { throw .numberRequired(at: start) }
            return .regex(regex)
        default:
            let word = read { !$0.isWhitespace && !"(){}[],&|".contains($0) }
            guard !word.isEmpty else { throw .expected(.value, at: start) }
            if let bad = word.enumerated().first(where: { !$0.element.isPatternWordCharacter && !"-.*+".contains($0.element) }) {
                throw .needsQuotes(bad.element, at: start + bad.offset)
            }
            if let number = PatternNumber.parse(word) { return .number(number, text: word) }
            if op.isOrdering { throw .numberRequired(at: start) }
            return .text(Wildcard(word))
        }
    }
}
