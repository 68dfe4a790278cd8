import Foundation
import GRDB
import SimKit

/// Event invocations waiting for a retry (reference/aws-behavior.md §2.6): after a failed
/// attempt Lambda tries again 1 minute later, and after a second failure 2 minutes after that;
/// the request id stays the same. Every call runs inside the caller's transaction.
public struct AsyncInvocationQueue: Sendable {
    /// One attempt that falls due at `dueAt` on the virtual clock.
    public struct Attempt: Sendable, Equatable {
        public var requestID: String
        public var functionName: String
        public var payload: [UInt8]
        /// 2 or 3: the first attempt runs at once and is never queued.
        public var number: Int
        public var dueAt: EpochMillis

        public init(requestID: String, functionName: String, payload: [UInt8], number: Int, dueAt: EpochMillis) {
            self.requestID = requestID
            self.functionName = functionName
            self.payload = payload
            self.number = number
            self.dueAt = dueAt
        }
    }

    /// Lambda's default `MaximumRetryAttempts` is 2: three attempts in all.
    public static let attempts = 3

    public init() {}

    /// The delay before attempt `number` (2 or 3), counted from the attempt before it.
    public static func delay(before number: Int) -> EpochMillis { number == 2 ? 60_000 : 120_000 }

    /// Queues the attempt after `failed` (failed at `at`), unless that was the last one.
    /// Returns the queued attempt.
    @discardableResult
    public func scheduleRetry(after failed: Int, requestID: String, functionName: String, payload: [UInt8],
                              failedAttemptAt at: EpochMillis, in db: Database) throws -> Attempt? {
        let next = failed + 1
        guard next <= Self.attempts else { return nil }
        let attempt = Attempt(requestID: requestID, functionName: functionName, payload: payload, number: next,
                              dueAt: at + Self.delay(before: next))
        try db.execute(sql: """
            INSERT OR REPLACE INTO lambda_async_invocations (request_id, function_name, payload, attempt, due_at)
            VALUES (?, ?, ?, ?, ?)
            """, arguments: [attempt.requestID, attempt.functionName, Data(attempt.payload), attempt.number, attempt.dueAt])
        return attempt
    }

    /// The earliest attempt due at or before `now`, if any (ties by request id, so the order is stable).
    public func nextDue(now: EpochMillis, in db: Database) throws -> Attempt? {
        let row = try Row.fetchOne(db, sql: """
            SELECT request_id, function_name, payload, attempt, due_at FROM lambda_async_invocations
            WHERE due_at <= ? ORDER BY due_at, request_id LIMIT 1
            """, arguments: [now])
        return row.map { row in
            Attempt(requestID: row["request_id"], functionName: row["function_name"], payload: [UInt8](row["payload"] as Data),
                    number: row["attempt"], dueAt: row["due_at"])
        }
    }

    /// Takes an attempt off the queue (it is about to run).
    public func remove(_ requestID: String, in db: Database) throws {
        try db.execute(sql: "DELETE FROM lambda_async_invocations WHERE request_id = ?", arguments: [requestID])
    }

    /// Whether an attempt is due at `now` (cheap: every command that opens the account asks).
    public func hasDue(now: EpochMillis, in db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM lambda_async_invocations WHERE due_at <= ?)", arguments: [now]) ?? false
    }
}
