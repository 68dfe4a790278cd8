import DynamoDB
import GRDB
import SimKit

/// DynamoDB's data plane on the account: one action, one transaction.
extension Account {
    /// The operations over this account's tables.
    public var dynamoDBOperations: DynamoDBOperations { DynamoDBOperations(tables: tables) }

    /// Runs one DynamoDB action (`PutItem`, …) with its JSON 1.0 request body inside one `write`
    /// transaction, so a failed action changes nothing; the response body or DynamoDB's error.
    public func dynamodb(_ operation: String, _ request: JSON) throws -> Result<JSON, AWSError> {
        try dynamodbDetailed(operation, request).mapError { $0.error }
    }

    /// `dynamodb`, keeping the extra error-body members (`CancellationReasons`, `Item`) the wire needs.
    public func dynamodbDetailed(_ operation: String, _ request: JSON) throws -> Result<JSON, DynamoDBFailure> {
        let operations = dynamoDBOperations
        // Every action plans (and fails) before it writes, so a failure leaves the tables untouched.
        return try write { db in try operations.performDetailed(operation, request, now: now(), ids: ids, in: db) }
    }
}
