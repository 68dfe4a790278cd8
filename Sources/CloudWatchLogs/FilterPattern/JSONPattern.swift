import SimKit

/// A JSON filter pattern, `{ $.a = "x" && ($.b > 1 || $.c IS NULL) }`, parsed into a condition tree.
///
/// Grammar, from the docs (precedence `()` > `&&` > `||`):
/// ```
/// pattern    = "{" or "}"
/// or         = and { "||" and }
/// and        = primary { "&&" primary }
/// primary    = "(" or ")" | selector test
/// test       = op value | "IS" ("NULL" | "TRUE" | "FALSE") | "NOT" "EXISTS"
/// selector   = "$" ( "." (name | "*" | "['" key "']") | "[" (index | "*" | "'" key "'") "]" )+
/// ```
/// https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html#matching-terms-json-log-events
struct JSONPattern: Sendable, Equatable {
    indirect enum Condition: Sendable, Equatable {
        case all([Condition])
        case any([Condition])
        case compare(Selector, ValueComparison)
        case isNull(Selector), isTrue(Selector), isFalse(Selector), notExists(Selector)
    }

    /// A path from the root: `$.objectList[1].id`, `$.arrayKey[*]`, `$.['cluster.name']`.
    struct Selector: Sendable, Equatable {
        enum Step: Sendable, Equatable {
            case key(String), index(Int), anyKey, anyIndex
        }
        var steps: [Step]
    }

    let condition: Condition
    /// The condition compiled for matching raw bytes.
    let plan: JSONScanPlan

    /// Parses from the opening `{` to the closing `}`, which must end the pattern.
    init(parsing cursor: inout PatternCursor) throws(FilterPatternError) {
        var parser = JSONPatternParser(cursor: cursor)
        parser.cursor.advance()
        condition = try parser.parseOr(closing: "}")
        plan = JSONScanPlan(condition)
        parser.cursor.skipSpaces()
        guard parser.cursor.consume("}") else { throw .expected(.closingBrace, at: parser.cursor.column) }
        parser.cursor.skipSpaces()
        guard parser.cursor.isAtEnd else { throw .expected(.endOfPattern, at: parser.cursor.column) }
        cursor = parser.cursor
    }
}

/// The recursive-descent parser behind `JSONPattern`, counting the documented quotas as it goes.
private struct JSONPatternParser {
    var cursor: PatternCursor
    var regexCount = 0
    var wildcardCount = 0

    mutating func parseOr(closing: Character) throws(FilterPatternError) -> JSONPattern.Condition {
        var terms = [try parseAnd(closing: closing)]
        while skipAndConsume("||") { terms.append(try parseAnd(closing: closing)) }
        return terms.count == 1 ? terms[0] : .any(terms)
    }

    mutating func parseAnd(closing: Character) throws(FilterPatternError) -> JSONPattern.Condition {
        var terms = [try parsePrimary()]
        while skipAndConsume("&&") { terms.append(try parsePrimary()) }
        cursor.skipSpaces()
        if let next = cursor.current, next != closing, !cursor.startsWith("||") {
            throw .expected(closing == ")" ? .closingParen : .closingBrace, at: cursor.column)
        }
        return terms.count == 1 ? terms[0] : .all(terms)
    }

    mutating func skipAndConsume(_ literal: String) -> Bool {
        cursor.skipSpaces()
        return cursor.consume(literal)
    }

    mutating func parsePrimary() throws(FilterPatternError) -> JSONPattern.Condition {
        cursor.skipSpaces()
        if cursor.consume("(") {
            let inner = try parseOr(closing: ")")
            guard skipAndConsume(")") else { throw .expected(.closingParen, at: cursor.column) }
            return inner
        }
        guard cursor.current == "$" else { throw .expected(.selector, at: cursor.column) }
        let selector = try parseSelector()
        return try parseTest(selector)
    }

    /// `op value`, `IS NULL|TRUE|FALSE` or `NOT EXISTS` after a selector.
    mutating func parseTest(_ selector: JSONPattern.Selector) throws(FilterPatternError) -> JSONPattern.Condition {
        cursor.skipSpaces()
        let start = cursor.column
        if cursor.consumeKeyword("IS") {
            cursor.skipSpaces()
            if cursor.consumeKeyword("NULL") { return .isNull(selector) }
            if cursor.consumeKeyword("TRUE") { return .isTrue(selector) }
            if cursor.consumeKeyword("FALSE") { return .isFalse(selector) }
            // "The variables IS NOT and EXISTS currently aren't supported."
            if cursor.consumeKeyword("NOT") { throw .unsupportedKeyword("IS NOT", at: start) }
            throw .expected(.nullTrueOrFalse, at: cursor.column)
        }
        if cursor.consumeKeyword("NOT") {
            cursor.skipSpaces()
            guard cursor.consumeKeyword("EXISTS") else { throw .expected(.exists, at: cursor.column) }
            return .notExists(selector)
        }
        if cursor.consumeKeyword("EXISTS") { throw .unsupportedKeyword("EXISTS", at: start) }
        guard let op = cursor.readOperator() else { throw .expected(.comparison, at: start) }
        return .compare(selector, ValueComparison(op: op, value: try cursor.readValue(for: op, regexCount: &regexCount)))
    }

