import Foundation
import GRDB
import GRDBSQLite

/// Checkpoints an account's WAL on a background thread, so a burst of one-transaction writes
/// does not stop for the checkpoint's fsyncs.
///
/// SQLite's own auto-checkpoint runs inside the COMMIT that crosses the threshold: it copies the
/// WAL into the database and waits for two fsyncs (WAL, then database), which is where a burst of
/// PutItems spent over a quarter of its wall time (`workbook bench --cases dynamodb-items`: CPU
/// 35–38 µs per put against 49–54 µs of wall). Here the COMMIT that crosses `threshold` frames only
/// wakes a thread, which checkpoints through a connection of its own (SQLite's documented
/// "checkpoint in a separate thread"). That PASSIVE checkpoint never blocks the writer or any
/// reader, but it cannot finish what the writer appends meanwhile, and the WAL only starts over
/// (instead of growing) once every frame is in the database. So the first COMMIT after the thread
/// is done checkpoints the few frames left itself, as SQLite would have: the WAL restarts at the
/// next write, and stays about `threshold` frames long however long the burst.
///
/// Durability is unchanged: `synchronous=NORMAL` on both connections, so each checkpoint still
/// syncs the WAL before it writes the database, and the database before the WAL is reused.
final class WALCheckpointer: @unchecked Sendable {
    // @unchecked: `phase` is only touched under `lock`; `path` and `threshold` never change.
    let path: String
    /// WAL frames (pages) that start a checkpoint.
    let threshold: Int32
    private let lock = NSLock()
    private var phase = Phase.idle
    private var counts = (background: 0, writer: 0)

    private enum Phase {
        case idle
        case checkpointing
        /// The thread is done: the next commit over the threshold checkpoints what is left.
        case finishing
    }

    init(path: String, threshold: Int32) {
        self.path = path
        self.threshold = threshold
    }

    /// Becomes the WAL hook of `db` (replacing SQLite's auto-checkpoint), for as long as the
    /// connection is open: the registered SQL function keeps this object alive until SQLite
    /// closes the connection, and the hook's context pointer is not retained on its own.
    func install(on db: Database) {
        db.add(function: DatabaseFunction("workbook_wal_checkpointer", argumentCount: 0, pure: true) { [self] _ in
            Int(threshold)
        })
        sqlite3_wal_hook(db.sqliteConnection, { context, connection, _, frames in
            guard let context, let connection else { return SQLITE_OK }
            Unmanaged<WALCheckpointer>.fromOpaque(context).takeUnretainedValue().committed(frames: frames, on: connection)
            return SQLITE_OK
        }, Unmanaged.passUnretained(self).toOpaque())
    }

    /// Checkpoints done so far by the thread, and by a committing writer finishing one.
    var checkpoints: (background: Int, writer: Int) { lock.withLock { counts } }

    /// Called by SQLite after each commit on a connection this is installed on, with the WAL's
    /// length in frames.
    func committed(frames: Int32, on connection: OpaquePointer) {
        guard frames >= threshold else { return }
        let phase = lock.withLock { () -> Phase in
            let current = self.phase
            switch current {
            case .idle: self.phase = .checkpointing
            case .checkpointing: break
            case .finishing: self.phase = .idle
            }
            return current
        }
        switch phase {
        case .idle:
            Thread.detachNewThread { [self] in
                checkpointInBackground()
                lock.withLock {
                    self.phase = .finishing
                    counts.background += 1
                }
            }
        case .checkpointing:
            break
        case .finishing:
            // SQLite's default hook does this same call at this same point (sqlite3WalDefaultHook).
            sqlite3_wal_checkpoint_v2(connection, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
            lock.withLock { counts.writer += 1 }
        }
    }

    /// Two PASSIVE passes through a new connection: the second copies most of what the writer
    /// appended during the first, so the writer's own pass is short. A pass that fails (the file
    /// went away, a lock held past the timeout) leaves the rest to the writer's pass.
    private func checkpointInBackground() {
        var handle: OpaquePointer?
        defer { sqlite3_close_v2(handle) }
        guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK, let handle else { return }
        sqlite3_busy_timeout(handle, 5000)
        // Reading the journal mode opens the database (a checkpoint on a connection that never
        // read it does nothing: "not in WAL mode"); NORMAL gives the same syncs as the writer's.
        guard sqlite3_exec(handle, "PRAGMA journal_mode; PRAGMA synchronous = NORMAL", nil, nil, nil) == SQLITE_OK else { return }
        for _ in 0..<2 {
            guard sqlite3_wal_checkpoint_v2(handle, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil) == SQLITE_OK else { return }
        }
    }
}
