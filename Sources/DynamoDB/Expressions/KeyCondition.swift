import SimKit

/// A Query's KeyConditionExpression checked against the key schema: the partition value and an
/// optional condition on the sort key.
///
/// Structural texts: dynalite `validations/index.js` `checkExpr` (no `Invalid KeyConditionExpression:`
/// prefix, as DynamoDB sends them); schema texts: dynamodb-conformance `query.test.ts` and dynalite
/// `actions/query.js`.
public struct KeyCondition: Sendable, Equatable {
    /// A condition on the sort key.
    public enum SortCondition: Sendable, Equatable {
        /// `=`, `<`, `<=`, `>`, `>=` with the key on the left.
        case compare(String, AttributeValue)
        case between(AttributeValue, AttributeValue)
        case beginsWith(AttributeValue)
    }

    /// A key attribute and its type (`S`, `N` or `B`).
    public struct KeyAttribute: Sendable, Equatable {
        public var name: String
        public var type: String
        public init(name: String, type: String) {
            self.name = name
            self.type = type
        }
    }

    public let partitionKey: String
    public let partitionValue: AttributeValue
    public let sortKey: String?
    public let sortCondition: SortCondition?

    /// Parses and checks `text` for a table (or index) keyed by `hash` and optional `range`.
    public static func parse(_ text: String, hash: KeyAttribute, range: KeyAttribute?,
                             attributes: inout ExpressionAttributes) throws(AWSError) -> KeyCondition {
        let condition = try ConditionExpression.parse(text, kind: .keyCondition, attributes: &attributes)
        var conditions: [(key: String, condition: SortCondition)] = []
        if let problem = collect(condition.root, into: &conditions) { throw DynamoDBValidation.error(problem) }
        return try check(conditions, hash: hash, range: range)
    }

    /// Splits the tree into one condition per attribute, rejecting what a key condition cannot say.
    private static func collect(_ node: ConditionNode, into out: inout [(key: String, condition: SortCondition)]) -> String? {
        switch node {
        case .group(let inner): return collect(inner, into: &out)
        case .and(let a, let b): return collect(a, into: &out) ?? collect(b, into: &out)
        case .or: return "Invalid operator used in KeyConditionExpression: OR"
        case .not: return "Invalid operator used in KeyConditionExpression: NOT"
        case .in: return "Invalid operator used in KeyConditionExpression: IN"
        case .compare("<>", _, _): return "Invalid operator used in KeyConditionExpression: <>"
        case .function(let name, _) where name != "begins_with": return "Invalid operator used in KeyConditionExpression: \(name)"
        default: break
        }
        let operands: [ConditionOperand]
        switch node {
        case let .compare(_, a, b): operands = [a, b]
        case let .between(x, low, high): operands = [x, low, high]
        case let .function(_, args): operands = args
        default: operands = []
        }
        if operands.contains(where: { if case .function = $0.unwrapped { true } else { false } }) {
            return "KeyConditionExpressions cannot contain nested operations"
        }
        let pathIndexes = operands.indices.filter { operands[$0].path != nil }
        if case .between = node, pathIndexes.first != 0 {
            return "Invalid condition in KeyConditionExpression: BETWEEN operator must have the key attribute as its first operand"
        }
        if case .function(let name, _) = node, pathIndexes.first != 0 {
            return "Invalid condition in KeyConditionExpression: \(name) operator must have the key attribute as its first operand"
        }
        if pathIndexes.count > 1 { return "Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition" }
        guard let pathIndex = pathIndexes.first, let path = operands[pathIndex].path else {
            return "Invalid condition in KeyConditionExpression: No key attribute specified"
        }
        if path.elements.count > 1 { return "KeyConditionExpressions cannot have conditions on nested attributes" }
        if out.contains(where: { $0.key == path.head }) { return "KeyConditionExpressions must only contain one condition per key" }
        let values = operands.compactMap { if case .value(let v) = $0.unwrapped { v } else { nil } }
        out.append((path.head, sortCondition(node, values: values, keyOnLeft: pathIndex == 0)))
        return nil
    }

    private static func sortCondition(_ node: ConditionNode, values: [AttributeValue], keyOnLeft: Bool) -> SortCondition {
        let first = values.first ?? .null
        switch node {
        case .between: return .between(first, values.dropFirst().first ?? .null)
        case .function: return .beginsWith(first)
        case .compare(let op, _, _):
            let flipped = ["<": ">", "<=": ">=", ">": "<", ">=": "<="]
            return .compare(keyOnLeft ? op : flipped[op, default: op], first)
        default: return .compare("=", first)
        }
    }
}
