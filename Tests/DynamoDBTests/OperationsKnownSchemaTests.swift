import DynamoDB
import SimKit
import Testing

/// PutItem and GetItem skip the table lookup when they know the table's key schema; a table
/// deleted or re-created with another key since must still answer as if looked up afresh.
@Suite struct OperationsKnownSchemaTests {
    @Test func aDeletedTableIsNotFoundAfterFastPuts() throws {
        let sim = try DynamoSim()
        try sim.table()
        try sim.put("Items", #"{"ID":{"S":"1"}}"#)
        try sim.put("Items", #"{"ID":{"S":"2"}}"#)  // through the known key schema
        try sim.ok("DeleteTable", #"{"TableName":"Items"}"#)
        for (operation, member) in [("PutItem", "Item"), ("GetItem", "Key")] {
            let error = try sim.fail(operation, #"{"TableName":"Items","\#(member)":{"ID":{"S":"1"}}}"#)
            #expect(error.message == "Requested resource not found")
        }
    }

    @Test func aTableRecreatedWithAnotherKeyIsCheckedAgainstTheNewOne() throws {
        let sim = try DynamoSim()
        try sim.table()
        try sim.put("Items", #"{"ID":{"S":"1"}}"#)
        #expect(try sim.ok("GetItem", #"{"TableName":"Items","Key":{"ID":{"S":"1"}}}"#).text == #"{"Item":{"ID":{"S":"1"}}}"#)
        try sim.ok("DeleteTable", #"{"TableName":"Items"}"#)
        try sim.table("Items", sortType: "N")
        #expect(try sim.fail("PutItem", #"{"TableName":"Items","Item":{"ID":{"S":"1"}}}"#).message
            == "One or more parameter values were invalid: Missing the key PK in the item")
        #expect(try sim.fail("GetItem", #"{"TableName":"Items","Key":{"ID":{"S":"1"}}}"#).message
            == "The provided key element does not match the schema")
        try sim.put("Items", #"{"PK":{"S":"a"},"SK":{"N":"1"}}"#)
        try sim.put("Items", #"{"PK":{"S":"a"},"SK":{"N":"1"},"v":{"S":"again"}}"#)
        #expect(try sim.ok("GetItem", #"{"TableName":"Items","Key":{"PK":{"S":"a"},"SK":{"N":"1"}}}"#).text
            == #"{"Item":{"PK":{"S":"a"},"SK":{"N":"1"},"v":{"S":"again"}}}"#)
    }
}
