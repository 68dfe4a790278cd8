import SimKit

/// What a parser needed where it stopped; each names itself for `FilterPatternError.expected`.
enum Expectation: Sendable {
    case endOfPattern, term, value, selector, comparison, closingBrace, closingParen
    case commaOrBracket, fieldName, propertyName, arrayIndex, nullTrueOrFalse, exists
    case regexTerm, quantifier, closingClass, hexDigits, spaceAfterQuote, conjunction

    var text: LocalizedText {
        switch self {
        case .endOfPattern: LocalizedText(en: "the end of the pattern", ko: "패턴의 끝")
        case .term: LocalizedText(en: "a term after - or ?", ko: "- 또는 ? 뒤의 단어")
        case .value: LocalizedText(en: "a value (a number, a word, \"text\" or %regex%)", ko: "값(숫자, 단어, \"문자열\", %정규식%)")
        case .selector: LocalizedText(en: "a property selector starting with $. or (", ko: "$. 로 시작하는 속성 선택자 또는 (")
        case .comparison: LocalizedText(en: "=, !=, <, >, <=, >=, IS or NOT EXISTS", ko: "=, !=, <, >, <=, >=, IS, NOT EXISTS")
        case .closingBrace: LocalizedText(en: "&&, || or the closing }", ko: "&&, || 또는 닫는 }")
        case .closingParen: LocalizedText(en: "&&, || or the closing )", ko: "&&, || 또는 닫는 )")
        case .commaOrBracket: LocalizedText(en: "a comma or the closing ]", ko: "쉼표 또는 닫는 ]")
        case .fieldName: LocalizedText(en: "a field name (letters, digits, _) or ...", ko: "필드 이름(영문자, 숫자, _) 또는 ...")
        case .propertyName: LocalizedText(en: "a property name (letters, digits, - and _), * or ['key']", ko: "속성 이름(영문자, 숫자, -, _), * 또는 ['키']")
        case .arrayIndex: LocalizedText(en: "an array index, * or 'key' inside [ ]", ko: "[ ] 안의 배열 인덱스, * 또는 '키'")
        case .nullTrueOrFalse: LocalizedText(en: "NULL, TRUE or FALSE after IS", ko: "IS 뒤의 NULL, TRUE, FALSE")
        case .exists: LocalizedText(en: "EXISTS after NOT", ko: "NOT 뒤의 EXISTS")
        case .regexTerm: LocalizedText(en: "something to match inside %…%", ko: "%…% 안에 찾을 내용")
        case .quantifier: LocalizedText(en: "a repeat count {m,n}, {m}, {m,} or {,n}", ko: "반복 횟수 {m,n}, {m}, {m,}, {,n}")
        case .closingClass: LocalizedText(en: "the closing ] of the character class", ko: "문자 클래스를 닫는 ]")
        case .hexDigits: LocalizedText(en: "two hexadecimal digits after \\x", ko: "\\x 뒤의 16진수 두 자리")
        case .spaceAfterQuote: LocalizedText(en: "a space after the closing quote", ko: "닫는 따옴표 뒤의 공백")
        case .conjunction: LocalizedText(en: "&&, || or a comma", ko: "&&, || 또는 쉼표")
        }
    }
}

/// A position in a filter pattern, counted in characters so errors name the column a learner sees.
struct PatternCursor {
    let characters: [Character]
    private(set) var index = 0

    init(_ text: String) { characters = Array(text) }

    var isAtEnd: Bool { index >= characters.count }
    /// The 1-based column of the current character.
    var column: Int { index + 1 }
    var current: Character? { peek(0) }

    func peek(_ offset: Int) -> Character? {
        let position = index + offset
        return position >= 0 && position < characters.count ? characters[position] : nil
    }

    mutating func advance(_ count: Int = 1) { index = min(index + count, characters.count) }

    mutating func skipSpaces() {
        while let character = current, character.isWhitespace { index += 1 }
    }

    /// Whether the text at the cursor starts with `literal`.
    func startsWith(_ literal: String) -> Bool {
        var offset = 0
        for character in literal {
            guard peek(offset) == character else { return false }
            offset += 1
        }
        return true
    }

    /// Consumes `literal` if the text at the cursor starts with it.
    mutating func consume(_ literal: String) -> Bool {
        guard startsWith(literal) else { return false }
        advance(literal.count)
        return true
    }

    /// Consumes a case-insensitive keyword that is followed by a non-word character.
    mutating func consumeKeyword(_ keyword: String) -> Bool {
        for (offset, expected) in keyword.enumerated() {
            guard let character = peek(offset), character.uppercased() == String(expected) else { return false }
        }
        if let next = peek(keyword.count), next.isPatternWordCharacter { return false }
        advance(keyword.count)
        return true
    }

    /// Reads characters while `predicate` holds.
    mutating func read(while predicate: (Character) -> Bool) -> String {
        var text = ""
        while let character = current, predicate(character) {
            text.append(character)
            index += 1
        }
        return text
    }

    /// Reads a double-quoted string at the cursor; `\"` and `\\` are escapes, any other backslash
    /// stays as written (so `"C:\temp"` means what it says).
    mutating func readQuoted() throws(FilterPatternError) -> String {
        let start = column
        advance()
        var text = ""
        while let character = current {
            advance()
            switch character {
            case "\"": return text
            case "\\" where current == "\"" || current == "\\":
                text.append(current ?? "\\")
                advance()
            default: text.append(character)
            }
        }
        throw .unterminatedQuote(at: start)
    }

    /// Reads a `%regex%` at the cursor.
    mutating func readRegex() throws(FilterPatternError) -> FilterRegex {
        let start = column
        advance()
        let bodyColumn = column
        let body = read { $0 != "%" }
        guard consume("%") else { throw .unterminatedRegex(at: start) }
        guard !body.isEmpty else { throw .expected(.regexTerm, at: bodyColumn) }
        return try FilterRegex(body, column: bodyColumn)
    }
}

extension Character {
    /// Letters, digits and `_`: what a term may hold without quotes.
    /// https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html
    /// ("terms that include characters other than alphanumeric or underscore must be placed inside double quotes").
    var isPatternWordCharacter: Bool { isASCII && (isLetter || isNumber || self == "_") }
}
