import SimKit

/// The semantic checks of condition expressions, with DynamoDB's texts (dynalite `conditionParser.pegjs`).
extension ExpressionParser {
    mutating func checkMisusedSize(_ node: ConditionNode) {
        if case .function("size", _) = node.unwrapped {
            note("misusedFunction", "The function is not allowed to be used this way in an expression; function: size")
        }
    }

    /// Only `size` may appear where a value is compared.
    mutating func checkMisusedFunctions(_ operands: [ConditionOperand]) {
        for operand in operands {
            if case .function(let name, _) = operand.unwrapped, name != "size" {
                note("misusedFunction", "The function is not allowed to be used this way in an expression; function: \(name)")
                return
            }
        }
    }

    /// `a = a`: the same path on both sides of a two-operand operator or function.
    mutating func checkDistinct(_ name: String, _ operands: [ConditionOperand]) {
        guard operands.count == 2, let first = operands[0].path, first == operands[1].path else { return }
        note("distinct", "The first operand must be distinct from the remaining operands for this operator or function; operator: \(name), first operand: \(first)")
    }

    mutating func checkFunction(_ name: String, _ args: [ConditionOperand]) {
        guard let count = conditionFunctions[name] else {
            note("unknownFunction", "Invalid function name; function: \(name)")
            return
        }
        if count != args.count {
            note("operand", "Incorrect number of operands for operator or function; operator or function: \(name), number of operands: \(args.count)")
            return
        }
        checkDistinct(name, args)
        switch name {
        case "attribute_exists", "attribute_not_exists":
            if args[0].path == nil {
                note("function", "Operator or function requires a document path; operator or function: \(name)")
            }
        case "begins_with":
            for arg in args {
                if let type = arg.staticType, type != "S", type != "B" { incorrectOperand(name, type); return }
            }
        case "attribute_type":
            checkAttributeType(args[1])
        case "size":
            if let type = args[0].staticType, ["N", "BOOL", "NULL"].contains(type) { incorrectOperand(name, type) }
        default:
            break
        }
    }

    private mutating func checkAttributeType(_ operand: ConditionOperand) {
        guard case .value(let value) = operand.unwrapped else {
            incorrectOperand("attribute_type", "{NS,SS,L,BS,N,M,B,BOOL,NULL,S}")
            return
        }
        guard case .s(let type) = value else { incorrectOperand("attribute_type", value.typeName); return }
        if !attributeTypeNames.contains(type) {
            note("function", "Invalid attribute type name found; type: \(type), valid types: {\(attributeTypeNames.joined(separator: ","))}")
        }
    }

    private mutating func incorrectOperand(_ name: String, _ type: String) {
        note("function", "Incorrect operand type for operator or function; operator or function: \(name), operand type: \(type)")
    }

    /// Literal bounds must share a type and be in order.
    mutating func checkBetweenBounds(_ low: ConditionOperand, _ high: ConditionOperand) {
        guard case .value(let a) = low.unwrapped, case .value(let b) = high.unwrapped else { return }
        let bounds = "lower bound operand: AttributeValue: {\(Self.brief(a))}, upper bound operand: AttributeValue: {\(Self.brief(b))}"
        if a.typeName != b.typeName {
            note("function", "The BETWEEN operator requires same data type for lower and upper bounds; \(bounds)")
        } else if let order = AttributeValue.order(a, b), order > 0 {
            note("function", "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; \(bounds)")
        }
    }

    /// `N:1`, `S:a`: how DynamoDB prints a scalar inside its BETWEEN errors.
    static func brief(_ value: AttributeValue) -> String {
        switch value {
        case .s(let s): "S:\(s)"
        case .n(let n): "N:\(n.text)"
        case .b(let b): "B:\(Base64.encode(b))"
        default: "\(value.typeName):\(value.dynamoJSON.serialized())"
        }
    }
}
