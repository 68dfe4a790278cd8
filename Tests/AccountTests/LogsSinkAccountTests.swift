import Account
import CloudWatchLogs
import GRDB
import SimKit
import Testing
import TestSupport

/// The account's one log sink (DESIGN.md "Simulated account": log events are group-committed
/// and always flushed before the command exits).
@Suite("Account log sink")
struct LogsSinkAccountTests {
    /// Opens the folder's account with group `g` and stream `s`; returns the stream id.
    static func prepare(_ account: Account) throws -> Int64 {
        let streams = LogStreamStore(region: account.region, account: account.accountId)
        let stream = try account.write { db in
            _ = try account.logGroups.create("g", retentionDays: nil, now: account.now(), in: db)
            return try streams.create(group: "g", name: "s", now: account.now(), in: db).get()
        }
        return stream.id
    }

    static func count(_ account: Account) throws -> Int {
        try account.store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM log_events") ?? 0 }
    }

    @Test func theSinkIsMadeOnceAndLogReadsSeeItsEvents() throws {
        let folder = TempFolder("account-logs")
        let account = try Account.open(folder: folder.path, deterministic: true)
        let stream = try Self.prepare(account)
        #expect(account.logSink === account.logSink)
        try account.logSink.append(InputLogEvent(timestamp: account.now(), message: "one"), toStream: stream, ingestionTime: account.now())
        let seen = try account.readLogs { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM log_events") ?? 0 }
        #expect(seen == 1, "account.readLogs commits what this process buffered first")
    }

    @Test func anEventAppendedIsSeenByASecondOpenOnceTheCommandsAccountIsGone() throws {
        let folder = TempFolder("account-logs")
        do {
            // One command: open the account, append, return (no flush by the test).
            let account = try Account.open(folder: folder.path, deterministic: true)
            let stream = try Self.prepare(account)
            try account.logSink.append(InputLogEvent(timestamp: account.now(), message: "one"), toStream: stream, ingestionTime: account.now())
        }
        let second = try Account.open(folder: folder.path, deterministic: true)
        #expect(try Self.count(second) == 1)
    }
}

/// The id counter and clock are saved by the transactions that moved them, and only those.
@Suite struct AccountStateSaveTests {
    @Test func unchangedStateIsNotRewrittenAndDrawnIdsSurviveAReopen() throws {
        let folder = TempFolder("account-state")
        let first = try Account.open(folder: folder.path, deterministic: true)
        let statements = Protected<[String]>([])
        first.store.writer.writeWithoutTransaction { db in
            db.trace { event in statements.withLock { $0.append("\(event)") } }
        }
        func savedState() -> Bool { statements.withLock { $0 }.contains { $0.contains("INSERT INTO meta") } }
        try first.write { _ in }
        #expect(!savedState(), "nothing moved: no save")
        let drawn = try first.write { _ in first.ids.uuid() }
        #expect(savedState(), "an id was drawn: saved")
        let second = try Account.open(folder: folder.path, deterministic: true)
        #expect(second.ids.drawn == first.ids.drawn)
        #expect(try second.write { _ in second.ids.uuid() } != drawn)
    }
}
