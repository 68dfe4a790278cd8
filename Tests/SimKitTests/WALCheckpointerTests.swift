import Foundation
import GRDB
@testable import SimKit
import Testing

/// The account file's WAL is checkpointed off the writer's thread and stays bounded under a
/// long run of one-row transactions, and every row is in the file for a second connection.
@Suite struct WALCheckpointerTests {
    static let migrations = [Migration("v1-rows") { db in try db.execute(sql: "CREATE TABLE rows (n INTEGER PRIMARY KEY, text TEXT NOT NULL)") }]

    func insert(_ n: Int, into store: Store) throws {
        try store.write { db in try db.execute(sql: "INSERT INTO rows VALUES (?, ?)", arguments: [n, String(repeating: "x", count: 100)]) }
    }

    @Test func aLongRunOfWritesKeepsTheWALShortAndLosesNothing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wal-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = "\(folder)/account.sqlite"
        let threshold: Int32 = 100
        let store = try Store.open(path: path, migrations: Self.migrations, checkpointFrames: threshold)
        let checkpointer = try #require(store.checkpointer)

        // 40× the threshold in one-row transactions, without a pause, waiting (bounded) for the thread and then
        // for a writer's finishing pass at least once: the WAL must restart, not grow.
        var n = 0
        let deadline = Date().addingTimeInterval(30)
        while (n < Int(threshold) * 40 || checkpointer.checkpoints.writer < 2) && Date() < deadline {
            n += 1
            try insert(n, into: store)
        }
        #expect(checkpointer.checkpoints.background >= 2)
        #expect(checkpointer.checkpoints.writer >= 2)

        // Without a checkpoint the WAL would hold every transaction's page (n ≥ 4,000 frames);
        // SQLite reuses the file from the start once it restarts, so its size is its longest run.
        let pageSize = try store.read { try Int.fetchOne($0, sql: "PRAGMA page_size") } ?? 4096
        let walBytes = try #require(try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int)
        let walFrames = (walBytes - 32) / (pageSize + 24)
        #expect(walFrames < n / 2, "WAL of \(walFrames) frames after \(n) transactions")

        // A second, separate connection (as `aws logs tail --follow` in another process) sees all.
        let reader = try DatabaseQueue(path: path)
        #expect(try reader.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM rows") } == n)
    }

    @Test func inMemoryStoresHaveNoCheckpointer() throws {
        #expect(try Store.inMemory(migrations: Self.migrations).checkpointer == nil)
    }
}
