import DynamoDB
import GRDB
import SimKit
import Testing

/// A DynamoDB data plane on a private in-memory SQLite database (the real schema, migrations and SQL).
struct DynamoSim {
    let store: Store
    let operations = DynamoDBOperations(tables: TableStore(region: "ap-northeast-2", account: "123456789012"))
    let ids = IDGenerator(seed: 7)
    /// 2026-11-25T00:00:00Z.
    let now: EpochMillis = 1_795_651_200_000

    init() throws {
        store = try Store.inMemory(migrations: DynamoDBSchema.migrations)
    }

    /// One action in one transaction, the request given as JSON text.
    func call(_ operation: String, _ request: String) throws -> Result<JSON, AWSError> {
        try detailed(operation, request).mapError(\.error)
    }

    func detailed(_ operation: String, _ request: String) throws -> Result<JSON, DynamoDBFailure> {
        let body = try JSONParser.parse(request)
        return try store.write { db in try operations.performDetailed(operation, body, now: now, ids: ids, in: db) }
    }

    /// The response of an action that must succeed.
    @discardableResult
    func ok(_ operation: String, _ request: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> JSON {
        switch try call(operation, request) {
        case .success(let response): return response
        case .failure(let error):
            Issue.record("\(operation) failed: \(error)", sourceLocation: sourceLocation)
            return .null
        }
    }

    /// The error of an action that must fail.
    func fail(_ operation: String, _ request: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> AWSError {
        switch try call(operation, request) {
        case .success(let response):
            Issue.record("\(operation) succeeded: \(response.serialized())", sourceLocation: sourceLocation)
            return AWSError(code: "", message: "")
        case .failure(let error): return error
        }
    }

    /// A pay-per-request table keyed by `ID` (S), or by `PK` (S) and `SK` (`sortType`).
    @discardableResult
    func table(_ name: String = "Items", sortType: String? = nil) throws -> JSON {
        if let sortType {
            return try ok("CreateTable", """
                {"TableName":"\(name)","AttributeDefinitions":[{"AttributeName":"PK","AttributeType":"S"},
                 {"AttributeName":"SK","AttributeType":"\(sortType)"}],
                 "KeySchema":[{"AttributeName":"PK","KeyType":"HASH"},{"AttributeName":"SK","KeyType":"RANGE"}],
                 "BillingMode":"PAY_PER_REQUEST"}
                """)
        }
        return try ok("CreateTable", """
            {"TableName":"\(name)","AttributeDefinitions":[{"AttributeName":"ID","AttributeType":"S"}],
             "KeySchema":[{"AttributeName":"ID","KeyType":"HASH"}],"BillingMode":"PAY_PER_REQUEST"}
            """)
    }

    /// Puts each item (DynamoDB JSON text) into `table`.
    func put(_ table: String = "Items", _ items: String...) throws {
        for item in items { try ok("PutItem", #"{"TableName":"\#(table)","Item":\#(item)}"#) }
    }
}

extension JSON {
    /// Compact text, for comparing whole responses.
    var text: String { serialized() }
}
