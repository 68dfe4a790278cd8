import SimKit

/// Answers one DynamoDB API call: `operation` is the `X-Amz-Target` suffix (`PutItem`), `request`
/// the JSON 1.0 body, the result the JSON 1.0 response body or the failure to send (an
/// `AWSError` plus the members some errors carry, e.g. `CancellationReasons`).
///
/// The wire layer depends on this protocol, not on `Account`: the account (which owns the tables
/// and the transaction per request) conforms through a closure in the CLI, and tests pass stubs.
///
/// Synchronous because it runs on the HTTP connection's event loop (`LoopbackHTTPServer`'s sync
/// mode): one SQLite transaction, never a wait for something another request would provide.
public protocol DynamoDBRequestHandler: Sendable {
    /// Performs `operation`. Throwing means the simulator itself failed (a database error): the
    /// endpoint answers 500 `InternalServerError`, as DynamoDB does for its own faults.
    func handle(operation: String, request: JSON) throws -> Result<JSON, DynamoDBFailure>
}

/// A `DynamoDBRequestHandler` made from a closure, e.g. `{ try account.dynamodb($0, $1) }`.
public struct DynamoDBClosureHandler: DynamoDBRequestHandler {
    private let body: @Sendable (String, JSON) throws -> Result<JSON, DynamoDBFailure>

    /// Wraps `body`, whose failures may carry extra body members.
    public init(detailed body: @escaping @Sendable (String, JSON) throws -> Result<JSON, DynamoDBFailure>) {
        self.body = body
    }

    /// Wraps `body`, whose failures are plain `AWSError`s (`__type` and message only).
    public init(_ body: @escaping @Sendable (String, JSON) throws -> Result<JSON, AWSError>) {
        self.body = { operation, request in try body(operation, request).mapError { DynamoDBFailure($0) } }
    }

    public func handle(operation: String, request: JSON) throws -> Result<JSON, DynamoDBFailure> {
        try body(operation, request)
    }
}

/// The `X-Amz-Target` header of DynamoDB's JSON 1.0 protocol: `DynamoDB_20120810.<Operation>`.
public enum DynamoDBTarget {
    /// The target prefix of the 2012-08-10 API (botocore `metadata.targetPrefix`).
    public static let prefix = "DynamoDB_20120810"

    /// Every operation of the 2012-08-10 API (botocore 1.43.11 `dynamodb/2012-08-10/service-2.json`).
    /// A target outside this list is `UnknownOperationException`; one inside it is handed to the
    /// handler, which answers for what the simulator does not model.
    public static let operations: Set<String> = [
        "BatchExecuteStatement", "BatchGetItem", "BatchWriteItem", "CreateBackup", "CreateGlobalTable", "CreateTable",
        "DeleteBackup", "DeleteItem", "DeleteResourcePolicy", "DeleteTable", "DescribeBackup", "DescribeContinuousBackups",
        "DescribeContributorInsights", "DescribeEndpoints", "DescribeExport", "DescribeGlobalTable",
        "DescribeGlobalTableSettings", "DescribeImport", "DescribeKinesisStreamingDestination", "DescribeLimits",
        "DescribeTable", "DescribeTableReplicaAutoScaling", "DescribeTimeToLive", "DisableKinesisStreamingDestination",
        "EnableKinesisStreamingDestination", "ExecuteStatement", "ExecuteTransaction", "ExportTableToPointInTime",
        "GetItem", "GetResourcePolicy", "ImportTable", "ListBackups", "ListContributorInsights", "ListExports",
        "ListGlobalTables", "ListImports", "ListTables", "ListTagsOfResource", "PutItem", "PutResourcePolicy", "Query",
        "RestoreTableFromBackup", "RestoreTableToPointInTime", "Scan", "TagResource", "TransactGetItems",
        "TransactWriteItems", "UntagResource", "UpdateContinuousBackups", "UpdateContributorInsights",
        "UpdateGlobalTable", "UpdateGlobalTableSettings", "UpdateItem", "UpdateKinesisStreamingDestination",
        "UpdateTable", "UpdateTableReplicaAutoScaling", "UpdateTimeToLive",
    ]

    /// The operation named by a header value, or nil when the header is missing, has another
    /// prefix or names no operation (matching is exact, as DynamoDB's is).
    public static func operation(_ header: String?) -> String? {
        guard let header else { return nil }
        let parts = header.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0] == prefix, operations.contains(String(parts[1])) else { return nil }
        return String(parts[1])
    }
}
