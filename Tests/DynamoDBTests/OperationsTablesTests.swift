import DynamoDB
import SimKit
import Testing

/// CreateTable, DescribeTable, ListTables, DeleteTable, UpdateTable on SQLite.
@Suite struct OperationsTablesTests {
    @Test func createTableAnswersTheDescriptionInBotocoreOrder() throws {
        let sim = try DynamoSim()
        let response = try sim.table()
        let description = try #require(response["TableDescription"]?.objectValue)
        #expect(description.keys == ["AttributeDefinitions", "TableName", "KeySchema", "TableStatus", "CreationDateTime",
                                     "ProvisionedThroughput", "TableSizeBytes", "ItemCount", "TableArn", "TableId",
                                     "BillingModeSummary", "DeletionProtectionEnabled", "WarmThroughput"])
        #expect(description["TableStatus"] == "CREATING")
        #expect(description["CreationDateTime"] == .double(1_795_651_200))
        #expect(description["TableArn"] == "arn:aws:dynamodb:ap-northeast-2:123456789012:table/Items")
    }

    @Test func describeTableIsActiveWithLiveCounts() throws {
        let sim = try DynamoSim()
        try sim.table()
        try sim.put("Items", #"{"ID":{"S":"1"},"a":{"S":"xyz"}}"#)
        let described = try sim.ok("DescribeTable", #"{"TableName":"Items"}"#)
        let table = try #require(described["Table"])
        #expect(table["TableStatus"] == "ACTIVE")
        #expect(table["ItemCount"] == 1)
        #expect(table["TableSizeBytes"] == 7)  // "ID" + "1" + "a" + "xyz"
    }

    @Test func missingTablesUseTheDescribeVariant() throws {
        let sim = try DynamoSim()
        for operation in ["DescribeTable", "DeleteTable", "UpdateTable"] {
            let error = try sim.fail(operation, #"{"TableName":"NoSuchTable","BillingMode":"PROVISIONED"}"#)
            #expect(error.message == "Requested resource not found: Table: NoSuchTable not found")
            #expect(error.wireType == "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException")
        }
    }

    @Test func createTwiceIsResourceInUse() throws {
        let sim = try DynamoSim()
        try sim.table()
        let error = try sim.fail("CreateTable", """
            {"TableName":"Items","AttributeDefinitions":[{"AttributeName":"ID","AttributeType":"S"}],
             "KeySchema":[{"AttributeName":"ID","KeyType":"HASH"}],"BillingMode":"PAY_PER_REQUEST"}
            """)
        #expect(error.cliLine(operation: "CreateTable")
            == "An error occurred (ResourceInUseException) when calling the CreateTable operation: Table already exists: Items")
        #expect(error.wireType == "com.amazonaws.dynamodb.v20120810#ResourceInUseException")
    }

    @Test func createTableValidationIsCoralNamespaced() throws {
        let sim = try DynamoSim()
        let error = try sim.fail("CreateTable", """
            {"TableName":"Items","AttributeDefinitions":[{"AttributeName":"ID","AttributeType":"S"}],
             "KeySchema":[{"AttributeName":"ID","KeyType":"HASH"}]}
            """)
        #expect(error.message == "One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED")
        #expect(error.wireType == "com.amazon.coral.validate#ValidationException")
        let missing = try sim.fail("CreateTable", #"{"AttributeDefinitions":[]}"#)
        #expect(missing.message == "1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null")
    }

    @Test func listTablesPagesByName() throws {
        let sim = try DynamoSim()
        for name in ["Ccc", "Aaa", "Bbb"] { try sim.table(name) }
        #expect(try sim.ok("ListTables", "{}").text == #"{"TableNames":["Aaa","Bbb","Ccc"]}"#)
        #expect(try sim.ok("ListTables", #"{"Limit":2}"#).text == #"{"TableNames":["Aaa","Bbb"],"LastEvaluatedTableName":"Bbb"}"#)
        #expect(try sim.ok("ListTables", #"{"ExclusiveStartTableName":"Bbb"}"#).text == #"{"TableNames":["Ccc"]}"#)
    }

    @Test func deleteTableRemovesItsItems() throws {
        let sim = try DynamoSim()
        try sim.table()
        try sim.put("Items", #"{"ID":{"S":"1"}}"#)
        let deleted = try sim.ok("DeleteTable", #"{"TableName":"Items"}"#)
        #expect(deleted["TableDescription"]?["TableStatus"] == "DELETING")
        #expect(deleted["TableDescription"]?["ItemCount"] == 1)
        try sim.table()
        #expect(try sim.ok("Scan", #"{"TableName":"Items"}"#)["Count"] == 0)
    }

    @Test func updateTableSwitchesBillingMode() throws {
        let sim = try DynamoSim()
        try sim.table()
        let updated = try sim.ok("UpdateTable", """
            {"TableName":"Items","BillingMode":"PROVISIONED","ProvisionedThroughput":{"ReadCapacityUnits":5,"WriteCapacityUnits":3}}
            """)
        #expect(updated["TableDescription"]?["TableStatus"] == "UPDATING")
        let table = try sim.ok("DescribeTable", #"{"TableName":"Items"}"#)["Table"]
        #expect(table?["BillingModeSummary"] == nil)
        #expect(table?["ProvisionedThroughput"]?.text == #"{"NumberOfDecreasesToday":0,"ReadCapacityUnits":5,"WriteCapacityUnits":3}"#)
        let bad = try sim.fail("UpdateTable", #"{"TableName":"Items","BillingMode":"FREE"}"#)
        #expect(bad.message == "1 validation error detected: Value 'FREE' at 'billingMode' failed to satisfy constraint: Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]")
    }

    @Test func unknownOperation() throws {
        let sim = try DynamoSim()
        let error = try sim.fail("ExecuteStatement", "{}")
        #expect(error.code == "UnknownOperationException")
        #expect(error.wireType == "com.amazon.coral.service#UnknownOperationException")
    }
}
