import DynamoDB
import GRDB
import SimKit

/// DynamoDB's data plane on the account: one action, one transaction.
extension Account {
    /// The operations over this account's tables.
    public var dynamoDBOperations: DynamoDBOperations { DynamoDBOperations(tables: tables) }

    /// Runs one DynamoDB action (`PutItem`, …) with its JSON 1.0 request body as one transaction
    /// (a `write`, or a plain PutItem's single INSERT on its own), so a failed action changes
    /// nothing; the response body or DynamoDB's error.
    public func dynamodb(_ operation: String, _ request: JSON) throws -> Result<JSON, AWSError> {
        try dynamodbDetailed(operation, request).mapError { $0.error }
    }

    /// `dynamodb`, keeping the extra error-body members (`CancellationReasons`, `Item`) the wire needs.
    public func dynamodbDetailed(_ operation: String, _ request: JSON) throws -> Result<JSON, DynamoDBFailure> {
        let operations = dynamoDBOperations
        // A plain PutItem is one INSERT, atomic by itself: no BEGIN and COMMIT around it, when
        // there is no clock or id state to save with it either.
        if operation == "PutItem", stateIsSaved,
           try store.writeOneStatement({ db in try operations.plainPut(request, now: now(), ids: ids, in: db) }) {
            return .success(.object(JSONObject()))
        }
        // Every action plans (and fails) before it writes, so a failure leaves the tables untouched.
        return try write { db in try operations.performDetailed(operation, request, now: now(), ids: ids, in: db) }
    }

    /// The generator of one `dynamodb-endpoint` run's request ids: seeded by one draw from the
    /// account's generator, that draw committed at once.
    ///
    /// Why a generator of its own: drawing each request's id from `ids` moved the account's
    /// counter on every request, so every request (a GetItem too) wrote the counter back in its
    /// transaction: one more statement and WAL page per call (saving the meta row was 9% of the
    /// endpoint's CPU on a wire PutItem, perf). The ids stay deterministic: the same seed and the
    /// same earlier draws give the same sub-seed, and the same requests in the same order the same
    /// ids. The draw is saved when serving starts rather than when it stops, so an endpoint killed
    /// without a clean stop never hands a later run the same sub-seed (and so the same ids).
    public func requestIDGenerator() throws -> IDGenerator {
        let seed = try write { _ in ids.nextUInt64() }
        return IDGenerator(seed: seed)
    }
}
