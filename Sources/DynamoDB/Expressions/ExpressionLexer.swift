/// One token of an expression; whitespace is kept because DynamoDB's syntax errors quote it.
struct ExpressionToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case identifier, number, namePlaceholder, valuePlaceholder, symbol, whitespace, unknown
    }
    let kind: Kind
    let text: String
}

/// Splits expression text into tokens the way DynamoDB's syntax errors report them.
enum ExpressionLexer {
    static let symbols: [String] = ["<=", ">=", "<>", "=", "<", ">", "(", ")", "[", "]", ",", ".", "+", "-"]

    static func tokens(_ source: String) -> [ExpressionToken] {
        let chars = Array(source.unicodeScalars)
        var tokens: [ExpressionToken] = []
        var i = 0
        func take(while predicate: (Unicode.Scalar) -> Bool, from start: Int) -> Int {
            var end = start
            while end < chars.count, predicate(chars[end]) { end += 1 }
            return end
        }
        func slice(_ range: Range<Int>) -> String { String(String.UnicodeScalarView(chars[range])) }
        while i < chars.count {
            let c = chars[i]
            var end = i + 1
            let kind: ExpressionToken.Kind
            if isSpace(c) {
                end = take(while: isSpace, from: i)
                kind = .whitespace
            } else if isLetter(c) || c == "_" {
                end = take(while: isWordPart, from: i)
                kind = .identifier
            } else if isDigit(c) {
                end = take(while: isDigit, from: i)
                kind = .number
            } else if c == "#" || c == ":" {
                end = take(while: isWordPart, from: i + 1)
                kind = end == i + 1 ? .unknown : (c == "#" ? .namePlaceholder : .valuePlaceholder)
            } else if let symbol = symbols.first(where: { matches($0, chars, at: i) }) {
                end = i + symbol.unicodeScalars.count
                kind = .symbol
            } else {
                kind = .unknown
            }
            tokens.append(ExpressionToken(kind: kind, text: slice(i..<end)))
            i = end
        }
        return tokens
    }

    private static func matches(_ symbol: String, _ chars: [Unicode.Scalar], at index: Int) -> Bool {
        let scalars = Array(symbol.unicodeScalars)
        guard index + scalars.count <= chars.count else { return false }
        return Array(chars[index..<(index + scalars.count)]) == scalars
    }

    static func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" }
    static func isLetter(_ c: Unicode.Scalar) -> Bool { (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") }
    static func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }
    static func isWordPart(_ c: Unicode.Scalar) -> Bool { isLetter(c) || isDigit(c) || c == "_" }
}

/// A cursor over significant tokens that can describe a syntax error the way DynamoDB does.
struct TokenStream {
    let all: [ExpressionToken]
    /// Indexes into `all` of the non-whitespace tokens.
    let significant: [Int]
    var position = 0
    /// The furthest syntax error seen while backtracking; reported when every branch fails.
    var furthest: (position: Int, error: ExpressionFailure)?

    init(_ text: String) {
        let tokens = ExpressionLexer.tokens(text)
        all = tokens
        significant = tokens.indices.filter { tokens[$0].kind != .whitespace }
    }

    var atEnd: Bool { position >= significant.count }
    var peek: ExpressionToken? { atEnd ? nil : all[significant[position]] }
    func peek(_ offset: Int) -> ExpressionToken? {
        position + offset < significant.count ? all[significant[position + offset]] : nil
    }

    mutating func advance() -> ExpressionToken? {
        defer { position += 1 }
        return peek
    }

    /// True (and consumed) when the next token is `symbol`.
    mutating func accept(_ symbol: String) -> Bool {
        guard let token = peek, token.kind == .symbol, token.text == symbol else { return false }
        position += 1
        return true
    }

    /// True (and consumed) when the next token is the keyword `word`, in any case.
    mutating func acceptKeyword(_ word: String) -> Bool {
        guard isKeyword(word) else { return false }
        position += 1
        return true
    }

    func isKeyword(_ word: String, offset: Int = 0) -> Bool {
        guard let token = peek(offset), token.kind == .identifier else { return false }
        return token.text.uppercased() == word
    }

    mutating func expect(_ symbol: String) throws(ExpressionFailure) {
        if !accept(symbol) { throw syntaxError() }
    }

    /// `Syntax error; token: "x", near: "a x b"`: the token, and the text from the token before it to the
    /// token after it, each extended across one whitespace run (moto `expressions.py`
    /// `raise_unexpected_token`; matches AWS's `token: ":", near: "hits : incr"` for `ADD hits : incr`,
    /// aws/aws-cdk#7591, and `token: "INVALID", near: "INVALID SYNTAX"`, dynamodb-conformance).
    func syntaxError() -> ExpressionFailure {
        let index = atEnd ? all.count : significant[position]
        var near = ""
        if index - 1 >= 0 {
            if all[index - 1].kind == .whitespace, index - 2 >= 0 { near += all[index - 2].text }
            near += all[index - 1].text
        }
        if index < all.count {
            near += all[index].text
            if index + 1 < all.count {
                near += all[index + 1].text
                if all[index + 1].kind == .whitespace, index + 2 < all.count { near += all[index + 2].text }
            }
        }
        let token = index < all.count ? all[index].text : "<EOF>"
        return .syntax("Syntax error; token: \"\(token)\", near: \"\(near)\"", position: position)
    }
}

/// Why an expression was rejected, before the `Invalid …Expression: ` prefix is added.
enum ExpressionFailure: Error, Sendable, Equatable {
    case syntax(String, position: Int)
    case semantic(String)

    var message: String {
        switch self {
        case .syntax(let m, _), .semantic(let m): m
        }
    }
}
