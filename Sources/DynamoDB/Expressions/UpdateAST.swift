/// The right-hand side of a `SET` action.
public indirect enum UpdateOperand: Sendable, Equatable {
    case path(DocumentPath)
    case value(AttributeValue)
    /// `if_not_exists(path, operand)`.
    case ifNotExists(DocumentPath, UpdateOperand)
    /// `list_append(a, b)`.
    case listAppend(UpdateOperand, UpdateOperand)
    case plus(UpdateOperand, UpdateOperand)
    case minus(UpdateOperand, UpdateOperand)
    /// An unknown function or one with bad operands; parsing reports it before any evaluation.
    case invalid

    /// The type known without reading the item (a literal's type, or the type a function yields).
    var staticType: String? {
        switch self {
        case .value(let value): value.typeName
        case .listAppend: "L"
        case .plus, .minus: "N"
        case .ifNotExists(_, let fallback): fallback.staticType
        default: nil
        }
    }
}

/// One action of an UpdateExpression.
public enum UpdateAction: Sendable, Equatable {
    case set(DocumentPath, UpdateOperand)
    case remove(DocumentPath)
    /// `ADD path :v`: a number to add or a set to merge.
    case add(DocumentPath, AttributeValue)
    /// `DELETE path :v`: a set to subtract.
    case delete(DocumentPath, AttributeValue)

    /// The path the action writes.
    public var path: DocumentPath {
        switch self {
        case .set(let path, _), .remove(let path), .add(let path, _), .delete(let path, _): path
        }
    }
}

/// The grammar of UpdateExpression (dynalite `db/updateParser.pegjs`; slot order is its `checkErrors`).
extension ExpressionParser {
    static let updateKeywords: Set<String> = ["SET", "REMOVE", "ADD", "DELETE"]
    static let updateErrorOrder = ["reserved", "unknownFunction", "section", "attrName", "attrVal",
                                   "pathOverlap", "operand", "function"]

    static func update(_ text: String, attributes: ExpressionAttributes) -> ExpressionParser {
        ExpressionParser(text, attributes: attributes, keywords: updateKeywords, nameSlot: "attrName", valueSlot: "attrVal")
    }

    /// Sections until the end, then the deferred problems.
    mutating func parseWholeUpdate() throws(ExpressionFailure) -> [UpdateAction] {
        var actions: [UpdateAction] = []
        var seen: Set<String> = []
        repeat {
            guard let token = tokens.peek, token.kind == .identifier,
                  case let section = token.text.uppercased(), Self.updateKeywords.contains(section) else {
                throw tokens.syntaxError()
            }
            _ = tokens.advance()
            if !seen.insert(section).inserted {
                note("section", "The \"\(section)\" section can only be used once in an update expression;")
            }
            repeat { actions.append(try parseAction(section)) } while tokens.accept(",")
        } while !tokens.atEnd
        if let collision = checkCollisions(actions.map(\.path)) { note("pathOverlap", collision.message) }
        if let failure = firstDeferred(order: Self.updateErrorOrder) { throw failure }
        return actions
    }

    private mutating func parseAction(_ section: String) throws(ExpressionFailure) -> UpdateAction {
        let path = try parsePath()
        switch section {
        case "SET":
            try tokens.expect("=")
            return .set(path, try parseSetValue())
        case "REMOVE":
            return .remove(path)
        default:
            let value = try parseValue()
            let isSet = value.isSet
            if !isSet && !(section == "ADD" && value.typeName == "N") {
                note("operand", "Incorrect operand type for operator or function; operator: \(section), operand type: \(value.operandTypeName)")
            }
            return section == "ADD" ? .add(path, value) : .delete(path, value)
        }
    }

    /// `operand`, `operand + operand`, `operand - operand`, optionally in one pair of parentheses.
    private mutating func parseSetValue() throws(ExpressionFailure) -> UpdateOperand {
        if tokens.peek?.text == "(", tokens.peek?.kind == .symbol {
            if let grouped = attempt({ (p: inout ExpressionParser) throws(ExpressionFailure) -> UpdateOperand in
                try p.tokens.expect("(")
                let inner = try p.parseArithmetic()
                try p.tokens.expect(")")
                return inner
            }), tokens.peek?.text != "+", tokens.peek?.text != "-" {
                return grouped
            }
        }
        return try parseArithmetic()
    }

    private mutating func parseArithmetic() throws(ExpressionFailure) -> UpdateOperand {
        let first = try parseUpdateOperand()
        for op in ["+", "-"] where tokens.accept(op) {
            let second = try parseUpdateOperand()
            checkUpdateFunction(op, [first, second])
            return op == "+" ? .plus(first, second) : .minus(first, second)
        }
        return first
    }

    private mutating func parseUpdateOperand() throws(ExpressionFailure) -> UpdateOperand {
        if tokens.accept("(") {
            let inner = try parseUpdateOperand()
            try tokens.expect(")")
            return inner
        }
        if tokens.peek?.kind == .valuePlaceholder { return .value(try parseValue()) }
        if let token = tokens.peek, token.kind == .identifier, !keywords.contains(token.text.uppercased()),
           tokens.peek(1)?.text == "(" {
            _ = tokens.advance()
            _ = tokens.advance()
            var args = [try parseUpdateOperand()]
            while tokens.accept(",") { args.append(try parseUpdateOperand()) }
            try tokens.expect(")")
            return checkUpdateFunction(token.text, args)
        }
        return .path(try parsePath())
    }
}
