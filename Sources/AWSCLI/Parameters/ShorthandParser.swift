import Foundation
import SimKit

/// The shorthand grammar of `awscli/shorthand.py` `ShorthandParser`: `A=b,C=d`, csv values
/// `A=b,c`, explicit lists `A=[b,c]`, hashes `A={B=c}`, single/double quotes, `\,` escapes, and
/// `key@=file://…` paramfile values. Syntax only: every scalar comes out as a string.
struct ShorthandParser {
    /// `ShorthandParseError`'s text (without the `Error parsing parameter` prefix).
    struct Failure: Error, Equatable {
        let message: String
    }

    private let s: [Unicode.Scalar]
    private var index = 0
    private var resolveParamfiles = false
    private let loadFile: (String) throws -> String?

    /// Parses one shorthand value; `loadFile` reads `file://`/`fileb://` values after `@=`.
    static func parse(_ text: String, loadFile: @escaping (String) throws -> String? = { _ in nil }) throws -> JSONObject {
        var parser = ShorthandParser(s: Array(text.unicodeScalars), loadFile: loadFile)
        return try parser.parameter()
    }

    private init(s: [Unicode.Scalar], loadFile: @escaping (String) throws -> String?) {
        self.s = s
        self.loadFile = loadFile
    }

    // MARK: Errors

    private func errorLocation(_ at: Int) -> String {
        let text = String(String.UnicodeScalarView(s))
        var consumed = text, remaining = "", spaces = at
        if let lastNewline = s[..<at].lastIndex(of: "\n") { spaces = at - lastNewline - 1 }
        if let nextNewline = s[at...].firstIndex(of: "\n") {
            consumed = String(String.UnicodeScalarView(s[..<nextNewline]))
            remaining = String(String.UnicodeScalarView(s[nextNewline...]))
        }
        return consumed + "\n" + String(repeating: " ", count: spaces) + "^" + remaining
    }

    private func syntaxError(expected: String, actual: String, at: Int) -> Failure {
        Failure(message: "Expected: '\(expected)', received: '\(actual)' for input:\n" + errorLocation(at))
    }

    // MARK: Grammar

    private mutating func parameter() throws -> JSONObject {
        var params = JSONObject()
        let (key, value) = try keyValue()
        params[key] = value
        var lastIndex = index
        while index < s.count {
            try expect(",", skippingSpace: true)
            let (key, value) = try keyValue()
            if params[key] != nil {
                throw Failure(message: "Second instance of key \"\(key)\" encountered for input:\n"
                    + errorLocation(lastIndex + 1)
                    + "\nThis is often because there is a preceding \",\" instead of a space.")
            }
            params[key] = value
            lastIndex = index
        }
        return params
    }

    private mutating func keyValue() throws -> (String, JSON) {
        let name = key()
        try atEquals()
        return (name, try values())
    }

    /// `=` or `@=` (which makes the values paramfile-aware).
    private mutating func atEquals() throws {
        resolveParamfiles = false
        let saved = index
        do {
            try expect("@", skippingSpace: true)
            resolveParamfiles = true
        } catch {
            index = saved
        }
        try expect("=", skippingSpace: true)
    }

    private mutating func key() -> String {
        let start = index
        while index < s.count, s[index].isASCII,
              s[index].properties.isAlphabetic || ("0"..."9").contains(s[index]) || "-_.#/:".unicodeScalars.contains(s[index]) {
            index += 1
        }
        return String(String.UnicodeScalarView(s[start..<index]))
    }

    private mutating func values() throws -> JSON {
        guard index < s.count else { return "" }
        switch s[index] {
        case "[": return try explicitList()
        case "{": return try hashLiteral()
        default: return try csvValue()
        }
    }

    private mutating func csvValue() throws -> JSON {
        let first = try firstValue()
        skipSpace()
        guard index < s.count, s[index] == "," else { return .string(first) }
        try expect(",", skippingSpace: true)
        var list = [first]
        while true {
            do {
                let current = try secondValue()
                skipSpace()
                if index >= s.count { list.append(current); break }
                try expect(",", skippingSpace: true)
                list.append(current)
            } catch let failure as Failure where failure.message.hasPrefix("Expected:") {
                if index >= s.count { throw failure }
                backtrack(to: ",")
                break
            }
        }
        return list.count == 1 ? .string(first) : .array(list.map(JSON.string))
    }

    private mutating func explicitList() throws -> JSON {
        try expect("[", skippingSpace: true)
        var items: [JSON] = []
        while current != "]" {
            items.append(try explicitValue())
            skipSpace()
            if current != "]" {
                try expect(",")
                skipSpace()
            }
        }
        try expect("]")
        return .array(items)
    }

    private mutating func explicitValue() throws -> JSON {
        switch current {
        case "[": return try explicitList()
        case "{": return try hashLiteral()
        default: return .string(try firstValue())
        }
    }

    private mutating func hashLiteral() throws -> JSON {
        try expect("{", skippingSpace: true)
        var object = JSONObject()
        while current != "}" {
            let name = key()
            try atEquals()
            let value = try explicitValue()
            skipSpace()
            if current != "}" {
                try expect(",")
                skipSpace()
            }
            object[name] = value
        }
        try expect("}")
        return .object(object)
    }

