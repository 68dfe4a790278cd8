import SimKit

/// Checking a key condition against the key schema, and matching keys with it.
extension KeyCondition {
    static func check(_ conditions: [(key: String, condition: SortCondition)], hash: KeyAttribute,
                      range: KeyAttribute?) throws(AWSError) -> KeyCondition {
        if range == nil, conditions.count > 1 { throw DynamoDBValidation.error("Query key condition not supported") }
        guard let hashCondition = conditions.first(where: { $0.key == hash.name })?.condition else {
            throw DynamoDBValidation.error("Query condition missed key schema element: \(hash.name)")
        }
        var sort: SortCondition?
        if let range {
            sort = conditions.first(where: { $0.key == range.name })?.condition
            if sort == nil, conditions.count > 1 {
                throw DynamoDBValidation.error("Query condition missed key schema element: \(range.name)")
            }
        }
        try checkTypes(hashCondition, hash)
        if let sort, let range { try checkTypes(sort, range) }
        guard case .compare("=", let value) = hashCondition else {
            throw DynamoDBValidation.error("Query key condition not supported")
        }
        // moto `KeyIsEmptyStringException`; the text is reference §3.1's empty-key message.
        if value == .s("") || value == .b([]) { throw DynamoDBValidation.emptyKey(hash.name, binary: value == .b([])) }
        return KeyCondition(partitionKey: hash.name, partitionValue: value, sortKey: range?.name, sortCondition: sort)
    }

    private static func checkTypes(_ condition: SortCondition, _ key: KeyAttribute) throws(AWSError) {
        let values: [AttributeValue]
        switch condition {
        case .compare(_, let v), .beginsWith(let v): values = [v]
        case let .between(a, b): values = [a, b]
        }
        if values.contains(where: { $0.typeName != key.type }) {
            throw DynamoDBValidation.error(DynamoDBValidation.invalid + "Condition parameter type does not match schema type")
        }
    }

    /// True when the keys of an item satisfy the condition (S and B bytewise, N by value).
    public func matches(partition: AttributeValue, sort: AttributeValue?) -> Bool {
        guard partition == partitionValue else { return false }
        guard let sortCondition else { return true }
        guard let sort else { return false }
        switch sortCondition {
        case let .compare(op, value):
            return ConditionExpression.compare(op, sort, value)
        case let .between(low, high):
            return ConditionExpression.compare(">=", sort, low) && ConditionExpression.compare("<=", sort, high)
        case .beginsWith(let prefix):
            return ConditionExpression.function("begins_with", [.value(sort), .value(prefix)], AttributeMap())
        }
    }

    /// `matches(partition:sort:)` on an item's key attributes.
    public func matches(_ item: AttributeMap) -> Bool {
        guard let partition = item[partitionKey] else { return false }
        return matches(partition: partition, sort: sortKey.flatMap { item[$0] })
    }
}
