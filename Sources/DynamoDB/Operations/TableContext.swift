import SimKit

/// A table's key schema, and the key checks DynamoDB makes against it.
struct TableContext {
    let name: String
    /// The partition key and its type.
    let hash: KeyCondition.KeyAttribute
    /// The sort key and its type, if the table has one.
    let range: KeyCondition.KeyAttribute?

    init(name: String, _ schema: TableStore.KeySchema) {
        func attribute(_ name: String) -> KeyCondition.KeyAttribute {
            KeyCondition.KeyAttribute(name: name, type: schema.attributes.first { $0.name == name }?.type ?? "S")
        }
        self.name = name
        hash = attribute(schema.keySchema.first { $0.keyType == "HASH" }?.name ?? "")
        range = schema.keySchema.first { $0.keyType == "RANGE" }.map { attribute($0.name) }
    }

    var rows: ItemRows { ItemRows(table: name) }

    var keyNames: [String] { [hash.name] + (range.map { [$0.name] } ?? []) }

    /// PutItem's checks on an item's key attributes (§3.1; dynalite `validateItem`).
    func key(ofItem item: AttributeMap) throws -> StoredKey {
        for key in [hash] + (range.map { [$0] } ?? []) {
            guard let value = item[key.name] else { throw DynamoDBErrors.missingKey(key.name) }
            guard value.typeName == key.type else {
                throw DynamoDBErrors.keyTypeMismatch(key.name, expected: key.type, actual: value.typeName)
            }
        }
        return try storedKey(item)
    }

    /// Get/Update/Delete's checks on a `Key` (§3.1; dynalite `validateKey`).
    func key(_ key: AttributeMap) throws -> StoredKey {
        guard key.count == keyNames.count else { throw DynamoDBErrors.keyMismatch }
        for attribute in [hash] + (range.map { [$0] } ?? []) {
            guard let value = key[attribute.name], value.typeName == attribute.type else { throw DynamoDBErrors.keyMismatch }
        }
        return try storedKey(key)
    }

    /// Empty and oversized key values, then the encoded key.
    private func storedKey(_ item: AttributeMap) throws -> StoredKey {
        let partition = item[hash.name] ?? .null
        let sort = range.flatMap { item[$0.name] }
        for (name, value) in [(hash.name, partition)] + (sort.map { [(range?.name ?? "", $0)] } ?? []) {
            if value == .s("") || value == .b([]) { throw DynamoDBValidation.emptyKey(name, binary: value == .b([])) }
        }
        if ItemSize.of(partition) > 2048 { throw DynamoDBValidation.hashKeyTooLong }
        if let sort, ItemSize.of(sort) > 1024 { throw DynamoDBValidation.rangeKeyTooLong }
        return StoredKey(partition: KeyBytes.encode(partition), sort: sort.map(KeyBytes.encode) ?? [])
    }

    /// Only the key attributes of `item`, in schema order (LastEvaluatedKey, UnprocessedKeys).
    func keyAttributes(of item: AttributeMap) -> AttributeMap {
        AttributeMap(keyNames.compactMap { name in item[name].map { (name, $0) } })
    }
}

/// `ReturnConsumedCapacity`.
enum CapacityMode: String {
    case indexes = "INDEXES", total = "TOTAL", none = "NONE"
}

/// Capacity units as DynamoDB counts them.
/// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html
enum Capacity {
    /// Write units: one per started KB of the larger of the old and new item, at least one.
    static func write(_ bytes: Int) -> Double { Double(max(1, (bytes + 1023) / 1024)) }

    /// Read units: one per started 4 KB, halved for eventually consistent reads; at least one 4 KB unit.
    static func read(_ bytes: Int, consistent: Bool) -> Double {
        let units = Double(max(1, (bytes + 4095) / 4096))
        return consistent ? units : units / 2
    }

    /// The `ConsumedCapacity` member for one table, or nil when not asked for.
    static func json(_ mode: CapacityMode, table: String, units: Double) -> JSON? {
        switch mode {
        case .none: return nil
        case .total: return ["TableName": .string(table), "CapacityUnits": .double(units)]
        case .indexes:
            return ["TableName": .string(table), "CapacityUnits": .double(units), "Table": ["CapacityUnits": .double(units)]]
        }
    }
}
