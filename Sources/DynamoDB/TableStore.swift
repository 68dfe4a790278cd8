import GRDB
import SimKit

/// DynamoDB's control plane: CreateTable, DescribeTable, DeleteTable, ListTables.
public struct TableStore: Sendable {
    public let region: String
    public let account: String

    /// Key schemas parsed, by table name with the stored text they were parsed from: every item
    /// operation needs its table's, and parsing it cost more than reading it. An entry is only
    /// used after the stored text was read (or checked in the same statement) and found equal, so
    /// a table re-created by this process or another is never served stale.
    private let knownKeys = Protected<[String: KnownKeySchema]>([:])

    public init(region: String, account: String) {
        self.region = region
        self.account = account
    }

    /// A stored table.
    public struct Table: Sendable, Equatable {
        public var definition: DynamoTableDefinition
        public var arn: String
        public var tableId: String
        public var creationTime: EpochMillis
    }

    /// CreateTable.
    public func create(_ d: DynamoTableDefinition, now: EpochMillis, ids: IDGenerator, in db: Database) throws -> Result<Table, AWSError> {
        if let problem = d.validate() { return .failure(problem) }
        if try get(d.name, in: db) != nil {
            return .failure(AWSError(code: "ResourceInUseException", message: "Table already exists: \(d.name)", httpStatus: 400))
        }
        let table = Table(definition: d, arn: ARN.dynamoDBTable(d.name, region: region, account: account).description,
                          tableId: ids.uuid(), creationTime: now)
        try db.execute(sql: """
            INSERT INTO dynamodb_tables (name, arn, table_id, key_schema, attribute_definitions, billing_mode,
                provisioned_throughput, tags, creation_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [d.name, table.arn, table.tableId, Self.keySchemaJSON(d).serialized(),
                             Self.attributesJSON(d).serialized(), d.billingMode,
                             JSON.array([d.readCapacity.map(JSON.int) ?? .null, d.writeCapacity.map(JSON.int) ?? .null]).serialized(),
                             JSON.array(d.tags.map { ["Key": .string($0.key), "Value": .string($0.value)] }).serialized(), now])
        return .success(table)
    }

    /// Updates billing, throughput and tags in place (what CloudFormation can change without replacement).
    public func update(_ d: DynamoTableDefinition, in db: Database) throws -> AWSError? {
        if let problem = d.validate() { return problem }
        try db.execute(sql: "UPDATE dynamodb_tables SET billing_mode = ?, provisioned_throughput = ?, tags = ? WHERE name = ?",
                       arguments: [d.billingMode,
                                   JSON.array([d.readCapacity.map(JSON.int) ?? .null, d.writeCapacity.map(JSON.int) ?? .null]).serialized(),
                                   JSON.array(d.tags.map { ["Key": .string($0.key), "Value": .string($0.value)] }).serialized(), d.name])
        return nil
    }

    /// DeleteTable; false when there was none.
    @discardableResult
    public func delete(_ name: String, in db: Database) throws -> Bool {
        try db.execute(sql: "DELETE FROM dynamodb_tables WHERE name = ?", arguments: [name])
        return db.changesCount > 0
    }

    /// DescribeTable's table.
    public func get(_ name: String, in db: Database) throws -> Table? {
        let statement = try db.cachedStatement(sql: "SELECT * FROM dynamodb_tables WHERE name = ?")
        return try Row.fetchOne(statement, arguments: [name]).map(Self.table)
    }

    /// A table's key schema and attribute definitions: what an item operation needs of it.
    struct KeySchema: Sendable {
        var keySchema: [DynamoTableDefinition.KeyElement]
        var attributes: [DynamoTableDefinition.Attribute]
    }

    /// The key schema of table `name`, or nil when there is no such table.
    func keySchema(_ name: String, in db: Database) throws -> KeySchema? {
        let statement = try db.cachedStatement(sql: "SELECT \(Self.keySchemaText) FROM dynamodb_tables WHERE name = ?")
        guard let text = try String.fetchOne(statement, arguments: [name]) else { return nil }
        if let known = knownKeySchema(name), known.text == text { return known.schema }
        let parts = text.split(separator: "\u{1}", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let parsed = KeySchema(keySchema: Self.keyElements(parts[0]), attributes: Self.attributes(parts.count > 1 ? parts[1] : ""))
        knownKeys.withLock { cache in
            if cache.count >= 256 { cache.removeAll() }
            cache[name] = KnownKeySchema(text: text, schema: parsed)
        }
        return parsed
    }

    /// A key schema as last read, with its stored text (`keySchemaText` in SQL) to check it by.
    struct KnownKeySchema: Sendable {
        var text: String
        var schema: KeySchema
    }

    /// The key schema of `name` as this process last read it; it may have changed since, so a
    /// caller checks `text` against the database in the statement that relies on it.
    func knownKeySchema(_ name: String) -> KnownKeySchema? { knownKeys.withLock { $0[name] } }

    /// The SQL of the stored text `keySchema` compares: one text column, the cache key and all
    /// there is to parse, the two JSON texts with U+0001 between them, which JSON text never holds
    /// raw (and GRDB reads text only up to a NUL).
    static let keySchemaText = "key_schema || char(1) || attribute_definitions"

    /// ListTables.
    public func names(in db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT name FROM dynamodb_tables ORDER BY name")
    }

    static func keySchemaJSON(_ d: DynamoTableDefinition) -> JSON {
        .array(d.keySchema.map { ["AttributeName": .string($0.name), "KeyType": .string($0.keyType)] })
    }
    static func attributesJSON(_ d: DynamoTableDefinition) -> JSON {
        .array(d.attributes.map { ["AttributeName": .string($0.name), "AttributeType": .string($0.type)] })
    }

    static func table(_ row: Row) -> Table {
        let throughput = json(row["provisioned_throughput"]).arrayValue ?? []
        let tags = json(row["tags"]).arrayValue?.map { (key: $0["Key"]?.stringValue ?? "", value: $0["Value"]?.stringValue ?? "") } ?? []
        let definition = DynamoTableDefinition(name: row["name"], keySchema: keyElements(row["key_schema"]),
                                               attributes: attributes(row["attribute_definitions"]), billingMode: row["billing_mode"],
                                               readCapacity: throughput.first?.intValue, writeCapacity: throughput.dropFirst().first?.intValue,
                                               tags: tags)
        return Table(definition: definition, arn: row["arn"], tableId: row["table_id"], creationTime: row["creation_time"])
    }

    static func json(_ text: String?) -> JSON { (try? JSONParser.parse(text ?? "null")) ?? .null }

    static func keyElements(_ text: String?) -> [DynamoTableDefinition.KeyElement] {
        json(text).arrayValue?.map {
            DynamoTableDefinition.KeyElement(name: $0["AttributeName"]?.stringValue ?? "", keyType: $0["KeyType"]?.stringValue ?? "")
        } ?? []
    }

    static func attributes(_ text: String?) -> [DynamoTableDefinition.Attribute] {
        json(text).arrayValue?.map {
            DynamoTableDefinition.Attribute(name: $0["AttributeName"]?.stringValue ?? "", type: $0["AttributeType"]?.stringValue ?? "")
        } ?? []
    }
}
