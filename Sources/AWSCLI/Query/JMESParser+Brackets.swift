import SimKit

/// Brackets, braces and projection right-hand sides (`jmespath/parser.py`).
extension JMESParser {
    /// `[number]`, or a slice when a colon follows.
    mutating func indexExpression() throws(JMESSyntaxError) -> JMESNode {
        if token(0).kind == .colon || token(1).kind == .colon { return try sliceExpression() }
        let t = token(0)
        advance()
        try match(.rbracket)
        return .index(Int(t.value.intValue ?? 0))
    }

    private mutating func sliceExpression() throws(JMESSyntaxError) -> JMESNode {
        var parts: [Int?] = [nil, nil, nil]
        var position = 0
        while currentKind != .rbracket, position < 3 {
            if currentKind == .colon {
                position += 1
                if position == 3 { throw parseError(token(0), "syntax error") }
                advance()
            } else if currentKind == .number {
                parts[position] = token(0).value.intValue.map { Int($0) }
                advance()
            } else {
                throw parseError(token(0), "syntax error")
            }
        }
        try match(.rbracket)
        return .slice(parts[0], parts[1], parts[2])
    }

    mutating func projectIfSlice(_ left: JMESNode, _ right: JMESNode) throws(JMESSyntaxError) -> JMESNode {
        let indexed = JMESNode.indexExpression([left, right])
        if case .slice = right { return .projection(indexed, try projectionRHS(power(.star))) }
        return indexed
    }

    mutating func multiSelectList() throws(JMESSyntaxError) -> JMESNode {
        var expressions: [JMESNode] = []
        while true {
            expressions.append(try expression(0))
            if currentKind == .rbracket { break }
            try match(.comma)
        }
        try match(.rbracket)
        return .multiSelectList(expressions)
    }

    mutating func multiSelectHash() throws(JMESSyntaxError) -> JMESNode {
        var pairs: [(String, JMESNode)] = []
        while true {
            let key = token(0)
            guard key.kind == .quotedIdentifier || key.kind == .unquotedIdentifier else {
                throw errorMaybeEOF(expected: "['quoted_identifier', 'unquoted_identifier']")
            }
            advance()
            try match(.colon)
            pairs.append((key.value.stringValue ?? key.text, try expression(0)))
            if currentKind == .comma {
                try match(.comma)
            } else if currentKind == .rbrace {
                try match(.rbrace)
                break
            }
        }
        return .multiSelectHash(pairs)
    }

    mutating func projectionRHS(_ bindingPower: Int) throws(JMESSyntaxError) -> JMESNode {
        if power(currentKind) < Self.projectionStop { return .identity }
        switch currentKind {
        case .lbracket, .filter: return try expression(bindingPower)
        case .dot:
            try match(.dot)
            return try dotRHS(bindingPower)
        default: throw parseError(token(0), "syntax error")
        }
    }

    mutating func dotRHS(_ bindingPower: Int) throws(JMESSyntaxError) -> JMESNode {
        switch currentKind {
        case .quotedIdentifier, .unquotedIdentifier, .star: return try expression(bindingPower)
        case .lbracket:
            try match(.lbracket)
            return try multiSelectList()
        case .lbrace:
            try match(.lbrace)
            return try multiSelectHash()
        default:
            let t = token(0)
            let allowed = "['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace']"
            throw parseError(t, "Expecting: \(allowed), got: \(t.kind.rawValue)")
        }
    }
}
