import SimKit

/// A ConditionExpression or FilterExpression, parsed once and evaluated on items.
///
/// Evaluation follows https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.OperatorsAndFunctions.html:
/// a comparison with a missing attribute or mismatched types is false (`<>` is then true), never an error.
public struct ConditionExpression: Sendable, Equatable {
    /// The parsed tree.
    public let root: ConditionNode

    /// Parses `text`, resolving placeholders from `attributes` (which records their use).
    public static func parse(_ text: String, kind: ExpressionKind = .condition,
                             attributes: inout ExpressionAttributes) throws(AWSError) -> ConditionExpression {
        var parser = ExpressionParser.condition(text, attributes: attributes)
        let root = try kind.parse(text) { () throws(ExpressionFailure) in try parser.parseWholeCondition() }
        attributes = parser.attributes
        return ConditionExpression(root: root)
    }

    /// True when `item` (empty when there is none) satisfies the condition.
    public func evaluate(_ item: AttributeMap) -> Bool { Self.evaluate(root, item) }

    static func evaluate(_ node: ConditionNode, _ item: AttributeMap) -> Bool {
        switch node {
        case .group(let inner): evaluate(inner, item)
        case .and(let a, let b): evaluate(a, item) && evaluate(b, item)
        case .or(let a, let b): evaluate(a, item) || evaluate(b, item)
        case .not(let a): !evaluate(a, item)
        case let .compare(op, a, b): compare(op, value(a, item), value(b, item))
        case let .between(x, low, high):
            compare(">=", value(x, item), value(low, item)) && compare("<=", value(x, item), value(high, item))
        case let .in(x, list):
            list.contains { compare("=", value(x, item), value($0, item)) }
        case let .function(name, args): function(name, args, item)
        }
    }

    static func compare(_ op: String, _ a: AttributeValue?, _ b: AttributeValue?) -> Bool {
        guard let a, let b else { return op == "<>" }
        switch op {
        case "=": return a == b
        case "<>": return a != b
        default:
            guard let order = AttributeValue.order(a, b) else { return false }
            switch op {
            case "<": return order < 0
            case "<=": return order <= 0
            case ">": return order > 0
            default: return order >= 0
            }
        }
    }

    /// The operand's value in `item`; nil for a missing path or a `size` of an unsized type.
    static func value(_ operand: ConditionOperand, _ item: AttributeMap) -> AttributeValue? {
        switch operand {
        case .group(let inner): value(inner, item)
        case .value(let v): v
        case .path(let path): path.resolve(in: item)
        case .function(_, let args): args.first.flatMap { value($0, item) }.flatMap(size)
        }
    }

    /// `size()`: string length in UTF-8 bytes, bytes of a binary, elements of a set, list or map.
    static func size(_ value: AttributeValue) -> AttributeValue? {
        let count: Int
        switch value {
        case .s(let s): count = s.utf8.count
        case .b(let b): count = b.count
        case .ss(let v): count = v.count
        case .ns(let v): count = v.count
        case .bs(let v): count = v.count
        case .l(let v): count = v.count
        case .m(let v): count = v.count
        case .n, .bool, .null: return nil
        }
        return .n(DynamoNumber(isNegative: false, digits: Array(String(count).utf8.map { $0 - 48 }), exponent: 0))
    }

    static func function(_ name: String, _ args: [ConditionOperand], _ item: AttributeMap) -> Bool {
        let values = args.map { value($0, item) }
        switch name {
        case "attribute_exists": return (values.first ?? nil) != nil
        case "attribute_not_exists": return (values.first ?? nil) == nil
        case "attribute_type":
            guard values.count == 2, let actual = values[0], case .s(let type)? = values[1] else { return false }
            return actual.typeName == type
        case "begins_with":
            guard values.count == 2 else { return false }
            switch (values[0], values[1]) {
            case let (.s(a)?, .s(b)?): return a.utf8.starts(with: b.utf8)
            case let (.b(a)?, .b(b)?): return a.starts(with: b)
            default: return false
            }
        case "contains":
            guard values.count == 2, let container = values[0], let element = values[1] else { return false }
            return contains(container, element)
        default:
            return false
        }
    }

    static func contains(_ container: AttributeValue, _ element: AttributeValue) -> Bool {
        switch (container, element) {
        case let (.s(a), .s(b)): return b.isEmpty || a.contains(b)
        case let (.b(a), .b(b)): return b.isEmpty || (0...max(0, a.count - b.count)).contains { a.dropFirst($0).starts(with: b) }
        case let (.ss(set), .s(b)): return set.contains(b)
        case let (.ns(set), .n(b)): return set.contains(b)
        case let (.bs(set), .b(b)): return set.contains(b)
        case let (.l(list), _): return list.contains(element)
        default: return false
        }
    }
}
