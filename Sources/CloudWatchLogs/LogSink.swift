import Dispatch
import GRDB
import SimKit

/// Where services append log events, with group commit (DESIGN.md "Simulated account").
///
/// Appends land in memory and reach SQLite in one transaction per batch: when 1,000 rows are
/// waiting, 50 ms after the first waiting row at the latest, whenever `flush()` is called
/// (the CLI calls it before the command exits), and before every `read` through the sink, so a
/// reader in the same process never misses an event. Another process sees an event once its
/// batch is committed (WAL lets it read while this one writes).
public final class LogSink: Sendable {
    /// When buffered rows are committed.
    public struct Policy: Sendable {
        /// Commit as soon as this many rows wait.
        public var maxRows: Int
        /// Commit at most this long after the first waiting row.
        public var maxDelay: DispatchTimeInterval

        /// A policy of `maxRows` rows or `maxDelay`, whichever comes first.
        public init(maxRows: Int, maxDelay: DispatchTimeInterval) {
            self.maxRows = maxRows
            self.maxDelay = maxDelay
        }

        /// DESIGN.md's numbers: every ≤ 50 ms or ≤ 1,000 rows.
        public static let standard = Policy(maxRows: 1_000, maxDelay: .milliseconds(50))
    }

    struct Pending {
        var streamID: Int64
        var timestamp: EpochMillis
        var ingestionTime: EpochMillis
        var message: String
    }

    struct State {
        var rows: [Pending] = []
        var timer: DispatchWorkItem?
        /// A failure of a timer-driven commit, reported by the next call.
        var failure: (any Error)?
    }

    let writer: any DatabaseWriter
    let policy: Policy
    let state = Protected(State())
    /// Serialises commits so batches reach the table in append order.
    let committing = Protected(())
    private let timerQueue = DispatchQueue(label: "workbook.logs.group-commit")

    /// A sink writing through `writer` (the account's database).
    public init(writer: any DatabaseWriter, policy: Policy = .standard) {
        self.writer = writer
        self.policy = policy
    }

    deinit {
        // A safety net only: the CLI flushes explicitly before it exits.
        try? flush()
    }

    /// Buffers `events` for the stream with id `streamID`, ingested at `ingestionTime`.
    ///
    /// Commits at once (on the caller's thread) when the buffer reaches `maxRows`; otherwise a
    /// timer commits within `maxDelay`. Throws the error of an earlier timer-driven commit.
    public func append(_ events: [InputLogEvent], toStream streamID: Int64, ingestionTime: EpochMillis) throws {
        guard !events.isEmpty else { return }
        try buffer { rows in
            for event in events {
                rows.append(Pending(streamID: streamID, timestamp: event.timestamp, ingestionTime: ingestionTime, message: event.message))
            }
        }
    }

    /// One event; see `append(_:toStream:ingestionTime:)`.
    public func append(_ event: InputLogEvent, toStream streamID: Int64, ingestionTime: EpochMillis) throws {
        try buffer { rows in
            rows.append(Pending(streamID: streamID, timestamp: event.timestamp, ingestionTime: ingestionTime, message: event.message))
        }
    }

    /// Adds rows under the lock, then commits at once if `maxRows` are waiting, else makes sure
    /// the timer is armed.
    private func buffer(_ add: (inout [Pending]) -> Void) throws {
        let full = try state.withLock { s -> Bool in
            if let failure = s.failure {
                s.failure = nil
                throw failure
            }
            if s.rows.isEmpty { s.rows.reserveCapacity(policy.maxRows) }
            add(&s.rows)
            if s.rows.count >= policy.maxRows { return true }
            if s.timer == nil { s.timer = armTimer() }
            return false
        }
        if full { try flush() }
    }

    /// Commits every buffered row now.
    public func flush() throws {
        try committing.withLock { _ in
            let (rows, failure) = state.withLock { s -> ([Pending], (any Error)?) in
                s.timer?.cancel()
                s.timer = nil
                defer { s.rows = []; s.failure = nil }
                return (s.rows, s.failure)
            }
            if let failure { throw failure }
            if !rows.isEmpty { try commit(rows) }
        }
    }

    /// A consistent read that first commits what this process buffered.
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        try flush()
        return try writer.read(body)
    }

    /// How many rows wait for a commit (tests, benchmarks).
    public var pendingCount: Int { state.withLock { $0.rows.count } }

    private func armTimer() -> DispatchWorkItem {
        let item = DispatchWorkItem { [weak self] in self?.timerFired() }
        timerQueue.asyncAfter(deadline: .now() + policy.maxDelay, execute: item)
        return item
    }

    private func timerFired() {
        do {
            try flush()
        } catch {
            state.withLock { $0.failure = error }
        }
    }
}

/// The one transaction that lands a batch of buffered events.
extension LogSink {
    /// What a batch adds to one stream's summary columns.
    struct StreamDelta {
        var first: EpochMillis
        var last: EpochMillis
        var ingested: EpochMillis
        var bytes: Int64

        init(_ row: Pending) {
            first = row.timestamp
            last = row.timestamp
            ingested = row.ingestionTime
            bytes = Int64(row.message.utf8.count)
        }

        mutating func add(_ row: Pending) {
            first = min(first, row.timestamp)
            last = max(last, row.timestamp)
            ingested = max(ingested, row.ingestionTime)
            bytes += Int64(row.message.utf8.count)
        }
    }

    /// Inserts `rows` and updates their streams' summaries, all in one transaction. Rows of a
    /// stream deleted since they were appended are dropped, as AWS drops events of a deleted group.
    func commit(_ rows: [Pending]) throws {
        try writer.write { db in
            var deltas: [Int64: StreamDelta] = [:]
            for row in rows {
                if deltas[row.streamID] == nil { deltas[row.streamID] = StreamDelta(row) } else { deltas[row.streamID]?.add(row) }
            }
            let ids = deltas.keys.map(String.init).joined(separator: ",")
            let live = Set(try Int64.fetchAll(db, sql: "SELECT id FROM log_streams WHERE id IN (\(ids))"))
            var inserter = LogEventInserter(db)
            if live.count == deltas.count {
                try inserter.insert(rows[...])
            } else {
                try inserter.insert(rows.filter { live.contains($0.streamID) }[...])
            }
            for (id, delta) in deltas where live.contains(id) {
                try db.execute(sql: """
                    UPDATE log_streams SET
                        first_event_timestamp = min(COALESCE(first_event_timestamp, ?1), ?1),
                        last_event_timestamp = max(COALESCE(last_event_timestamp, ?2), ?2),
                        last_ingestion_time = max(COALESCE(last_ingestion_time, ?3), ?3),
                        stored_bytes = stored_bytes + ?4
                    WHERE id = ?5
                    """, arguments: [delta.first, delta.last, delta.ingested, delta.bytes, id])
            }
        }
    }
}
