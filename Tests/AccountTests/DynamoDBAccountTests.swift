import Account
import DynamoDB
import GRDB
import SimKit
import TestSupport
import Testing

/// `Account.dynamodb`: one transaction per action on an on-disk account.
@Suite struct DynamoDBAccountTests {
    static func createItems(_ account: Account) throws {
        let created = try account.dynamodb("CreateTable", [
            "TableName": "Items", "BillingMode": "PAY_PER_REQUEST",
            "AttributeDefinitions": [["AttributeName": "ID", "AttributeType": "S"]],
            "KeySchema": [["AttributeName": "ID", "KeyType": "HASH"]],
        ])
        #expect((try? created.get()) != nil)
    }

    @Test func itemsPersistOnDiskAcrossOpens() throws {
        let folder = TempFolder("dynamodb-account")
        let path = "\(folder.path)/account.sqlite"
        let account = try Account.fresh(at: path, date: TimeFormat.instant(year: 2026, month: 11, day: 25), seed: 7)
        try Self.createItems(account)
        _ = try account.dynamodb("PutItem", ["TableName": "Items", "Item": ["ID": ["S": "1"], "n": ["N": "1.50"]]]).get()
        let reopened = try Store.open(path: path, migrations: Account.migrations)
        let operations = DynamoDBOperations(tables: account.tables)
        let response = try reopened.write { db in
            try operations.perform("GetItem", ["TableName": "Items", "Key": ["ID": ["S": "1"]]], now: 0, ids: account.ids, in: db)
        }
        #expect(try response.get() == ["Item": ["ID": ["S": "1"], "n": ["N": "1.5"]]])
    }

    @Test func creationTimeAndTableIdComeFromTheAccount() throws {
        let sim = try Sim.standard()
        try Self.createItems(sim.account)
        let table = try sim.account.dynamodb("DescribeTable", ["TableName": "Items"]).get()["Table"]
        #expect(table?["CreationDateTime"] == .double(Double(TimeFormat.instant(year: 2026, month: 11, day: 25)) / 1000))
        let stored = try sim.account.read { db in try sim.account.tables.get("Items", in: db) }
        #expect(table?["TableId"] == stored.map { .string($0.tableId) })
    }

    @Test func aCancelledTransactionChangesNothing() throws {
        let sim = try Sim.standard()
        try Self.createItems(sim.account)
        _ = try sim.account.dynamodb("PutItem", ["TableName": "Items", "Item": ["ID": ["S": "taken"]]]).get()
        let result = try sim.account.dynamodb("TransactWriteItems", ["TransactItems": [
            ["Put": ["TableName": "Items", "Item": ["ID": ["S": "a"]]]],
            ["Delete": ["TableName": "Items", "Key": ["ID": ["S": "taken"]], "ConditionExpression": "attribute_not_exists(ID)"]],
        ]])
        guard case .failure(let error) = result else { Issue.record("expected a cancellation"); return }
        #expect(error.code == "TransactionCanceledException")
        let scan = try sim.account.dynamodb("Scan", ["TableName": "Items"]).get()
        #expect(scan == ["Items": [["ID": ["S": "taken"]]], "Count": 1, "ScannedCount": 1])
    }

    @Test func deletingATableDeletesItsItems() throws {
        let sim = try Sim.standard()
        try Self.createItems(sim.account)
        _ = try sim.account.dynamodb("PutItem", ["TableName": "Items", "Item": ["ID": ["S": "1"]]]).get()
        _ = try sim.account.dynamodb("DeleteTable", ["TableName": "Items"]).get()
        let rows = try sim.account.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dynamodb_items") }
        #expect(rows == 0)
    }
}