    private mutating func firstValue() throws -> String {
        switch current {
        case "'": return try quoted("'")
        case "\"": return try quoted("\"")
        default:
            let consumed = consume(while: ShorthandCharacters.isFirstFollow, start: ShorthandCharacters.isStart)
            return try resolved(Self.unescapeCommas(consumed))
        }
    }

    private mutating func secondValue() throws -> String {
        switch current {
        case "'": return try quoted("'")
        case "\"": return try quoted("\"")
        default:
            let consumed = consume(while: ShorthandCharacters.isSecondFollow, start: ShorthandCharacters.isStart)
            guard !consumed.isEmpty else { throw syntaxError(expected: "<second>", actual: "<none>", at: index) }
            return try resolved(Self.unescapeCommas(consumed))
        }
    }

    private static func unescapeCommas(_ text: String) -> String {
        var out = text.replacingOccurrences(of: "\\,", with: ",")
        while let last = out.unicodeScalars.last, last.properties.isWhitespace { out.unicodeScalars.removeLast() }
        return out
    }

    private func resolved(_ value: String) throws -> String {
        guard resolveParamfiles else { return value }
        return try loadFile(value) ?? value
    }
}

// MARK: - Characters

extension ShorthandParser {
    private var current: Unicode.Scalar? { index < s.count ? s[index] : nil }

    private mutating func skipSpace() {
        while let c = current, " \t\n\r\u{0B}\u{0C}".unicodeScalars.contains(c) { index += 1 }
    }

    private mutating func expect(_ char: Unicode.Scalar, skippingSpace: Bool = false) throws {
        if skippingSpace { skipSpace() }
        guard let c = current else { throw syntaxError(expected: String(char), actual: "EOF", at: index) }
        guard c == char else { throw syntaxError(expected: String(char), actual: String(c), at: index) }
        index += 1
        if skippingSpace { skipSpace() }
    }

    private mutating func backtrack(to char: Unicode.Scalar) {
        while index >= 0, index < s.count, s[index] != char { index -= 1 }
    }

    /// `(\\,|[start])(\\,|[follow])*` at the current index; empty when nothing matches.
    private mutating func consume(while follow: (Unicode.Scalar) -> Bool, start: (Unicode.Scalar) -> Bool) -> String {
        var out = String.UnicodeScalarView()
        var i = index
        var first = true
        while i < s.count {
            if s[i] == "\\", i + 1 < s.count, s[i + 1] == "," {
                out.append(contentsOf: s[i...i + 1])
                i += 2
            } else if first ? start(s[i]) : follow(s[i]) {
                out.append(s[i])
                i += 1
            } else {
                break
            }
            first = false
        }
        index = i
        return String(out)
    }

    /// A quoted value: the longest `'…'` whose inner quotes are all backslash-escaped, with
    /// `\'` and `\\` unescaped (`_consume_quoted`).
    private mutating func quoted(_ quote: Unicode.Scalar) throws -> String {
        let start = index
        var end: Int?
        var k = start + 1
        while k < s.count {
            if s[k] == quote {
                end = k
                if s[k - 1] != "\\" || k - 1 == start { break }
            }
            k += 1
        }
        guard let end else {
            let name = quote == "'" ? "singled quoted" : "double quoted"
            throw syntaxError(expected: "<\(name)>", actual: "<none>", at: start)
        }
        index = end + 1
        let inner = String(String.UnicodeScalarView(s[(start + 1)..<end]))
        let unescaped = inner.replacingOccurrences(of: "\\" + String(quote), with: String(quote))
            .replacingOccurrences(of: "\\\\", with: "\\")
        return try resolved(unescaped)
    }
}

/// The character classes of `ShorthandParser`'s value regexes (code points up to U+FFFF only,
/// as in the Python source).
enum ShorthandCharacters {
    private static func isBase(_ v: UInt32) -> Bool {
        v == 0x21 || (0x23...0x26).contains(v) || (0x28...0x2B).contains(v)
    }

    /// `_START_WORD`: no space, quote, comma, `=`, `[` or `{`.
    static func isStart(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        return isBase(v) || (0x2D...0x3C).contains(v) || (0x3E...0x5A).contains(v) || (0x5C...0x7A).contains(v)
            || (0x7C...0xFFFF).contains(v)
    }

    /// `_FIRST_FOLLOW_CHARS`: spaces allowed; no quote, comma, `]` or `}`.
    static func isFirstFollow(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        return c.properties.isWhitespace || isBase(v) || (0x2D...0x5C).contains(v) || (0x5E...0x7C).contains(v)
            || (0x7E...0xFFFF).contains(v)
    }

    /// `_SECOND_FOLLOW_CHARS`: spaces allowed; no quote, comma or `=`.
    static func isSecondFollow(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        return c.properties.isWhitespace || isBase(v) || (0x2D...0x3C).contains(v) || (0x3E...0xFFFF).contains(v)
    }
}
