import CloudWatchLogs
import Commands
import Foundation
import GRDB
import SimKit
import Testing
import TestSupport

/// LogSink's group commit (DESIGN.md "Simulated account"): rows wait in memory until 1,000 are
/// buffered, 50 ms have passed, `flush()` is called or a read goes through the sink.
@Suite("LogSink group commit")
struct LogsSinkTests {
    /// A sandbox with group `g` and stream `s` (stream id 1).
    static func sandbox() throws -> Sandbox {
        let box = try Sandbox(sample: false, date: LogsCommandTests.ingested)
        #expect(try box.aws(["logs", "create-log-group", "--log-group-name", "g"]).exitCode == 0)
        #expect(try box.aws(["logs", "create-log-stream", "--log-group-name", "g", "--log-stream-name", "s"]).exitCode == 0)
        return box
    }

    static func event(_ n: Int) -> InputLogEvent { InputLogEvent(timestamp: LogsCommandTests.ingested + EpochMillis(n), message: "event \(n)") }

    /// Rows committed, read past the sink (what another process would see).
    static func committed(_ box: Sandbox) throws -> Int { try box.count("log_events") }

    @Test func aFullBatchCommitsAtOnce() throws {
        let box = try Self.sandbox()
        let sink = LogSink(writer: box.account.store.writer, policy: .init(maxRows: 1_000, maxDelay: .seconds(60)))
        for n in 0..<999 { try sink.append(Self.event(n), toStream: 1, ingestionTime: LogsCommandTests.ingested) }
        #expect(try Self.committed(box) == 0)
        #expect(sink.pendingCount == 999)
        try sink.append(Self.event(999), toStream: 1, ingestionTime: LogsCommandTests.ingested)
        #expect(try Self.committed(box) == 1_000)
        #expect(sink.pendingCount == 0)
    }

    @Test func theTimerCommitsWithinTheDelay() throws {
        let box = try Self.sandbox()
        let sink = LogSink(writer: box.account.store.writer)
        try sink.append(Self.event(1), toStream: 1, ingestionTime: LogsCommandTests.ingested)
        let deadline = Date().addingTimeInterval(5)
        while try Self.committed(box) == 0, Date() < deadline { usleep(5_000) }
        #expect(try Self.committed(box) == 1, "committed by the 50 ms timer, without a flush")
    }

    @Test func readsThroughTheSinkSeeBufferedRows() throws {
        let box = try Self.sandbox()
        let sink = LogSink(writer: box.account.store.writer, policy: .init(maxRows: 1_000, maxDelay: .seconds(60)))
        try sink.append([Self.event(1), Self.event(2)], toStream: 1, ingestionTime: LogsCommandTests.ingested)
        let seen = try sink.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM log_events") ?? 0 }
        #expect(seen == 2)
        let bytes = try sink.read { db in try Int.fetchOne(db, sql: "SELECT stored_bytes FROM log_streams WHERE id = 1") ?? 0 }
        #expect(bytes == 14)
    }

    @Test func rowsOfADeletedStreamAreDropped() throws {
        let box = try Self.sandbox()
        let sink = LogSink(writer: box.account.store.writer, policy: .init(maxRows: 1_000, maxDelay: .seconds(60)))
        try sink.append(Self.event(1), toStream: 1, ingestionTime: LogsCommandTests.ingested)
        #expect(try box.aws(["logs", "delete-log-group", "--log-group-name", "g"]).exitCode == 0)
        try sink.flush()
        #expect(try Self.committed(box) == 0)
    }
}
