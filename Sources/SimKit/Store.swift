import Foundation
import GRDB

/// One named, append-only schema step. Services declare theirs; the account applies them all.
public struct Migration: Sendable {
    public let name: String
    public let apply: @Sendable (Database) throws -> Void

    public init(_ name: String, _ apply: @escaping @Sendable (Database) throws -> Void) {
        self.name = name
        self.apply = apply
    }
}

/// The account's SQLite database (DESIGN.md "Simulated account").
///
/// On disk it is a WAL `DatabasePool` with `synchronous=NORMAL` and a busy timeout, so a second
/// `workbook` process (`aws logs tail --follow`) reads while this one writes; tests use an
/// in-memory queue.
public struct Store: Sendable {
    public let writer: any DatabaseWriter
    /// The file, or nil in memory.
    public let path: String?
    /// Checkpoints the file's WAL off the writer's thread (nil in memory).
    let checkpointer: WALCheckpointer?

    /// Opens (creating if needed) the database at `path` and applies `migrations` in order.
    /// `checkpointFrames` is the WAL length that starts a checkpoint (tests make it small).
    public static func open(path: String, migrations: [Migration], checkpointFrames: Int32 = walCheckpointFrames) throws -> Store {
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        let checkpointer = WALCheckpointer(path: path, threshold: checkpointFrames)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // Reads map the file instead of copying each page through pread(): a FilterLogEvents
            // over a million events walks every page of the log table (measured by `bench`).
            try db.execute(sql: "PRAGMA mmap_size = 1073741824")
            checkpointer.install(on: db)
        }
        let pool = try DatabasePool(path: path, configuration: configuration)
        try migrate(pool, migrations)
        return Store(writer: pool, path: path, checkpointer: checkpointer)
    }

    /// WAL pages that start a checkpoint: 8,000 (32 MiB) instead of SQLite's 1,000, which made
    /// one-transaction-per-item writes checkpoint every few hundred puts.
    public static let walCheckpointFrames: Int32 = 8000

    /// A private in-memory database (tests).
    public static func inMemory(migrations: [Migration]) throws -> Store {
        let queue = try DatabaseQueue()
        try migrate(queue, migrations)
        return Store(writer: queue, path: nil, checkpointer: nil)
    }

    private static func migrate(_ writer: any DatabaseWriter, _ migrations: [Migration]) throws {
        var migrator = DatabaseMigrator()
        for migration in migrations { migrator.registerMigration(migration.name, migrate: migration.apply) }
        try migrator.migrate(writer)
    }

    /// One transaction: all of `body` or nothing.
    ///
    /// What GRDB's `write` does, with BEGIN and COMMIT as cached statements: GRDB prepares both
    /// afresh for every transaction, which cost more than a small item write itself.
    public func write<T>(_ body: (Database) throws -> T) throws -> T {
        try writer.writeWithoutTransaction { db in
            try db.cachedStatement(sql: "BEGIN IMMEDIATE TRANSACTION").execute()
            do {
                let result = try body(db)
                try db.cachedStatement(sql: "COMMIT TRANSACTION").execute()
                return result
            } catch {
                if db.isInsideTransaction { try? db.rollback() }
                throw error
            }
        }
    }

    /// Runs `body`, which executes at most one statement that writes, in SQLite's autocommit
    /// mode: that statement is its own transaction, all or nothing, without the BEGIN and COMMIT
    /// statements of `write` (11% of an in-process PutItem's CPU, `bench --cases dynamodb-items`,
    /// A/B). GRDB does not see that implicit commit as a transaction of its own; nothing in the
    /// workbook observes transactions (no TransactionObserver or ValueObservation).
    public func writeOneStatement<T>(_ body: (Database) throws -> T) throws -> T {
        try writer.writeWithoutTransaction { db in
            let result = try body(db)
            precondition(!db.isInsideTransaction, "writeOneStatement's body opened a transaction")
            return result
        }
    }

    /// A consistent read.
    public func read<T>(_ body: (Database) throws -> T) throws -> T { try writer.read(body) }
}
