import Foundation

/// A character scanner for the TOML subset of samconfig.toml, tracking 1-based line/column.
struct TOMLScanner {
    private let chars: [Character]
    private var index = 0
    /// 1-based line of the next character.
    private(set) var line = 1
    /// 1-based column of the next character.
    private(set) var column = 1

    init(_ text: String) {
        chars = Array(text)
    }

    var peek: Character? { index < chars.count ? chars[index] : nil }

    private mutating func advance() {
        guard let char = peek else { return }
        index += 1
        if char == "\n" { line += 1; column = 1 } else { column += 1 }
    }

    /// A parse failure at the current position; tomlkit counts columns from 0.
    func failure(_ reason: String, tomlkit: String? = nil) -> SamConfigParseError {
        let found = peek.map { "'\(Self.pythonRepr($0))'" } ?? "end of file"
        let message = tomlkit ?? "Unexpected character: \(found)"
        return SamConfigParseError(line: line, column: column, reason: reason,
                                   tomlkitMessage: "\(message) at line \(line) col \(column - 1)")
    }

    private static func pythonRepr(_ char: Character) -> String {
        switch char {
        case "\n": "\\n"
        case "\t": "\\t"
        case "\r": "\\r"
        default: String(char)
        }
    }

    private mutating func skipSpaces() {
        while let char = peek, char == " " || char == "\t" { advance() }
    }

    private mutating func skipComment() {
        if peek == "#" { while let char = peek, char != "\n" { advance() } }
    }

    /// Skips blank lines, whitespace and comments.
    mutating func skipBlankAndComments() {
        while true {
            skipSpaces()
            skipComment()
            guard let char = peek, char == "\n" || char == "\r" else { return }
            advance()
        }
    }

    /// Ends a line: spaces, an optional comment, then a newline or the end.
    private mutating func endOfLine() throws(SamConfigParseError) {
        skipSpaces()
        skipComment()
        if peek == "\r" { advance() }
        guard peek == nil || peek == "\n" else { throw failure("unexpected text after the value") }
        advance()
    }

    /// `[a.b.c]`.
    mutating func tableHeader() throws(SamConfigParseError) -> [String] {
        advance()
        var path: [String] = []
        while true {
            skipSpaces()
            path.append(try key())
            skipSpaces()
            if peek == "." { advance(); continue }
            guard peek == "]" else { throw failure("a table header must end with ]") }
            advance()
            try endOfLine()
            return path
        }
    }

    /// `key = value` and the end of its line.
    mutating func keyValue() throws(SamConfigParseError) -> (String, SamConfigValue) {
        let name = try key()
        skipSpaces()
        guard peek == "=" else { throw failure("expected = after the key \"\(name)\"") }
        advance()
        skipSpaces()
        let result = try value()
        try endOfLine()
        return (name, result)
    }

    private mutating func key() throws(SamConfigParseError) -> String {
        if peek == "\"" { return try basicString() }
        if peek == "'" { return try literalString() }
        var name = ""
        while let char = peek, char.isASCII, char.isLetter || char.isNumber || char == "_" || char == "-" {
            name.append(char)
            advance()
        }
        guard !name.isEmpty else { throw failure("expected a key") }
        return name
    }

    private mutating func value() throws(SamConfigParseError) -> SamConfigValue {
        switch peek {
        case "\"": return .string(try basicString())
        case "'": return .string(try literalString())
        case "[": return try array()
        default: return try scalar()
        }
    }

    private mutating func array() throws(SamConfigParseError) -> SamConfigValue {
        advance()
        var items: [SamConfigValue] = []
        while true {
            skipBlankAndComments()
            if peek == "]" { advance(); return .array(items) }
            items.append(try value())
            skipBlankAndComments()
            if peek == "," { advance(); continue }
            guard peek == "]" else { throw failure("expected , or ] in the array") }
        }
    }

    private mutating func scalar() throws(SamConfigParseError) -> SamConfigValue {
        let (startLine, startColumn) = (line, column)
        var word = ""
        while let char = peek, !" \t\n\r,]#".contains(char) { word.append(char); advance() }
        if word == "true" { return .bool(true) }
        if word == "false" { return .bool(false) }
        let digits = word.replacingOccurrences(of: "_", with: "")
        if let number = Int(digits) { return .integer(number) }
        if let number = Double(digits), digits.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) {
            return .float(number, text: word)
        }
        let found = word.first.map { "'\($0)'" } ?? (peek.map { "'\(Self.pythonRepr($0))'" } ?? "end of file")
        throw SamConfigParseError(
            line: startLine, column: startColumn,
            reason: "\(word.isEmpty ? "a missing value" : "\"\(word)\"") is not a TOML value (strings need quotes)",
            tomlkitMessage: "Unexpected character: \(found) at line \(startLine) col \(startColumn - 1)")
    }

    private mutating func literalString() throws(SamConfigParseError) -> String {
        advance()
        var text = ""
        while let char = peek, char != "'" {
            guard char != "\n" else { throw failure("a string is not closed on its line") }
            text.append(char)
            advance()
        }
        guard peek == "'" else { throw failure("a string is not closed") }
        advance()
        return text
    }

    private mutating func basicString() throws(SamConfigParseError) -> String {
        advance()
        var text = ""
        while let char = peek, char != "\"" {
            guard char != "\n" else {
                throw failure("a string is not closed on its line",
                              tomlkit: "Control characters (codes less than 0x1f and 0x7f) are not allowed in strings, use \\u000a instead")
            }
            advance()
            if char == "\\" { text.append(try escape()) } else { text.append(char) }
        }
        guard peek == "\"" else { throw failure("a string is not closed") }
        advance()
        return text
    }

    private mutating func escape() throws(SamConfigParseError) -> Character {
        guard let char = peek else { throw failure("a string ends in a backslash") }
        let simple: [Character: Character] = ["\"": "\"", "\\": "\\", "n": "\n", "t": "\t", "r": "\r", "b": "\u{08}", "f": "\u{0C}"]
        if let mapped = simple[char] { advance(); return mapped }
        guard char == "u" || char == "U" else { throw failure("unknown escape \\\(char)") }
        advance()
        var hex = ""
        for _ in 0..<(char == "u" ? 4 : 8) {
            guard let digit = peek, digit.isHexDigit else { throw failure("bad \\\(char) escape") }
            hex.append(digit)
            advance()
        }
        guard let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) else { throw failure("bad \\\(char) escape") }
        return Character(scalar)
    }
}
