import Account
import DynamoDB
import GRDB
import SimKit
import TestSupport
import Testing

/// The error of a failed action, nil for a success.
private extension Result where Failure == AWSError {
    var failure: AWSError? { if case .failure(let error) = self { error } else { nil } }
}

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

    /// A plain PutItem is one INSERT without BEGIN and COMMIT: it is stored and leaves no
    /// transaction open; a table re-created with another key schema (the cached one is stale),
    /// a conditional put and an invalid put still take the full path, with its answers.
    @Test func aPlainPutIsOneStatementAndEverythingElseTheFullPath() throws {
        let folder = TempFolder("dynamodb-plain-put")
        let account = try Account.fresh(at: "\(folder.path)/account.sqlite", date: TimeFormat.instant(year: 2026, month: 11, day: 25), seed: 7)
        try Self.createItems(account)
        _ = try account.dynamodb("GetItem", ["TableName": "Items", "Key": ["ID": ["S": "0"]]]).get()  // the key schema is read
        // SQLite's statement trace on the writer shows the plain put is the INSERT alone.
        let statements = Protected<[String]>([])
        account.store.writer.writeWithoutTransaction { db in
            db.trace(options: .statement) { event in statements.withLock { $0.append("\(event)") } }
        }
        #expect(try account.dynamodb("PutItem", ["TableName": "Items", "Item": ["ID": ["S": "1"]]]).get() == .object(JSONObject()))
        account.store.writer.writeWithoutTransaction { db in db.trace(options: .statement, nil) }
        let traced = statements.withLock { $0 }
        #expect(traced.count == 1 && traced.first?.hasPrefix("INSERT OR REPLACE INTO dynamodb_items") == true, "\(traced)")
        #expect(account.store.writer.writeWithoutTransaction { $0.isInsideTransaction } == false)

        _ = try account.dynamodb("DeleteTable", ["TableName": "Items"]).get()
        _ = try account.dynamodb("CreateTable", [
            "TableName": "Items", "BillingMode": "PAY_PER_REQUEST",
            "AttributeDefinitions": [["AttributeName": "pk", "AttributeType": "S"]],
            "KeySchema": [["AttributeName": "pk", "KeyType": "HASH"]],
        ]).get()
        let stale = try account.dynamodb("PutItem", ["TableName": "Items", "Item": ["ID": ["S": "1"]]])
        #expect(stale.failure?.message == "One or more parameter values were invalid: Missing the key pk in the item")
        #expect(try account.dynamodb("PutItem", ["TableName": "Items", "Item": ["pk": ["S": "1"]]]).get() == .object(JSONObject()))

        let conditional = try account.dynamodb("PutItem", ["TableName": "Items", "Item": ["pk": ["S": "1"]],
                                                           "ConditionExpression": "attribute_not_exists(pk)"])
        #expect(conditional.failure?.code == "ConditionalCheckFailedException")
        let invalid = try account.dynamodb("PutItem", ["TableName": "It", "Item": ["pk": ["S": "1"]]])
        #expect(invalid.failure?.code == "ValidationException")
        let scan = try account.dynamodb("Scan", ["TableName": "Items"]).get()
        #expect(scan == ["Items": [["pk": ["S": "1"]]], "Count": 1, "ScannedCount": 1])
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
