import Foundation
import SimKit

/// A JMESPath token, with the same types and start positions as the Python `jmespath` lexer
/// the aws CLI uses, so syntax errors point at the same column.
struct JMESToken {
    enum Kind: String {
        case dot, star, rbracket, comma, colon, current, lparen, rparen, lbrace, rbrace
        case lbracket, flatten, filter, or, pipe, and, expref, not, eq, ne, lt, lte, gt, gte
        case unquotedIdentifier = "unquoted_identifier", quotedIdentifier = "quoted_identifier"
        case literal, number, eof
    }

    var kind: Kind
    /// The token's text as Python's `str()` prints it in error messages.
    var text: String
    /// Identifier names, literal values and numbers.
    var value: JSON = .null
    var start: Int
}

/// Tokenizes a JMESPath expression (`jmespath/lexer.py`).
struct JMESLexer {
    private let chars: [Unicode.Scalar]
    private let expression: String
    private var position = 0
    private var current: Unicode.Scalar?

    private static let simple: [Unicode.Scalar: JMESToken.Kind] = [
        ".": .dot, "*": .star, "]": .rbracket, ",": .comma, ":": .colon, "@": .current,
        "(": .lparen, ")": .rparen, "{": .lbrace, "}": .rbrace,
    ]

    static func tokenize(_ expression: String) throws(JMESSyntaxError) -> [JMESToken] {
        guard !expression.isEmpty else { throw JMESSyntaxError("Invalid JMESPath expression: cannot be empty.") }
        var lexer = JMESLexer(expression: expression)
        return try lexer.run()
    }

    private init(expression: String) {
        self.expression = expression
        chars = Array(expression.unicodeScalars)
        current = chars.first
    }

    @discardableResult
    private mutating func next() -> Unicode.Scalar? {
        if position == chars.count - 1 { current = nil } else { position += 1; current = chars[position] }
        return current
    }

    private func lexerError(_ message: String, at position: Int) -> JMESSyntaxError {
        let underline = String(repeating: " ", count: position) + "^"
        return JMESSyntaxError("Bad jmespath expression: \(message):\n\(expression)\n\(underline)")
    }

    private static func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
        c == "_" || (c.isASCII && c.properties.isAlphabetic)
    }

    private static func isIdentifierPart(_ c: Unicode.Scalar) -> Bool {
        isIdentifierStart(c) || ("0"..."9").contains(c)
    }

    private mutating func run() throws(JMESSyntaxError) -> [JMESToken] {
        var tokens: [JMESToken] = []
        while let c = current {
            if let kind = Self.simple[c] {
                tokens.append(JMESToken(kind: kind, text: String(c), start: position))
                next()
            } else if Self.isIdentifierStart(c) {
                let start = position
                var name = String(c)
                while let n = next(), Self.isIdentifierPart(n) { name.unicodeScalars.append(n) }
                tokens.append(JMESToken(kind: .unquotedIdentifier, text: name, value: .string(name), start: start))
            } else if [" ", "\t", "\n", "\r"].contains(c) {
                next()
            } else {
                tokens.append(try operatorToken(c))
            }
        }
        tokens.append(JMESToken(kind: .eof, text: "", start: chars.count))
        return tokens
    }

    private mutating func operatorToken(_ c: Unicode.Scalar) throws(JMESSyntaxError) -> JMESToken {
        let start = position
        switch c {
        case "[":
            switch next() {
            case "]": next(); return JMESToken(kind: .flatten, text: "[]", start: start)
            case "?": next(); return JMESToken(kind: .filter, text: "[?", start: start)
            default: return JMESToken(kind: .lbracket, text: "[", start: start)
            }
        case "'": return try rawStringLiteral()
        case "|": return matchOrElse("|", .or, .pipe)
        case "&": return matchOrElse("&", .and, .expref)
        case "`": return try jsonLiteral()
        case "0"..."9", "-": return try number(c)
        case "\"": return try quotedIdentifier()
        case "<": return matchOrElse("=", .lte, .lt)
        case ">": return matchOrElse("=", .gte, .gt)
        case "!": return matchOrElse("=", .ne, .not)
        case "=":
            if next() == "=" {
                next()
                return JMESToken(kind: .eq, text: "==", start: start)
            }
            throw lexerError("Unknown token '='", at: current == nil ? position : position - 1)
        default:
            throw lexerError("Unknown token \(c)", at: position)
        }
    }

    private mutating func number(_ c: Unicode.Scalar) throws(JMESSyntaxError) -> JMESToken {
        let start = position
        var digits = String(c)
        while let n = next(), ("0"..."9").contains(n) { digits.unicodeScalars.append(n) }
        if digits == "-" { throw lexerError("Unknown token '-'", at: start) }
        let value: JSON = Int64(digits).map(JSON.int) ?? .double(Double(digits) ?? 0)
        return JMESToken(kind: .number, text: PythonText.str(value), value: value, start: start)
    }

    private mutating func matchOrElse(_ expected: Unicode.Scalar, _ match: JMESToken.Kind,
                                      _ otherwise: JMESToken.Kind) -> JMESToken {
        let start = position
        let first = current.map(String.init) ?? ""
        if let n = next(), n == expected {
            next()
            return JMESToken(kind: match, text: first + String(n), start: start)
        }
        return JMESToken(kind: otherwise, text: first, start: start)
    }

    /// `_consume_until`: the text up to an unescaped `delimiter`, backslashes kept.
    private mutating func consumeUntil(_ delimiter: Unicode.Scalar) throws(JMESSyntaxError) -> String {
        let start = position
        var buffer = ""
        next()
        while current != delimiter {
            if current == "\\" { buffer += "\\"; next() }
            guard let c = current else { throw lexerError("Unclosed \(delimiter) delimiter", at: start) }
            buffer.unicodeScalars.append(c)
            next()
        }
        next()
        return buffer
    }

    private mutating func rawStringLiteral() throws(JMESSyntaxError) -> JMESToken {
        let start = position
        let text = try consumeUntil("'").replacingOccurrences(of: "\\'", with: "'")
        return JMESToken(kind: .literal, text: text, value: .string(text), start: start)
    }

    private mutating func jsonLiteral() throws(JMESSyntaxError) -> JMESToken {
        let start = position
        let lexeme = try consumeUntil("`").replacingOccurrences(of: "\\`", with: "`")
        let value: JSON
        if let parsed = try? PythonJSON.loads(lexeme) {
            value = parsed
        } else if let legacy = try? PythonJSON.loads("\"" + String(lexeme.drop(while: \.isWhitespace)) + "\"") {
            value = legacy  // JEP-12's deprecated form: an unquoted string between backticks.
        } else {
            throw lexerError("Bad token \(lexeme)", at: start)
        }
        return JMESToken(kind: .literal, text: PythonText.str(value), value: value, start: start)
    }

    private mutating func quotedIdentifier() throws(JMESSyntaxError) -> JMESToken {
        let start = position
        let lexeme = "\"" + (try consumeUntil("\"")) + "\""
        do {
            let name = try PythonJSON.loads(lexeme)
            return JMESToken(kind: .quotedIdentifier, text: PythonText.str(name), value: name, start: start)
        } catch {
            let reason = error.description.split(separator: ":", omittingEmptySubsequences: false).first.map(String.init) ?? ""
            throw lexerError(reason, at: start)
        }
    }
}

/// A JMESPath syntax error; `message` is Python's `str(error)`.
struct JMESSyntaxError: Error, Equatable {
    let message: String
    init(_ message: String) { self.message = message }
}
