import SimKit

/// Evaluates the `Conditions` block: `Fn::Equals`, `Fn::And`, `Fn::Or`, `Fn::Not` and
/// `{Condition: Name}`, following references between conditions and rejecting cycles.
///
/// A class because the cache and the chain of conditions being evaluated change while one
/// evaluation recurses; it never leaves the resolver's initializer or one `evaluate` call.
final class ConditionEvaluation {
    let resolver: IntrinsicResolver
    var values: [String: Bool]
    var visiting: [String] = []

    init(resolver: IntrinsicResolver) {
        self.resolver = resolver
        values = resolver.conditionValues
    }

    /// Every condition of the template, in template order.
    func evaluateAll() throws -> [String: Bool] {
        for entry in resolver.template.conditions { _ = try value(of: entry.key, at: entry.keyLocation) }
        return values
    }

    /// The condition called `name`.
    func value(of name: String, at location: SourceLocation?) throws -> Bool {
        if let known = values[name] { return known }
        guard let definition = resolver.template.conditions[name] else {
            throw TemplateValidationError.unresolvedCondition(name, in: .conditions, at: location)
        }
        if let start = visiting.firstIndex(of: name) {
            throw TemplateValidationError.circularConditions(Array(visiting[start...]), at: location)
        }
        visiting.append(name)
        defer { visiting.removeLast() }
        let value = try boolean(definition, at: definition.location)
        values[name] = value
        return value
    }

    /// One boolean expression.
    func boolean(_ node: TemplateNode, at location: SourceLocation?) throws -> Bool {
        guard let map = node.mapValue, map.count == 1, let entry = map.entries.first else {
            throw TemplateValidationError.notABooleanOperation(at: node.location ?? location)
        }
        let here = node.location ?? location
        switch entry.key {
        case "Condition":
            guard let name = entry.value.stringValue else { throw TemplateValidationError.notABooleanOperation(at: here) }
            return try value(of: name, at: entry.value.location)
        case "Fn::Equals":
            guard let items = entry.value.listValue, items.count == 2 else { throw TemplateValidationError.equalsArguments(at: here) }
            let lhs = try resolver.resolve(items[0], in: .conditions)
            let rhs = try resolver.resolve(items[1], in: .conditions)
            guard let same = Self.same(lhs, rhs) else { throw TemplateValidationError.equalsArguments(at: here) }
            return same
        case "Fn::And", "Fn::Or":
            guard let items = entry.value.listValue, (2...10).contains(items.count) else {
                throw TemplateValidationError.booleanArguments(entry.key, at: here)
            }
            var results: [Bool] = []
            for item in items { results.append(try boolean(item, at: here)) }
            return entry.key == "Fn::And" ? results.allSatisfy { $0 } : results.contains(true)
        case "Fn::Not":
            guard let items = entry.value.listValue, items.count == 1 else { throw TemplateValidationError.notArguments(at: here) }
            return !(try boolean(items[0], at: here))
        default:
            throw TemplateValidationError.notABooleanOperation(at: here)
        }
    }

    /// Compares two resolved values as CloudFormation does: scalars as text (`3` equals `"3"`,
    /// `true` equals `"true"`), lists and maps structurally. `nil` when either is missing.
    static func same(_ lhs: TemplateNode?, _ rhs: TemplateNode?) -> Bool? {
        guard let lhs, let rhs else { return nil }
        if let left = lhs.scalarText, let right = rhs.scalarText { return left == right }
        return lhs == rhs
    }
}
