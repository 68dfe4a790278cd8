import DynamoDB
import SimKit
import Testing

/// PutItem, GetItem, UpdateItem, DeleteItem: keys, conditions, ReturnValues, capacity, limits.
@Suite struct OperationsItemsTests {
    static func sim() throws -> DynamoSim {
        let sim = try DynamoSim()
        try sim.table()
        return sim
    }

    @Test func putThenGetKeepsAttributeOrder() throws {
        let sim = try Self.sim()
        let item = #"{"ID":{"S":"42"},"count":{"N":"3"},"tags":{"SS":["a","b"]},"ok":{"BOOL":true},"info":{"M":{"k":{"L":[{"S":"x"},{"N":"1.5"}]}}}}"#
        #expect(try sim.ok("PutItem", #"{"TableName":"Items","Item":\#(item)}"#).text == "{}")
        #expect(try sim.ok("GetItem", #"{"TableName":"Items","Key":{"ID":{"S":"42"}}}"#).text == #"{"Item":\#(item)}"#)
        #expect(try sim.ok("GetItem", #"{"TableName":"Items","Key":{"ID":{"S":"nope"}}}"#).text == "{}")
    }

    @Test func putReturnsOldItemAndCapacity() throws {
        let sim = try Self.sim()
        try sim.put("Items", #"{"ID":{"S":"42"},"count":{"N":"3"}}"#)
        let response = try sim.ok("PutItem", """
            {"TableName":"Items","Item":{"ID":{"S":"42"},"count":{"N":"4"}},"ReturnValues":"ALL_OLD","ReturnConsumedCapacity":"TOTAL"}
            """)
        #expect(response["Attributes"]?.text == #"{"ID":{"S":"42"},"count":{"N":"3"}}"#)
        #expect(response["ConsumedCapacity"] == ["TableName": "Items", "CapacityUnits": .double(1)])
        let bad = try sim.fail("PutItem", #"{"TableName":"Items","Item":{"ID":{"S":"1"}},"ReturnValues":"ALL_NEW"}"#)
        #expect(bad.message == "ReturnValues can only be ALL_OLD or NONE")
    }

    @Test func keyChecksUseDynamoDBsTexts() throws {
        let sim = try Self.sim()
        #expect(try sim.fail("PutItem", #"{"TableName":"Items","Item":{"created":{"S":"x"}}}"#).message
            == "One or more parameter values were invalid: Missing the key ID in the item")
        #expect(try sim.fail("PutItem", #"{"TableName":"Items","Item":{"ID":{"N":"1"}}}"#).message
            == "One or more parameter values were invalid: Type mismatch for key ID expected: S actual: N")
        #expect(try sim.fail("PutItem", #"{"TableName":"Items","Item":{"ID":{"S":""}}}"#).message
            == "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: ID")
        for key in [#"{"WrongKey":{"S":"1"}}"#, #"{"ID":{"N":"1"}}"#, #"{"ID":{"S":"1"},"x":{"S":"2"}}"#] {
            let error = try sim.fail("GetItem", #"{"TableName":"Items","Key":\#(key)}"#)
            #expect(error.message == "The provided key element does not match the schema")
            #expect(error.wireType == "com.amazon.coral.validate#ValidationException")
        }
    }

    @Test func itemOperationsOnAMissingTable() throws {
        let sim = try DynamoSim()
        for (operation, member) in [("PutItem", "Item"), ("GetItem", "Key"), ("UpdateItem", "Key"), ("DeleteItem", "Key")] {
            let error = try sim.fail(operation, #"{"TableName":"NoSuchTable","\#(member)":{"ID":{"S":"1"}}}"#)
            #expect(error.cliLine(operation: operation)
                == "An error occurred (ResourceNotFoundException) when calling the \(operation) operation: Requested resource not found")
        }
    }

