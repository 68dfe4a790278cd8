/// An operand of a condition: a path, a `:value`, or a function call such as `size(a)`.
public indirect enum ConditionOperand: Sendable, Equatable {
    case path(DocumentPath)
    case value(AttributeValue)
    case function(String, [ConditionOperand])
    /// A parenthesised operand, kept only to spot DynamoDB's "redundant parentheses".
    case group(ConditionOperand)

    var unwrapped: ConditionOperand {
        if case .group(let inner) = self { return inner.unwrapped }
        return self
    }

    /// The type DynamoDB can tell before reading any item: a literal's type, or N for `size(…)`.
    var staticType: String? {
        switch unwrapped {
        case .value(let value): value.typeName
        case .function("size", _): "N"
        default: nil
        }
    }

    var path: DocumentPath? {
        if case .path(let path) = unwrapped { return path }
        return nil
    }
}

/// A parsed ConditionExpression, FilterExpression or KeyConditionExpression.
public indirect enum ConditionNode: Sendable, Equatable {
    /// `=`, `<>`, `<`, `<=`, `>`, `>=`.
    case compare(String, ConditionOperand, ConditionOperand)
    case between(ConditionOperand, ConditionOperand, ConditionOperand)
    case `in`(ConditionOperand, [ConditionOperand])
    case and(ConditionNode, ConditionNode)
    case or(ConditionNode, ConditionNode)
    case not(ConditionNode)
    /// `attribute_exists`, `attribute_not_exists`, `attribute_type`, `begins_with`, `contains`.
    case function(String, [ConditionOperand])
    /// A parenthesised condition, kept only to spot redundant parentheses.
    case group(ConditionNode)

    var unwrapped: ConditionNode {
        if case .group(let inner) = self { return inner.unwrapped }
        return self
    }
}

/// The functions of condition expressions with their operand counts.
/// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.OperatorsAndFunctions.html
let conditionFunctions: [String: Int] = [
    "attribute_exists": 1, "attribute_not_exists": 1, "attribute_type": 2,
    "begins_with": 2, "contains": 2, "size": 1,
]

/// `attribute_type`'s type names in the order DynamoDB lists them in its error.
let attributeTypeNames = ["B", "NULL", "SS", "BOOL", "L", "BS", "N", "NS", "S", "M"]
