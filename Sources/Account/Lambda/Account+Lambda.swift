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
        try await ExecutionEnvironmentPool.withPool(lambdaSettings(clock: clock)) { pool in
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
            try await ExecutionEnvironmentPool.withPool(lambdaSettings(clock: then)) { pool in
                try await LambdaInvoker(account: self, pool: pool).runAttempt(attempt, at: attempt.dueAt)
            }
        }
    }

    /// The pool settings of this account, its clock replaced by `clock` (the account's own by default).
    public func lambdaSettings(clock: VirtualClock? = nil) -> ExecutionEnvironmentPool.Settings {
        ExecutionEnvironmentPool.Settings(region: region, clock: clock ?? self.clock, ids: ids, seed: seed)
    }
}
