import SimKit

/// A Pratt parser with the binding powers and error messages of `jmespath/parser.py`.
struct JMESParser {
    private static let bindingPower: [JMESToken.Kind: Int] = [
        .pipe: 1, .or: 2, .and: 3, .eq: 5, .gt: 5, .lt: 5, .gte: 5, .lte: 5, .ne: 5, .flatten: 9,
        .star: 20, .filter: 21, .dot: 40, .not: 45, .lbrace: 50, .lbracket: 55, .lparen: 60,
    ]
    static let projectionStop = 10

    let expression: String
    let tokens: [JMESToken]
    var index = 0

    static func parse(_ expression: String) throws(JMESSyntaxError) -> JMESNode {
        var parser = JMESParser(expression: expression, tokens: try JMESLexer.tokenize(expression))
        let node = try parser.expression(0)
        if parser.currentKind != .eof {
            let t = parser.token(0)
            throw parser.parseError(t, "Unexpected token: \(t.text)")
        }
        return node
    }

    private init(expression: String, tokens: [JMESToken]) {
        self.expression = expression
        self.tokens = tokens
    }

    // MARK: Token access

    func token(_ offset: Int) -> JMESToken {
        let i = index + offset
        return tokens[max(0, min(i, tokens.count - 1))]
    }
    var currentKind: JMESToken.Kind { token(0).kind }
    func power(_ kind: JMESToken.Kind) -> Int { Self.bindingPower[kind] ?? 0 }
    mutating func advance() { index += 1 }

    // MARK: Errors (`jmespath/exceptions.py`)

    func parseError(_ t: JMESToken, _ message: String) -> JMESSyntaxError {
        parseError(position: t.start, text: t.text, kind: t.kind, message)
    }

    func parseError(position: Int, text: String, kind: JMESToken.Kind, _ message: String) -> JMESSyntaxError {
        let underline = String(repeating: " ", count: position + 1) + "^"
        return JMESSyntaxError("\(message): Parse error at column \(position), token \"\(text)\" "
            + "(\(kind.rawValue.uppercased())), for expression:\n\"\(expression)\"\n\(underline)")
    }

    func incomplete() -> JMESSyntaxError {
        let underline = String(repeating: " ", count: expression.unicodeScalars.count + 1) + "^"
        return JMESSyntaxError("Invalid jmespath expression: Incomplete expression:\n\"\(expression)\"\n\(underline)")
    }

    func errorMaybeEOF(expected: String) -> JMESSyntaxError {
        let t = token(0)
        if t.kind == .eof { return incomplete() }
        return parseError(t, "Expecting: \(expected), got: \(t.kind.rawValue)")
    }

    mutating func match(_ kind: JMESToken.Kind) throws(JMESSyntaxError) {
        guard currentKind == kind else { throw errorMaybeEOF(expected: kind.rawValue) }
        advance()
    }

    // MARK: Expressions

    mutating func expression(_ bindingPower: Int) throws(JMESSyntaxError) -> JMESNode {
        let left = token(0)
        advance()
        var node = try nud(left)
        while bindingPower < power(currentKind) {
            let kind = currentKind
            advance()
            node = try led(kind, node)
        }
        return node
    }

    mutating func nud(_ t: JMESToken) throws(JMESSyntaxError) -> JMESNode {
        switch t.kind {
        case .literal: return .literal(t.value)
        case .unquotedIdentifier: return .field(t.text)
        case .quotedIdentifier:
            if currentKind == .lparen {
                let p = token(0)
                throw parseError(position: 0, text: p.text, kind: p.kind, "Quoted identifier not allowed for function names.")
            }
            return .field(t.value.stringValue ?? t.text)
        case .star:
            let right = currentKind == .rbracket ? JMESNode.identity : try projectionRHS(power(.star))
            return .valueProjection(.identity, right)
        case .filter: return try filter(.identity)
        case .lbrace: return try multiSelectHash()
        case .lparen:
            let inner = try expression(0)
            try match(.rparen)
            return inner
        case .flatten: return .projection(.flatten(.identity), try projectionRHS(power(.flatten)))
        case .not: return .not(try expression(power(.not)))
        case .lbracket: return try nudBracket()
        case .current: return .current
        case .expref: return .expref(try expression(0))
        case .eof: throw incomplete()
        default: throw parseError(t, "invalid token")
        }
    }

    mutating func nudBracket() throws(JMESSyntaxError) -> JMESNode {
        if currentKind == .number || currentKind == .colon {
            return try projectIfSlice(.identity, try indexExpression())
        }
        if currentKind == .star, token(1).kind == .rbracket {
            advance()
            advance()
            return .projection(.identity, try projectionRHS(power(.star)))
        }
        return try multiSelectList()
    }

    mutating func led(_ kind: JMESToken.Kind, _ left: JMESNode) throws(JMESSyntaxError) -> JMESNode {
        switch kind {
        case .dot: return try dot(left)
        case .pipe: return .pipe(left, try expression(power(.pipe)))
        case .or: return .or(left, try expression(power(.or)))
        case .and: return .and(left, try expression(power(.and)))
        case .lparen: return try function(left)
        case .filter: return try filter(left)
        case .eq, .ne, .lt, .lte, .gt, .gte:
            let op = JMESNode.Comparator(rawValue: kind.rawValue) ?? .eq
            return .comparator(op, left, try expression(power(kind)))
        case .flatten: return .projection(.flatten(left), try projectionRHS(power(.flatten)))
        case .lbracket: return try ledBracket(left)
        default:
            // `_expression` found no led method: the token just consumed is the culprit.
            throw parseError(tokens[index - 1], "invalid token")
        }
    }

    mutating func dot(_ left: JMESNode) throws(JMESSyntaxError) -> JMESNode {
        if currentKind == .star {
            advance()
            return .valueProjection(left, try projectionRHS(power(.dot)))
        }
        let right = try dotRHS(power(.dot))
        if case .subexpression(let children) = left { return .subexpression(children + [right]) }
        return .subexpression([left, right])
    }

    mutating func ledBracket(_ left: JMESNode) throws(JMESSyntaxError) -> JMESNode {
        if currentKind == .number || currentKind == .colon {
            let right = try indexExpression()
            if case .indexExpression(let children) = left { return .indexExpression(children + [right]) }
            return try projectIfSlice(left, right)
        }
        try match(.star)
        try match(.rbracket)
        return .projection(left, try projectionRHS(power(.star)))
    }

    mutating func function(_ left: JMESNode) throws(JMESSyntaxError) -> JMESNode {
        guard case .field(let name) = left else {
            let previous = token(-2)
            throw parseError(previous, "Invalid function name '\(previous.text)'")
        }
        var arguments: [JMESNode] = []
        while currentKind != .rparen {
            let argument = try expression(0)
            if currentKind == .comma { try match(.comma) }
            arguments.append(argument)
        }
        try match(.rparen)
        return .function(name, arguments)
    }

    mutating func filter(_ left: JMESNode) throws(JMESSyntaxError) -> JMESNode {
        let condition = try expression(0)
        try match(.rbracket)
        let right = currentKind == .flatten ? JMESNode.identity : try projectionRHS(power(.filter))
        return .filterProjection(left, right, condition: condition)
    }
}
