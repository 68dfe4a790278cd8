/// UpdateExpression's function checks, texts from dynalite `db/updateParser.pegjs` `checkFunction`.
extension ExpressionParser {
    static let updateFunctions = ["if_not_exists": 2, "list_append": 2, "+": 2, "-": 2]

    @discardableResult
    mutating func checkUpdateFunction(_ name: String, _ args: [UpdateOperand]) -> UpdateOperand {
        guard let count = Self.updateFunctions[name] else {
            note("unknownFunction", "Invalid function name; function: \(name)")
            return .invalid
        }
        if count != args.count {
            note("function", "Incorrect number of operands for operator or function; operator or function: \(name), number of operands: \(args.count)")
            return .invalid
        }
        switch name {
        case "if_not_exists":
            guard case .path(let path) = args[0] else {
                note("function", "Operator or function requires a document path; operator or function: \(name)")
                return .invalid
            }
            return .ifNotExists(path, args[1])
        case "list_append":
            requireType("L", name, args)
            return .listAppend(args[0], args[1])
        default:
            requireType("N", name, args)
            return name == "+" ? .plus(args[0], args[1]) : .minus(args[0], args[1])
        }
    }

    /// Literal operands (not paths, not nested functions) must already have `type`.
    private mutating func requireType(_ type: String, _ name: String, _ args: [UpdateOperand]) {
        for arg in args {
            if case .value(let value) = arg, value.typeName != type {
                note("function", "Incorrect operand type for operator or function; operator or function: \(name), operand type: \(value.typeName)")
                return
            }
        }
    }
}
