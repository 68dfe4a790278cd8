import GRDB
import SimKit

/// DynamoDB's JSON 1.0 API over the account's SQLite database: one call is one AWS action.
///
/// `operation` is the `X-Amz-Target` suffix (`PutItem`); requests and responses are the wire
/// bodies with AWS's member names, responses built in botocore's member order. The caller owns
/// the transaction, so an action is all or nothing.
public struct DynamoDBOperations: Sendable {
    /// The control plane this data plane reads its key schemas from.
    public let tables: TableStore

    /// Operations over the tables of `tables`' account and region.
    public init(tables: TableStore) {
        self.tables = tables
    }

    /// Runs one action: the response body, or the error DynamoDB would answer with.
    public func perform(_ operation: String, _ request: JSON, now: EpochMillis, ids: IDGenerator,
                        in db: Database) throws -> Result<JSON, AWSError> {
        try performDetailed(operation, request, now: now, ids: ids, in: db).mapError(\.error)
    }

    /// `perform`, keeping the extra members some errors carry in their body (`CancellationReasons`).
    public func performDetailed(_ operation: String, _ request: JSON, now: EpochMillis, ids: IDGenerator,
                                in db: Database) throws -> Result<JSON, DynamoDBFailure> {
        let context = Context(operations: self, now: now, ids: ids, db: db)
        do {
            guard case .object(let body) = request else {
                throw DynamoDBValidation.serialization("Unexpected value type in payload")
            }
            return .success(try context.run(operation, Request(body)))
        } catch let error as AWSError {
            return .failure(DynamoDBFailure(DynamoDBErrors.namespaced(error)))
        } catch let failure as DynamoDBFailure {
            return .failure(failure)
        }
    }
}

extension DynamoDBOperations {
    /// A PutItem stored by one INSERT, when it can be: no condition, ReturnValues or
    /// ReturnConsumedCapacity, on a table whose key schema was read before and is unchanged (the
    /// INSERT itself checks that). True when stored. The statement is atomic on its own, so the
    /// caller may run it without an explicit transaction (`Store.writeOneStatement`). False means
    /// nothing was written: the request goes through `performDetailed`, which also reports any
    /// error in it.
    public func plainPut(_ request: JSON, now: EpochMillis, ids: IDGenerator, in db: Database) throws -> Bool {
        guard case .object(let body) = request else { return false }
        return try Context(operations: self, now: now, ids: ids, db: db).plainPut(Request(body))
    }
}

/// One call's inputs and the database it runs in.
struct Context {
    let operations: DynamoDBOperations
    let now: EpochMillis
    let ids: IDGenerator
    let db: Database

    var tables: TableStore { operations.tables }

    func run(_ operation: String, _ request: Request) throws -> JSON {
        switch operation {
        case "CreateTable": try createTable(request)
        case "DescribeTable": try describeTable(request)
        case "ListTables": try listTables(request)
        case "DeleteTable": try deleteTable(request)
        case "UpdateTable": try updateTable(request)
        case "PutItem": try putItem(request)
        case "GetItem": try getItem(request)
        case "UpdateItem": try updateItem(request)
        case "DeleteItem": try deleteItem(request)
        case "Query": try query(request)
        case "Scan": try scan(request)
        case "BatchWriteItem": try batchWriteItem(request)
        case "BatchGetItem": try batchGetItem(request)
        case "TransactWriteItems": try transactWriteItems(request)
        default: throw DynamoDBErrors.unknownOperation(operation)
        }
    }

    /// The table an item operation names, or `Requested resource not found`.
    func table(_ request: Request) throws -> TableContext {
        try table(named: try request.tableName())
    }

    /// The table `name`, or `Requested resource not found`.
    func table(named name: String) throws -> TableContext {
        guard let schema = try tables.keySchema(name, in: db) else { throw DynamoDBErrors.resourceNotFound }
        return TableContext(name: name, schema)
    }
}

/// A request body with typed member access and DynamoDB's errors for missing or mistyped members.
struct Request {
    let body: JSONObject

    init(_ body: JSONObject) { self.body = body }

    /// A member, treating JSON null as absent (coral does).
    subscript(member: String) -> JSON? {
        guard let value = body[member], !value.isNull else { return nil }
        return value
    }

    func string(_ member: String) throws -> String? {
        guard let value = self[member] else { return nil }
        guard let text = value.stringValue else {
            throw DynamoDBValidation.serialization("NUMBER_VALUE cannot be converted to String")
        }
        return text
    }

    func required(_ member: String) throws -> JSON {
        guard let value = self[member] else { throw DynamoDBErrors.missingMember(member) }
        return value
    }

    func tableName() throws -> String {
        guard let name = try string("TableName") else { throw DynamoDBErrors.missingMember("TableName") }
        if name.count < 3 { throw DynamoDBErrors.shortTableName(name) }
        return name
    }

    /// An enum member, defaulting to `fallback`.
    func choice(_ member: String, _ allowed: [String], default fallback: String) throws -> String {
        guard let value = try string(member) else { return fallback }
        guard allowed.contains(value) else { throw DynamoDBErrors.badEnum(member, value, allowed) }
        return value
    }

    func item(_ member: String) throws -> AttributeMap {
        try AttributeMap(dynamoJSON: try required(member))
    }

    func int(_ member: String) -> Int64? { self[member]?.intValue }
    func bool(_ member: String) -> Bool? { self[member]?.boolValue }

    /// `ReturnConsumedCapacity`: INDEXES, TOTAL or NONE.
    func capacityMode() throws -> CapacityMode {
        CapacityMode(rawValue: try choice("ReturnConsumedCapacity", ["INDEXES", "TOTAL", "NONE"], default: "NONE")) ?? .none
    }

    /// A nested structure as a request (Put, Delete, Update of a transaction).
    func nested(_ member: String) -> Request? { self[member]?.objectValue.map(Request.init) }
}
