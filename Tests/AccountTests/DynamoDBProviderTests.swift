import Account
import CloudFormation
import DynamoDB
import SimKit
import Testing

/// AWS::DynamoDB::Table through the account's provider, and DynamoTableDefinition.validate.
@Suite struct DynamoDBProviderTests {
    func table(keys: [(String, String)] = [("ID", "HASH")], attributes: [(String, String)] = [("ID", "S")],
               extra: JSONObject = ["BillingMode": "PAY_PER_REQUEST"]) -> JSONObject {
        var p: JSONObject = [
            "KeySchema": .array(keys.map { ["AttributeName": .string($0.0), "KeyType": .string($0.1)] }),
            "AttributeDefinitions": .array(attributes.map { ["AttributeName": .string($0.0), "AttributeType": .string($0.1)] }),
        ]
        for (key, value) in extra { p[key] = value }
        return p
    }

    @Test func generatedNameIsStackLogicalIdAnd13UpperAlphanumerics() throws {
        let sim = try Sim.standard()
        let result = try sim.create("AWS::DynamoDB::Table", "DynamoTable", stack: "lambda-to-dynamodb", table()).get()
        #expect(result.physicalId.wholeMatch(of: /lambda-to-dynamodb-DynamoTable-[A-Z0-9]{13}/) != nil)
        #expect(result.attributes["Arn"] == .string("arn:aws:dynamodb:ap-northeast-2:123456789012:table/\(result.physicalId)"))
        let stored = try sim.account.read { db in try sim.account.tables.get(result.physicalId, in: db) }
        #expect(stored?.definition.billingMode == "PAY_PER_REQUEST")
        #expect(stored?.definition.keySchema == [.init(name: "ID", keyType: "HASH")])
    }

    @Test func explicitTableNameIsThePhysicalId() throws {
        let sim = try Sim.standard(onDisk: false)
        var props = table()
        props["TableName"] = "Orders"
        #expect(try sim.create("AWS::DynamoDB::Table", props).get().physicalId == "Orders")
        let again = try failureOf(try sim.create("AWS::DynamoDB::Table", "Other", props))
        #expect(again.message == "Table already exists: Orders")
        #expect(again.service == "DynamoDb")
    }

    @Test func keyAttributeMissingFromDefinitions() throws {
        let sim = try Sim.standard()
        let failure = try failureOf(try sim.create("AWS::DynamoDB::Table", table(keys: [("Missing", "HASH")])))
        #expect(failure.message == "One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: [Missing], AttributeDefinitions: [ID]")
        #expect(failure.statusCode == 400)
        #expect(failure.handlerErrorCode == "InvalidRequest")
        #expect(try sim.serviceState().tables.isEmpty)
    }

    @Test func extraAttributeDefinition() throws {
        let sim = try Sim.standard(onDisk: false)
        let failure = try failureOf(try sim.create("AWS::DynamoDB::Table", table(attributes: [("ID", "S"), ("Name", "S")])))
        #expect(failure.message == "One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions")
    }

    @Test func hashAndRangeKeys() throws {
        let sim = try Sim.standard(onDisk: false)
        let props = table(keys: [("PK", "HASH"), ("SK", "RANGE")], attributes: [("PK", "S"), ("SK", "N")])
        let name = try sim.create("AWS::DynamoDB::Table", props).get().physicalId
        let stored = try sim.account.read { db in try sim.account.tables.get(name, in: db) }
        #expect(stored?.definition.keySchema.map(\.keyType) == ["HASH", "RANGE"])
        #expect(stored?.definition.attributes.map(\.type) == ["S", "N"])
    }

    @Test func attributeTypeOutsideTheEnum() throws {
        let sim = try Sim.standard(onDisk: false)
        let failure = try failureOf(try sim.create("AWS::DynamoDB::Table", table(attributes: [("ID", "STRING")])))
        #expect(failure.message == "1 validation error detected: Value 'STRING' at 'attributeDefinitions.1.member.attributeType' failed to satisfy constraint: Member must satisfy enum value set: [B, N, S]")
    }

    @Test func billingModes() throws {
        let sim = try Sim.standard(onDisk: false)
        let throughput: JSON = ["ReadCapacityUnits": 5, "WriteCapacityUnits": "5"]
        let provisioned = try sim.create("AWS::DynamoDB::Table", "Prov", table(extra: ["BillingMode": "PROVISIONED", "ProvisionedThroughput": throughput])).get()
        let stored = try sim.account.read { db in try sim.account.tables.get(provisioned.physicalId, in: db) }
        #expect(stored?.definition.readCapacity == 5)
        #expect(stored?.definition.writeCapacity == 5)

        // BillingMode defaults to PROVISIONED, which needs both capacities.
        let noThroughput = try failureOf(try sim.create("AWS::DynamoDB::Table", "NoTp", table(extra: [:])))
        #expect(noThroughput.message == "One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED")

        let both = try failureOf(try sim.create("AWS::DynamoDB::Table", "Both", table(extra: ["BillingMode": "PAY_PER_REQUEST", "ProvisionedThroughput": throughput])))
        #expect(both.message == "One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST")

        let unknown = try failureOf(try sim.create("AWS::DynamoDB::Table", "Odd", table(extra: ["BillingMode": "ON_DEMAND"])))
        #expect(unknown.message == "1 validation error detected: Value 'ON_DEMAND' at 'billingMode' failed to satisfy constraint: Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]")
    }

    @Test func keySchemaIsRequired() throws {
        let sim = try Sim.standard(onDisk: false)
        let failure = try failureOf(try sim.create("AWS::DynamoDB::Table", "Bare", ["BillingMode": "PAY_PER_REQUEST"]))
        #expect(failure.message == "Properties validation failed for resource Bare with message:\n#: required key [KeySchema] not found")
    }

    @Test func updateChangesBillingInPlace() throws {
        let sim = try Sim.standard()
        let name = try sim.create("AWS::DynamoDB::Table", table()).get().physicalId
        let throughput: JSON = ["ReadCapacityUnits": 2, "WriteCapacityUnits": 3]
        let updated = try sim.update("AWS::DynamoDB::Table", physicalId: name,
                                     table(extra: ["BillingMode": "PROVISIONED", "ProvisionedThroughput": throughput])).get()
        #expect(updated.physicalId == name)
        let stored = try sim.account.read { db in try sim.account.tables.get(name, in: db) }
        #expect(stored?.definition.billingMode == "PROVISIONED")
        #expect(stored?.definition.writeCapacity == 3)
    }

    @Test func validateChecksTheKeySchemaShape() {
        let tooMany = DynamoTableDefinition(name: "T", keySchema: [.init(name: "A", keyType: "HASH"), .init(name: "B", keyType: "RANGE"),
                                                                   .init(name: "C", keyType: "RANGE")],
                                            attributes: [], billingMode: "PAY_PER_REQUEST")
        #expect(tooMany.validate()?.message == "1 validation error detected: Value '3' at 'keySchema' failed to satisfy constraint: Member must have length less than or equal to 2")
        let shortName = DynamoTableDefinition(name: "ab", keySchema: [.init(name: "A", keyType: "HASH")], attributes: [.init(name: "A", type: "S")],
                                              billingMode: "PAY_PER_REQUEST")
        #expect(shortName.validate()?.code == "ValidationException")
        let fine = DynamoTableDefinition(name: "abc", keySchema: [.init(name: "A", keyType: "HASH")], attributes: [.init(name: "A", type: "S")],
                                         billingMode: "PAY_PER_REQUEST")
        #expect(fine.validate() == nil)
    }
}
