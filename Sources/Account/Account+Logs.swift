import CloudWatchLogs
import GRDB
import SimKit

/// The account's one group-committing log sink (DESIGN.md "Simulated account": log events are
/// committed every ≤ 50 ms or ≤ 1,000 rows, and always before the command exits).
extension Account {
    /// Where every service of this account appends log events; created on first use, so a
    /// command that never logs never arms a timer.
    public var logSink: LogSink {
        logSinkSlot.withLock { slot in
            if let slot { return slot }
            let sink = LogSink(writer: store.writer)
            slot = sink
            return sink
        }
    }

    /// Commits every buffered log event. The CLI calls it before a command exits.
    public func flushLogs() throws {
        try logSinkSlot.withLock { $0 }?.flush()
    }

    /// A read of log data: commits this process's buffered events first, so it never misses one.
    /// Never call it inside a `write` (the commit is a write of its own).
    public func readLogs<T>(_ body: (Database) throws -> T) throws -> T {
        try flushLogs()
        return try read(body)
    }
}