    mutating func parseSelector() throws(FilterPatternError) -> JSONPattern.Selector {
        cursor.advance()
        var steps: [JSONPattern.Selector.Step] = []
        var wildcards = 0
        guard cursor.current == "." else { throw .expected(.propertyName, at: cursor.column) }
        while cursor.current == "." || cursor.current == "[" {
            let start = cursor.column
            let step = cursor.consume(".") && cursor.current != "[" ? try parseName() : try parseBracket()
            if step == .anyKey || step == .anyIndex {
                wildcards += 1
                wildcardCount += 1
                if wildcards > 1 { throw .wildcardQuota(perPattern: false, at: start) }
                if wildcardCount > 3 { throw .wildcardQuota(perPattern: true, at: start) }
            }
            steps.append(step)
        }
        return JSONPattern.Selector(steps: steps)
    }

    /// A property name after `.`: letters, digits, `-` and `_`, or `*`.
    mutating func parseName() throws(FilterPatternError) -> JSONPattern.Selector.Step {
        if cursor.consume("*") { return .anyKey }
        let name = cursor.read { $0.isPatternWordCharacter || $0 == "-" }
        guard !name.isEmpty else { throw .expected(.propertyName, at: cursor.column) }
        return .key(name)
    }

    /// `[0]`, `[*]` or `['key.with.dots']`.
    mutating func parseBracket() throws(FilterPatternError) -> JSONPattern.Selector.Step {
        let open = cursor.column
        guard cursor.consume("[") else { throw .expected(.propertyName, at: open) }
        let step: JSONPattern.Selector.Step
        if cursor.consume("*") {
            step = .anyIndex
        } else if cursor.consume("'") {
            let key = cursor.read { $0 != "'" }
            guard cursor.consume("'") else { throw .unterminatedQuote(at: open + 1) }
            step = .key(key)
        } else {
            let digits = cursor.read(while: \.isASCIIDigit)
            guard let index = Int(digits) else { throw .expected(.arrayIndex, at: cursor.column) }
            step = .index(index)
        }
        guard cursor.consume("]") else { throw .expected(.arrayIndex, at: cursor.column) }
        return step
    }
}


/// Evaluating a `JSONPattern` against a log event.
///
/// A message that is not JSON never matches. A selector that reaches an object or an array,
/// or nothing, makes `=` and `!=` alike false ("both {$.users = 1} and {$.users != 1} will fail
/// to match a log event where users is an array"); with a wildcard selector, any selected value
/// that satisfies the test is enough.
/// https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html#matching-terms-json-log-events
extension JSONPattern {
    /// Whether the UTF-8 event `message` is JSON and satisfies the condition; the same answer as
    /// `matchesByParsing`, mostly without building a tree (`JSONScanPlan`).
    func matches(utf8 message: UnsafeRawBufferPointer) -> Bool {
        // Most events of a busy group are plain text: skip them before paying for a parse.
        guard Self.mayBeJSON(message) else { return false }
        for literal in plan.required where !ByteSearch.contains(message, literal) {
            if ByteSearch.isPlainASCII(message) { return false }
            break
        }
        guard plan.scannable else { return matchesByParsing(message) }
        switch JSONScanner.scan(message, plan: plan) {
        case .notJSON: return false
        case .undecided: return matchesByParsing(message)
        case .values(let values): return plan.holds(values)
        }
    }

    /// Whether `message` is JSON and satisfies the condition, by parsing it into a tree.
    func matchesByParsing(_ message: UnsafeRawBufferPointer) -> Bool {
        guard Self.mayBeJSON(message), let document = try? JSONParser.parse(bytes: Array(message)) else { return false }
        return condition.holds(in: document)
    }

    /// Whether the first non-blank byte opens an object or an array (nothing else can match).
    static func mayBeJSON(_ message: UnsafeRawBufferPointer) -> Bool {
        for byte in message {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): continue
            case UInt8(ascii: "{"), UInt8(ascii: "["): return true
            default: return false
            }
        }
        return false
    }
}

extension JSONPattern.Condition {
    func holds(in document: JSON) -> Bool {
        switch self {
        case .all(let conditions): conditions.allSatisfy { $0.holds(in: document) }
        case .any(let conditions): conditions.contains { $0.holds(in: document) }
        case .compare(let selector, let comparison):
            selector.values(in: document).contains { $0.satisfies(comparison) }
        case .isNull(let selector): selector.values(in: document).contains(.null)
        case .isTrue(let selector): selector.values(in: document).contains(.bool(true))
        case .isFalse(let selector): selector.values(in: document).contains(.bool(false))
        case .notExists(let selector): selector.values(in: document).isEmpty
        }
    }
}

extension JSONPattern.Selector {
    /// Every value the selector reaches in `document` (several only through a wildcard).
    func values(in document: JSON) -> [JSON] {
        var current = [document]
        for step in steps {
            current = current.flatMap { value -> [JSON] in
                switch (step, value) {
                case (.key(let key), .object(let object)): object[key].map { [$0] } ?? []
                case (.anyKey, .object(let object)): object.members.map(\.value)
                case (.index(let index), .array(let array)): index < array.count ? [array[index]] : []
                case (.anyIndex, .array(let array)): array
                default: []
                }
            }
        }
        return current
    }
}

extension JSON {
    /// Whether this value is a string, number or boolean that satisfies `comparison`.
    /// Only JSON numbers compare numerically; a string such as "404" compares as text.
    func satisfies(_ comparison: ValueComparison) -> Bool {
        switch self {
        case .string(let text): comparison.matches(text: text, number: nil)
        case .int(let number): comparison.matches(text: String(number), number: Double(number))
        case .double(let number): comparison.matches(text: String(number), number: number)
        case .bool(let flag): comparison.matches(text: flag ? "true" : "false", number: nil)
        case .null, .array, .object: false
        }
    }
}
