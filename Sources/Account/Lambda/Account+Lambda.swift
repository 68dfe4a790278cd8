import DynamoDB
import Foundation
import Lambda
import SimKit

/// Lambda's data plane on the account: execution environments for the life of one command
/// (DESIGN.md "Processes"), and Event retries that fall due on the virtual clock.
extension Account {
    /// Runs `body` with an invoker whose execution environments live until `body` returns;
    /// then runs the first attempts of the Event invocations `body` made, and reaps every
    /// environment, whether `body` returns or throws.
    public func withLambda<R>(_ body: (LambdaInvoker) async throws -> R) async throws -> R {
        try await withLambdaPool(clock: clock) { pool in
            let invoker = LambdaInvoker(account: self, pool: pool)
            let result = try await body(invoker)
            try await invoker.runPendingFirstAttempts()
            return result
        }
    }

    /// Whether an Event retry is due at the virtual now (one indexed query).
    public func hasDueLambdaWork() throws -> Bool {
        try read { db in try AsyncInvocationQueue().hasDue(now: now(), in: db) }
    }

    /// Runs every Event retry due at the virtual now, earliest first, each at its own due
    /// instant (so its log lines carry the time Lambda would have run it) in an environment of
    /// its own. A retry that fails again queues the next one, which runs too if already due.
    ///
    /// An attempt leaves the queue only in the transaction that records its outcome, so one that
    /// cannot run (no `node`) or is interrupted (Ctrl-C) stays queued for a later command.
    public func runDueLambdaWork() async throws {
        let queue = AsyncInvocationQueue()
        while let attempt = try read({ db in try queue.nextDue(now: now(), in: db) }) {
            try Task.checkCancellation()
            let then = VirtualClock(state: ClockState(mode: clock.mode, anchor: attempt.dueAt, wallAnchor: SystemWallClock().now()))
            try await withLambdaPool(clock: then) { pool in
                try await LambdaInvoker(account: self, pool: pool).runAttempt(attempt, at: attempt.dueAt)
            }
        }
    }

    /// Runs `body` with a pool of execution environments whose handlers reach this account's
    /// DynamoDB: an endpoint on 127.0.0.1 serves the bundled SDKs (and boto3) for as long as the
    /// pool lives, and every call is authorised as `callers` says (the execution role, unless
    /// `sam local invoke` runs it with the developer's own credentials).
    public func withLambdaPool<R>(clock: VirtualClock? = nil, callers mode: LambdaCallerMode = .executionRole,
                                  _ body: (ExecutionEnvironmentPool) async throws -> R) async throws -> R {
        let callers = LambdaCallers(mode: mode)
        let server = try await LoopbackHTTPServer.bind(syncHandler: handlersDynamoDBEndpoint(callers).httpHandler)
        var settings = lambdaSettings(clock: clock)
        settings.dynamoDBEndpoint = server.url
        let ids = self.ids
        settings.issueCredentials = { function in callers.issue(for: function, ids: ids) }
        return try await withThrowingTaskGroup(of: Void.self, returning: R.self) { group in
            group.addTask { try await server.run() }
            defer { group.cancelAll() }
            return try await ExecutionEnvironmentPool.withPool(settings, body)
        }
    }

    /// The pool settings of this account, its clock replaced by `clock` (the account's own by
    /// default), with no DynamoDB endpoint (`withLambdaPool` adds one).
    public func lambdaSettings(clock: VirtualClock? = nil) -> ExecutionEnvironmentPool.Settings {
        ExecutionEnvironmentPool.Settings(region: region, clock: clock ?? self.clock, ids: ids, seed: seed)
    }

    /// The DynamoDB endpoint handlers call: one transaction per request, IAM first. Its request
    /// ids come from a generator seeded by one draw from the account's, made at the first call
    /// (a command whose handlers never call DynamoDB draws nothing).
    private func handlersDynamoDBEndpoint(_ callers: LambdaCallers) -> DynamoDBEndpoint {
        let requestIDs = Protected<IDGenerator?>(nil)
        return DynamoDBEndpoint(
            handler: DynamoDBClosureHandler(detailed: { operation, request in try self.dynamodbDetailed(operation, request) }),
            region: region,
            requestID: {
                requestIDs.withLock { generator in
                    if generator == nil { generator = IDGenerator(seed: self.ids.nextUInt64()) }
                    return DynamoDBEndpoint.requestID(from: generator!)
                }
            },
            authorize: { accessKeyID, operation, request in
                try self.authorizeDynamoDB(accessKeyID, operation: operation, request: request, callers: callers)
            })
    }
}
