import Foundation
import GRDB
@testable import SimKit
import Testing

/// The account file's WAL is checkpointed off the writer's thread and stays bounded under a
/// long run of one-row transactions, and every row is in the file for a second connection.
@Suite struct WALCheckpointerTests {
    static let migrations = [Migration("v1-rows") { db in try db.execute(sql: "CREATE TABLE rows (n INTEGER PRIMARY KEY, text TEXT NOT NULL)") }]
    static let threshold: Int32 = 100

    /// A store in a new folder, removed after `body`.
    func withStore(_ body: (Store, String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wal-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = "\(folder)/account.sqlite"
        try body(try Store.open(path: path, migrations: Self.migrations, checkpointFrames: Self.threshold), path)
    }

    func insert(_ n: Int, into store: Store) throws {
        try store.write { db in try db.execute(sql: "INSERT INTO rows VALUES (?, ?)", arguments: [n, String(repeating: "x", count: 100)]) }
    }

    /// Waits (at most 30 s) until `condition` holds; false if it never did.
    func eventually(_ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(30)
        while !condition() {
            if Date() > deadline { return false }
            Thread.sleep(forTimeInterval: 0.005)
        }
        return true
    }

    @Test func aLongRunOfWritesKeepsTheWALShortAndLosesNothing() throws {
        try withStore { store, path in
            let checkpointer = try #require(store.checkpointer)
            // 100× the threshold in one-row transactions without a pause, then on until a
            // writer's finishing pass has happened twice (bounded): the WAL must restart, not grow.
            var n = 0
            let deadline = Date().addingTimeInterval(30)
            while (n < Int(Self.threshold) * 100 || checkpointer.checkpoints.writer < 2) && Date() < deadline {
                n += 1
                try insert(n, into: store)
            }
            let done = checkpointer.checkpoints
            #expect(done.background >= 2 && done.backgroundFrames > 0, "\(done)")
            #expect(done.writer >= 2 && done.writerFrames > 0, "\(done)")

            // Without a checkpoint the WAL would hold every transaction's page (n ≥ 10,000 frames);
            // SQLite reuses the file from the start once it restarts, so its size is its longest run.
            let pageSize = try store.read { try Int.fetchOne($0, sql: "PRAGMA page_size") } ?? 4096
            let walBytes = try #require(try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int)
            let walFrames = (walBytes - 32) / (pageSize + 24)
            #expect(walFrames < 2_500, "WAL of \(walFrames) frames after \(n) transactions")

            // A second, separate connection (as `aws logs tail --follow` in another process) sees all.
            let reader = try DatabaseQueue(path: path)
            #expect(try reader.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM rows") } == n)
        }
    }

    /// Bursts that stop at the commit that starts the thread, then a pause: the thread copies the
    /// whole WAL, it restarts at the next write, and no commit ever checkpoints in the writer's
    /// own time (each burst's checkpoint is the thread's again).
    @Test func afterAPauseTheThreadHasDoneItAllAndNoCommitCheckpoints() throws {
        try withStore { store, _ in
            let checkpointer = try #require(store.checkpointer)
            var n = 0
            for burst in 1...3 {
                while !checkpointer.isCheckpointing && checkpointer.checkpoints.background < burst && n < 10 * Int(Self.threshold) * burst {
                    n += 1
                    try insert(n, into: store)
                }
                #expect(eventually { checkpointer.checkpoints.background == burst }, "burst \(burst): \(checkpointer.checkpoints)")
            }
            #expect(checkpointer.checkpoints.writer == 0, "\(checkpointer.checkpoints)")
        }
    }

    /// Writing on while the thread works leaves it frames to miss; the writer's finishing pass
    /// copies only those, never the whole WAL.
    @Test func theWritersPassCopiesOnlyWhatTheThreadMissed() throws {
        try withStore { store, _ in
            let checkpointer = try #require(store.checkpointer)
            var n = 0
            while checkpointer.checkpoints.writer < 3 && n < 1_000 * Int(Self.threshold) {
                n += 1
                try insert(n, into: store)
            }
            let done = checkpointer.checkpoints
            #expect(done.writer >= 3, "\(done)")
            #expect(done.writerFrames < done.backgroundFrames, "\(done)")
        }
    }

    /// A reader on an old snapshot (another process's long read) stops the WAL from restarting:
    /// the checkpointer then waits for another `threshold` frames before it tries again, rather
    /// than starting a thread every few commits. Once the reader is gone, writing goes on, nothing lost.
    @Test func aLongReadDoesNotSetOffAThreadEveryFewCommits() throws {
        try withStore { store, path in
            let checkpointer = try #require(store.checkpointer)
            let reader = try DatabaseQueue(path: path)
            var n = 0
            try reader.inDatabase { db in
                try db.execute(sql: "BEGIN")
                _ = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM rows")  // the snapshot is taken here
                for _ in 0..<Int(Self.threshold) * 6 {
                    n += 1
                    try insert(n, into: store)
                    _ = eventually { !checkpointer.isCheckpointing }  // a thread per chance it gets
                }
                try db.execute(sql: "COMMIT")
            }
            let attempts = checkpointer.checkpoints
            // Frames 100…700 give at most one try per 100 frames: 6 threads, and 6 writer passes.
            #expect(attempts.background <= 6 && attempts.writer <= 6, "\(attempts)")
            // The reader is gone.
            for _ in 0..<Int(Self.threshold) * 4 {
                n += 1
                try insert(n, into: store)
            }
            #expect(try store.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM rows") } == n)
        }
    }

    @Test func inMemoryStoresHaveNoCheckpointer() throws {
        #expect(try Store.inMemory(migrations: Self.migrations).checkpointer == nil)
    }
}
