/// The grammar of condition, filter and key-condition expressions.
///
/// Checks and their texts follow dynalite `db/conditionParser.pegjs` (fitted to DynamoDB); the slot
/// order below is its `checkErrors` order.
extension ExpressionParser {
    static let conditionKeywords: Set<String> = ["AND", "OR", "NOT", "BETWEEN", "IN"]
    static let conditionErrorOrder = ["parens", "unknownFunction", "misusedFunction", "reserved",
                                      "attrNameVal", "operand", "distinct", "function"]
    static let comparators = ["=", "<>", "<", "<=", ">", ">="]

    static func condition(_ text: String, attributes: ExpressionAttributes) -> ExpressionParser {
        ExpressionParser(text, attributes: attributes, keywords: conditionKeywords,
                         nameSlot: "attrNameVal", valueSlot: "attrNameVal")
    }

    /// The whole expression, then the deferred problems.
    mutating func parseWholeCondition() throws(ExpressionFailure) -> ConditionNode {
        let node = try parseOr()
        try expectEnd()
        checkMisusedSize(node)
        if let failure = firstDeferred(order: Self.conditionErrorOrder) { throw failure }
        return node
    }

    mutating func parseOr() throws(ExpressionFailure) -> ConditionNode {
        var node = try parseAnd()
        while tokens.acceptKeyword("OR") {
            let right = try parseAnd()
            checkMisusedSize(node)
            checkMisusedSize(right)
            node = .or(node, right)
        }
        return node
    }

    mutating func parseAnd() throws(ExpressionFailure) -> ConditionNode {
        var node = try parseNot()
        while tokens.acceptKeyword("AND") {
            let right = try parseNot()
            checkMisusedSize(node)
            checkMisusedSize(right)
            node = .and(node, right)
        }
        return node
    }

    mutating func parseNot() throws(ExpressionFailure) -> ConditionNode {
        if tokens.acceptKeyword("NOT") {
            let inner = try parseNot()
            checkMisusedSize(inner)
            return .not(inner)
        }
        return try parsePrimary()
    }

    /// `( condition )` or a comparison whose first operand may itself start with `(`.
    mutating func parsePrimary() throws(ExpressionFailure) -> ConditionNode {
        if tokens.peek?.text == "(", tokens.peek?.kind == .symbol {
            let grouped = attempt { (parser: inout ExpressionParser) throws(ExpressionFailure) -> ConditionNode in
                try parser.tokens.expect("(")
                let inner = try parser.parseOr()
                try parser.tokens.expect(")")
                if case .group = inner { parser.note("parens", "The expression has redundant parentheses;") }
                return .group(inner)
            }
            if let grouped { return grouped }
            if let simple = attempt({ (parser: inout ExpressionParser) throws(ExpressionFailure) in try parser.parseSimpleCondition() }) {
                return simple
            }
            throw bestSyntaxError()
        }
        return try parseSimpleCondition()
    }

    /// A comparison, BETWEEN, IN, or a boolean function call.
    mutating func parseSimpleCondition() throws(ExpressionFailure) -> ConditionNode {
        let first = try parseOperand()
        if let token = tokens.peek, token.kind == .symbol, Self.comparators.contains(token.text) {
            _ = tokens.advance()
            let second = try parseOperand()
            checkMisusedFunctions([first, second])
            checkDistinct(token.text, [first, second])
            return .compare(token.text, first, second)
        }
        if tokens.acceptKeyword("BETWEEN") {
            let low = try parseOperand()
            guard tokens.acceptKeyword("AND") else { throw tokens.syntaxError() }
            let high = try parseOperand()
            checkMisusedFunctions([first, low, high])
            checkBetweenBounds(low, high)
            return .between(first, low, high)
        }
        if tokens.acceptKeyword("IN") {
            try tokens.expect("(")
            var list = [try parseOperand()]
            while tokens.accept(",") { list.append(try parseOperand()) }
            try tokens.expect(")")
            checkMisusedFunctions([first] + list)
            return .in(first, list)
        }
        guard case .function(let name, let args) = first else { throw tokens.syntaxError() }
        return .function(name, args)
    }

    /// `( operand )`, `name(args)`, `:value` or a path.
    mutating func parseOperand() throws(ExpressionFailure) -> ConditionOperand {
        if tokens.accept("(") {
            let inner = try parseOperand()
            try tokens.expect(")")
            if case .group = inner { note("parens", "The expression has redundant parentheses;") }
            return .group(inner)
        }
        if tokens.peek?.kind == .valuePlaceholder { return .value(try parseValue()) }
        if let token = tokens.peek, token.kind == .identifier, !keywords.contains(token.text.uppercased()),
           tokens.peek(1)?.text == "(" {
            _ = tokens.advance()
            _ = tokens.advance()
            var args = [try parseOperand()]
            while tokens.accept(",") { args.append(try parseOperand()) }
            try tokens.expect(")")
            checkMisusedFunctions(args)
            checkFunction(token.text, args)
            return .function(token.text, args)
        }
        return .path(try parsePath())
    }
}
