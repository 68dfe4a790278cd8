import DynamoDB
import SimKit
import Testing

/// BatchWriteItem, BatchGetItem and TransactWriteItems.
@Suite struct OperationsBatchTests {
    @Test func batchWriteThenBatchGet() throws {
        let sim = try DynamoSim()
        try sim.table()
        let written = try sim.ok("BatchWriteItem", """
            {"RequestItems":{"Items":[{"PutRequest":{"Item":{"ID":{"S":"1"}}}},{"PutRequest":{"Item":{"ID":{"S":"2"},"a":{"N":"1"}}}}]},
             "ReturnConsumedCapacity":"TOTAL"}
            """)
        #expect(written.text == #"{"UnprocessedItems":{},"ConsumedCapacity":[{"TableName":"Items","CapacityUnits":2}]}"#)
        try sim.ok("BatchWriteItem", #"{"RequestItems":{"Items":[{"DeleteRequest":{"Key":{"ID":{"S":"1"}}}}]}}"#)
        let read = try sim.ok("BatchGetItem", #"{"RequestItems":{"Items":{"Keys":[{"ID":{"S":"1"}},{"ID":{"S":"2"}}]}}}"#)
        #expect(read.text == #"{"Responses":{"Items":[{"ID":{"S":"2"},"a":{"N":"1"}}]},"UnprocessedKeys":{}}"#)
    }

    @Test func batchErrors() throws {
        let sim = try DynamoSim()
        try sim.table()
        let puts = (0..<26).map { #"{"PutRequest":{"Item":{"ID":{"S":"\#($0)"}}}}"# }.joined(separator: ",")
        // One table's list over 25: the map-value constraint (dynalite test/batchWriteItem.js, run against AWS).
        let tooMany = try sim.fail("BatchWriteItem", #"{"RequestItems":{"Items":[\#(puts)]}}"#).message
        #expect(tooMany.hasPrefix("1 validation error detected: Value '{Items=["))
        #expect(tooMany.hasSuffix("]}' at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 25, Member must have length greater than or equal to 1]"))
        #expect(try sim.fail("BatchWriteItem", #"{"RequestItems":{"Items":[{"PutRequest":{"Item":{"ID":{"S":"1"}}}},{"DeleteRequest":{"Key":{"ID":{"S":"1"}}}}]}}"#).message
            == "Provided list of item keys contains duplicates")
        #expect(try sim.fail("BatchWriteItem", #"{"RequestItems":{"Nope":[{"PutRequest":{"Item":{"ID":{"S":"1"}}}}]}}"#).message
            == "Requested resource not found")
        #expect(try sim.fail("BatchGetItem", #"{"RequestItems":{"Items":{"Keys":[{"ID":{"S":"1"}},{"ID":{"S":"1"}}]}}}"#).message
            == "Provided list of item keys contains duplicates")
        #expect(try sim.ok("Scan", #"{"TableName":"Items"}"#)["Count"] == 0)
    }

    @Test func transactionWritesEverything() throws {
        let sim = try DynamoSim()
        try sim.table()
        try sim.put("Items", #"{"ID":{"S":"old"},"n":{"N":"1"}}"#, #"{"ID":{"S":"other"},"n":{"N":"1"}}"#)
        let response = try sim.ok("TransactWriteItems", """
            {"TransactItems":[
              {"Put":{"TableName":"Items","Item":{"ID":{"S":"new"}},"ConditionExpression":"attribute_not_exists(ID)"}},
              {"Update":{"TableName":"Items","Key":{"ID":{"S":"old"}},"UpdateExpression":"ADD n :one","ExpressionAttributeValues":{":one":{"N":"1"}}}},
              {"ConditionCheck":{"TableName":"Items","Key":{"ID":{"S":"other"}},"ConditionExpression":"attribute_exists(n)"}}],
             "ReturnConsumedCapacity":"TOTAL"}
            """)
        #expect(response.text == #"{"ConsumedCapacity":[{"TableName":"Items","CapacityUnits":6}]}"#)
        #expect(try sim.ok("GetItem", #"{"TableName":"Items","Key":{"ID":{"S":"old"}}}"#).text == #"{"Item":{"ID":{"S":"old"},"n":{"N":"2"}}}"#)
    }

    @Test func transactionIsAllOrNothing() throws {
        let sim = try DynamoSim()
        try sim.table()
        try sim.put("Items", #"{"ID":{"S":"taken"}}"#)
        let result = try sim.detailed("TransactWriteItems", """
            {"TransactItems":[
              {"Put":{"TableName":"Items","Item":{"ID":{"S":"fresh"}}}},
              {"Put":{"TableName":"Items","Item":{"ID":{"S":"taken"}},"ConditionExpression":"attribute_not_exists(ID)",
                      "ReturnValuesOnConditionCheckFailure":"ALL_OLD"}}]}
            """)
        guard case .failure(let failure) = result else { Issue.record("expected cancellation"); return }
        #expect(failure.error.message == "Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]")
        #expect(failure.error.wireType == "com.amazonaws.dynamodb.v20120810#TransactionCanceledException")
        #expect(failure.extra["CancellationReasons"]?.text
            == #"[{"Code":"None"},{"Item":{"ID":{"S":"taken"}},"Code":"ConditionalCheckFailed","Message":"The conditional request failed"}]"#)
        #expect(try sim.ok("Scan", #"{"TableName":"Items"}"#)["Count"] == 1)
    }

    @Test func transactionValidation() throws {
        let sim = try DynamoSim()
        try sim.table()
        #expect(try sim.fail("TransactWriteItems", """
            {"TransactItems":[{"Put":{"TableName":"Items","Item":{"ID":{"S":"1"}}}},{"Delete":{"TableName":"Items","Key":{"ID":{"S":"1"}}}}]}
            """).message == "Transaction request cannot include multiple operations on one item")
        #expect(try sim.fail("TransactWriteItems", #"{"TransactItems":[]}"#).message
            == "1 validation error detected: Value '0' at 'transactItems' failed to satisfy constraint: Member must have length greater than or equal to 1")
    }
}