    @Test func itemsOver400KBAreRefused() throws {
        let sim = try Self.sim()
        let big = String(repeating: "x", count: 400 * 1024)
        #expect(try sim.fail("PutItem", #"{"TableName":"Items","Item":{"ID":{"S":"1"},"b":{"S":"\#(big)"}}}"#).message
            == "Item size has exceeded the maximum allowed size")
        let fits = String(repeating: "x", count: 400 * 1024 - 4)
        let response = try sim.ok("PutItem", #"{"TableName":"Items","Item":{"ID":{"S":"1"},"b":{"S":"\#(fits)"}},"ReturnConsumedCapacity":"TOTAL"}"#)
        #expect(response["ConsumedCapacity"]?["CapacityUnits"] == .double(400))
        let read = try sim.ok("GetItem", #"{"TableName":"Items","Key":{"ID":{"S":"1"}},"ReturnConsumedCapacity":"TOTAL"}"#)
        #expect(read["ConsumedCapacity"]?["CapacityUnits"] == .double(50))
    }

    @Test func conditionalWrites() throws {
        let sim = try Self.sim()
        let request = #"{"TableName":"Items","Item":{"ID":{"S":"1"}},"ConditionExpression":"attribute_not_exists(ID)"}"#
        try sim.ok("PutItem", request)
        let error = try sim.fail("PutItem", request)
        #expect(error.code == "ConditionalCheckFailedException")
        #expect(error.message == "The conditional request failed")
        #expect(error.wireType == "com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException")
        let detailed = try sim.detailed("DeleteItem", """
            {"TableName":"Items","Key":{"ID":{"S":"1"}},"ConditionExpression":"#a = :v","ExpressionAttributeNames":{"#a":"ID"},
             "ExpressionAttributeValues":{":v":{"S":"2"}},"ReturnValuesOnConditionCheckFailure":"ALL_OLD"}
            """)
        guard case .failure(let failure) = detailed else { Issue.record("expected a failure"); return }
        #expect(failure.body.text == #"{"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException","message":"The conditional request failed","Item":{"ID":{"S":"1"}}}"#)
    }

    @Test func unusedPlaceholdersAreRejected() throws {
        let sim = try Self.sim()
        let error = try sim.fail("PutItem", """
            {"TableName":"Items","Item":{"ID":{"S":"1"}},"ConditionExpression":"attribute_not_exists(ID)","ExpressionAttributeValues":{":x":{"S":"1"}}}
            """)
        #expect(error.message == "Value provided in ExpressionAttributeValues unused in expressions: keys: {:x}")
    }

    @Test func updateCreatesAndReturnsEachKind() throws {
        let sim = try Self.sim()
        let update = """
            {"TableName":"Items","Key":{"ID":{"S":"1"}},"UpdateExpression":"SET n = if_not_exists(n, :zero) + :one, l = list_append(if_not_exists(l, :e), :l)",
             "ExpressionAttributeValues":{":zero":{"N":"0"},":one":{"N":"1"},":e":{"L":[]},":l":{"L":[{"S":"x"}]}},"ReturnValues":"%@"}
            """
        #expect(try sim.ok("UpdateItem", update.replacing("%@", with: "ALL_NEW")).text
            == #"{"Attributes":{"ID":{"S":"1"},"n":{"N":"1"},"l":{"L":[{"S":"x"}]}}}"#)
        #expect(try sim.ok("UpdateItem", update.replacing("%@", with: "UPDATED_OLD")).text
            == #"{"Attributes":{"n":{"N":"1"},"l":{"L":[{"S":"x"}]}}}"#)
        #expect(try sim.ok("UpdateItem", update.replacing("%@", with: "UPDATED_NEW")).text
            == #"{"Attributes":{"n":{"N":"3"},"l":{"L":[{"S":"x"},{"S":"x"},{"S":"x"}]}}}"#)
        #expect(try sim.ok("UpdateItem", update.replacing("%@", with: "ALL_OLD"))["Attributes"]?["n"] == ["N": "3"])
        #expect(try sim.ok("UpdateItem", update.replacing("%@", with: "NONE")).text == "{}")
    }

    @Test func updateCannotTouchTheKeyAndChecksConditions() throws {
        let sim = try Self.sim()
        let key = try sim.fail("UpdateItem", #"{"TableName":"Items","Key":{"ID":{"S":"1"}},"UpdateExpression":"SET ID = :v","ExpressionAttributeValues":{":v":{"S":"2"}}}"#)
        #expect(key.message == "One or more parameter values were invalid: Cannot update attribute ID. This attribute is part of the key")
        let condition = try sim.fail("UpdateItem", #"{"TableName":"Items","Key":{"ID":{"S":"1"}},"UpdateExpression":"REMOVE a","ConditionExpression":"attribute_exists(ID)"}"#)
        #expect(condition.code == "ConditionalCheckFailedException")
        #expect(try sim.ok("Scan", #"{"TableName":"Items"}"#)["Count"] == 0)
    }

    @Test func deleteReturnsTheOldItem() throws {
        let sim = try Self.sim()
        try sim.put("Items", #"{"ID":{"S":"1"},"a":{"S":"x"}}"#)
        #expect(try sim.ok("DeleteItem", #"{"TableName":"Items","Key":{"ID":{"S":"1"}},"ReturnValues":"ALL_OLD"}"#).text
            == #"{"Attributes":{"ID":{"S":"1"},"a":{"S":"x"}}}"#)
        #expect(try sim.ok("DeleteItem", #"{"TableName":"Items","Key":{"ID":{"S":"1"}},"ReturnValues":"ALL_OLD"}"#).text == "{}")
    }

    @Test func getProjectsAndChargesHalfUnits() throws {
        let sim = try Self.sim()
        try sim.put("Items", #"{"ID":{"S":"1"},"a":{"S":"x"},"b":{"M":{"c":{"N":"1"},"d":{"N":"2"}}}}"#)
        let response = try sim.ok("GetItem", """
            {"TableName":"Items","Key":{"ID":{"S":"1"}},"ProjectionExpression":"#b.d, a","ExpressionAttributeNames":{"#b":"b"},"ReturnConsumedCapacity":"INDEXES"}
            """)
        #expect(response.text == #"{"Item":{"a":{"S":"x"},"b":{"M":{"d":{"N":"2"}}}},"ConsumedCapacity":{"TableName":"Items","CapacityUnits":0.5,"Table":{"CapacityUnits":0.5}}}"#)
        let consistent = try sim.ok("GetItem", #"{"TableName":"Items","Key":{"ID":{"S":"1"}},"ConsistentRead":true,"ReturnConsumedCapacity":"TOTAL"}"#)
        #expect(consistent["ConsumedCapacity"]?["CapacityUnits"] == .double(1))
    }
}
