import GRDB
import SimKit

/// CreateTable, DescribeTable, ListTables, DeleteTable, UpdateTable.
extension Context {
    func createTable(_ request: Request) throws -> JSON {
        let name = try request.tableName()
        let billing = try request.choice("BillingMode", ["PROVISIONED", "PAY_PER_REQUEST"], default: "PROVISIONED")
        let throughput = request["ProvisionedThroughput"]
        let definition = DynamoTableDefinition(
            name: name,
            keySchema: (request["KeySchema"]?.arrayValue ?? []).map {
                .init(name: $0["AttributeName"]?.stringValue ?? "", keyType: $0["KeyType"]?.stringValue ?? "")
            },
            attributes: (request["AttributeDefinitions"]?.arrayValue ?? []).map {
                .init(name: $0["AttributeName"]?.stringValue ?? "", type: $0["AttributeType"]?.stringValue ?? "")
            },
            billingMode: billing,
            readCapacity: throughput?["ReadCapacityUnits"]?.intValue, writeCapacity: throughput?["WriteCapacityUnits"]?.intValue,
            tags: (request["Tags"]?.arrayValue ?? []).map { (key: $0["Key"]?.stringValue ?? "", value: $0["Value"]?.stringValue ?? "") })
        if request["KeySchema"] == nil { throw DynamoDBErrors.missingMember("KeySchema") }
        if request["AttributeDefinitions"] == nil { throw DynamoDBErrors.missingMember("AttributeDefinitions") }
        let table = try tables.create(definition, now: now, ids: ids, in: db).get()
        // AWS answers CreateTable while the table is still being created; it is ACTIVE from then on here.
        return ["TableDescription": try description(table, status: "CREATING")]
    }

    func describeTable(_ request: Request) throws -> JSON {
        let name = try request.tableName()
        guard let table = try tables.get(name, in: db) else { throw DynamoDBErrors.tableNotFound(name) }
        return ["Table": try description(table, status: "ACTIVE")]
    }

    func deleteTable(_ request: Request) throws -> JSON {
        let name = try request.tableName()
        guard let table = try tables.get(name, in: db) else { throw DynamoDBErrors.tableNotFound(name) }
        var described = try description(table, status: "DELETING")
        // DeleteTable's description leaves out the key schema, attributes and creation time
        // (localstack test_table_crud, recorded against AWS).
        for key in ["AttributeDefinitions", "KeySchema", "CreationDateTime"] { described[key] = nil }
        try tables.delete(name, in: db)
        return ["TableDescription": described]
    }

    /// Billing mode and provisioned throughput only.
    func updateTable(_ request: Request) throws -> JSON {
        let name = try request.tableName()
        guard var table = try tables.get(name, in: db) else { throw DynamoDBErrors.tableNotFound(name) }
        var definition = table.definition
        definition.billingMode = try request.choice("BillingMode", ["PROVISIONED", "PAY_PER_REQUEST"], default: definition.billingMode)
        if let throughput = request["ProvisionedThroughput"] {
            definition.readCapacity = throughput["ReadCapacityUnits"]?.intValue
            definition.writeCapacity = throughput["WriteCapacityUnits"]?.intValue
        } else if definition.billingMode == "PAY_PER_REQUEST" {
            definition.readCapacity = nil
            definition.writeCapacity = nil
        }
        if definition == table.definition {
            // dynalite `actions/updateTable.js`: a request that changes nothing.
            throw DynamoDBValidation.error("The provisioned throughput for the table will not change. The requested value equals the current value. Current ReadCapacityUnits provisioned for the table: \(table.definition.readCapacity ?? 0). Requested ReadCapacityUnits: \(definition.readCapacity ?? 0). Current WriteCapacityUnits provisioned for the table: \(table.definition.writeCapacity ?? 0). Requested WriteCapacityUnits: \(definition.writeCapacity ?? 0). Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.")
        }
        if let problem = try tables.update(definition, in: db) { throw problem }
        table.definition = definition
        return ["TableDescription": try description(table, status: "UPDATING")]
    }

    func listTables(_ request: Request) throws -> JSON {
        let limit = Int(request.int("Limit") ?? 100)
        if limit < 1 || limit > 100 {
            throw DynamoDBValidation.error("1 validation error detected: Value '\(limit)' at 'limit' failed to satisfy constraint: Member must have value \(limit < 1 ? "greater than or equal to 1" : "less than or equal to 100")")
        }
        var names = try tables.names(in: db)
        if let start = try request.string("ExclusiveStartTableName") {
            names = names.filter { start.utf8.lexicographicallyPrecedes($0.utf8) }
        }
        var response: JSONObject = ["TableNames": .array(names.prefix(limit).map(JSON.string))]
        if names.count > limit, let last = names.prefix(limit).last { response["LastEvaluatedTableName"] = .string(last) }
        return .object(response)
    }

    /// TableDescription in botocore member order; `CreationDateTime` as epoch seconds, as on the wire.
    func description(_ table: TableStore.Table, status: String) throws -> JSON {
        let d = table.definition
        let totals = try ItemRows(table: d.name).totals(in: db)
        var o = JSONObject()
        o["AttributeDefinitions"] = TableStore.attributesJSON(d)
        o["TableName"] = .string(d.name)
        o["KeySchema"] = TableStore.keySchemaJSON(d)
        o["TableStatus"] = .string(status)
        o["CreationDateTime"] = .double(Double(table.creationTime) / 1000)
        o["ProvisionedThroughput"] = ["NumberOfDecreasesToday": 0, "ReadCapacityUnits": .int(d.readCapacity ?? 0),
                                      "WriteCapacityUnits": .int(d.writeCapacity ?? 0)]
        // AWS refreshes these about every six hours; the simulator reports them live.
        o["TableSizeBytes"] = .int(totals.bytes)
        o["ItemCount"] = .int(totals.count)
        o["TableArn"] = .string(table.arn)
        o["TableId"] = .string(table.tableId)
        if d.billingMode == "PAY_PER_REQUEST" { o["BillingModeSummary"] = ["BillingMode": "PAY_PER_REQUEST"] }
        o["DeletionProtectionEnabled"] = false
        // On-demand tables start with 12,000 read / 4,000 write units per second of warm throughput:
        // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/warm-throughput.html
        if d.billingMode == "PAY_PER_REQUEST" {
            o["WarmThroughput"] = ["ReadUnitsPerSecond": 12000, "WriteUnitsPerSecond": 4000, "Status": "ACTIVE"]
        }
        return .object(o)
    }
}
