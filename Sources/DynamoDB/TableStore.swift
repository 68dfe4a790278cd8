import GRDB
import SimKit

/// DynamoDB's control plane: CreateTable, DescribeTable, DeleteTable, ListTables.
public struct TableStore: Sendable {
    public let region: String
    public let account: String

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
        try Row.fetchOne(db, sql: "SELECT * FROM dynamodb_tables WHERE name = ?", arguments: [name]).map(Self.table)
    }

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
        func json(_ c: String) -> JSON { (try? JSONParser.parse(row[c] as String? ?? "null")) ?? .null }
        let keys = json("key_schema").arrayValue?.map {
            DynamoTableDefinition.KeyElement(name: $0["AttributeName"]?.stringValue ?? "", keyType: $0["KeyType"]?.stringValue ?? "")
        } ?? []
        let attributes = json("attribute_definitions").arrayValue?.map {
            DynamoTableDefinition.Attribute(name: $0["AttributeName"]?.stringValue ?? "", type: $0["AttributeType"]?.stringValue ?? "")
        } ?? []
        let throughput = json("provisioned_throughput").arrayValue ?? []
        let tags = json("tags").arrayValue?.map { (key: $0["Key"]?.stringValue ?? "", value: $0["Value"]?.stringValue ?? "") } ?? []
        let definition = DynamoTableDefinition(name: row["name"], keySchema: keys, attributes: attributes, billingMode: row["billing_mode"],
                                         readCapacity: throughput.first?.intValue, writeCapacity: throughput.dropFirst().first?.intValue,
                                         tags: tags)
        return Table(definition: definition, arn: row["arn"], tableId: row["table_id"], creationTime: row["creation_time"])
    }
}
