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
/// Durability is unchanged: each checkpoint still syncs the WAL before it writes the database, and
/// the database before the WAL is reused (the thread's connection keeps SQLite's default FULL,
/// which syncs a checkpoint exactly as the writer's NORMAL does). Only the commit that crosses the
/// threshold now returns before that sync, as NORMAL lets every other commit do.
final class WALCheckpointer: @unchecked Sendable {
    // @unchecked: `state` is only touched under `lock`; `path` and `threshold` never change.
    let path: String
    /// WAL frames (pages) that start a checkpoint.
    let threshold: Int32
    private let lock = NSLock()
    private var state = State()

    private struct State {
        var phase = Phase.idle
        /// The WAL length that starts the next checkpoint: `threshold`, or more after a pass
        /// that could not let the WAL restart (a reader in another process still on an old
        /// snapshot), so a long read does not set off a thread every few commits.
        var nextStart: Int32 = 0
        /// WAL frames in the database when the thread last finished (SQLite's `pnCkpt`).
        var checkpointedByThread = 0
        var done = Checkpoints()
    }

    private enum Phase {
        case idle
        case checkpointing
        /// The thread is done: the next commit over the threshold checkpoints what is left,
        /// unless the WAL restarted meanwhile (writes had paused and the thread copied it all).
        case finishing
    }

    /// Checkpoints done: by the thread, with the WAL frames in the database when it finished
    /// (SQLite's `pnCkpt`, summed); by a committing writer, with the frames it copied itself.
    struct Checkpoints: Equatable {
        var background = 0, backgroundFrames = 0
        var writer = 0, writerFrames = 0
    }

    init(path: String, threshold: Int32) {
        self.path = path
        self.threshold = threshold
        state.nextStart = threshold
    }

    /// Becomes the WAL hook of `db` (replacing SQLite's auto-checkpoint), for as long as the
    /// connection is open: the registered SQL function keeps this object alive until SQLite
    /// closes the connection, and the hook's context pointer is not retained on its own.
    /// (A later `PRAGMA wal_autocheckpoint` on the connection would put SQLite's hook back.)
    func install(on db: Database) {
        db.add(function: DatabaseFunction("workbook_wal_checkpointer", argumentCount: 0, pure: true) { [self] _ in
            Int(threshold)
        })
        sqlite3_wal_hook(db.sqliteConnection, { context, connection, database, frames in
            guard let context, let connection else { return SQLITE_OK }
            Unmanaged<WALCheckpointer>.fromOpaque(context).takeUnretainedValue().committed(frames: frames, on: connection, database: database)
            return SQLITE_OK
        }, Unmanaged.passUnretained(self).toOpaque())
    }

    /// What has been checkpointed so far.
    var checkpoints: Checkpoints { lock.withLock { state.done } }

    /// Whether the thread is running now.
    var isCheckpointing: Bool { lock.withLock { state.phase == .checkpointing } }

    /// What a commit makes this do.
    private enum Step { case nothing, startThread, finish }

    /// Called by SQLite after each commit on a connection this is installed on, with the WAL's
    /// length in frames and the database's schema name (`main`).
    func committed(frames: Int32, on connection: OpaquePointer, database: UnsafePointer<CChar>?) {
        let step = lock.withLock { () -> Step in
            if frames < threshold {
                // The WAL restarted (it only gets shorter that way): whatever was pending is done.
                if state.phase == .finishing { state.phase = .idle }
                state.nextStart = threshold
                return .nothing
            }
            switch state.phase {
            case .idle where frames >= state.nextStart:
                state.phase = .checkpointing
                return .startThread
            case .idle, .checkpointing:
                return .nothing
            case .finishing:
                state.phase = .idle
                state.nextStart = frames + threshold
                return .finish
            }
        }
        switch step {
        case .nothing:
            break
        case .startThread:
            Thread.detachNewThread { [self] in
                let copied = checkpointInBackground()
                lock.withLock {
                    state.phase = .finishing
                    state.checkpointedByThread = copied
                    state.done.background += 1
                    state.done.backgroundFrames += copied
                }
            }
        case .finish:
            // SQLite's default hook makes this same call at this same point (sqlite3WalDefaultHook).
            var log: Int32 = 0, copied: Int32 = 0
            sqlite3_wal_checkpoint_v2(connection, database, SQLITE_CHECKPOINT_PASSIVE, &log, &copied)
            lock.withLock {
                state.done.writer += 1
                state.done.writerFrames += max(0, Int(copied) - state.checkpointedByThread)
            }
        }
    }

    /// Two PASSIVE passes through a new connection: the second copies most of what the writer
    /// appended during the first, so the writer's own pass is short. A pass that fails (the file
    /// went away, another process checkpointing) leaves the rest to the writer's pass. Returns
    /// the WAL frames in the database afterwards.
    private func checkpointInBackground() -> Int {
        var handle: OpaquePointer?
        defer { sqlite3_close_v2(handle) }
        guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK, let handle else { return 0 }
        sqlite3_busy_timeout(handle, 5000)
        // Reading the journal mode opens the database: a checkpoint on a connection that never
        // read it does nothing ("not in WAL mode", -1 frames; SQLite 3.40).
        guard sqlite3_exec(handle, "PRAGMA journal_mode", nil, nil, nil) == SQLITE_OK else { return 0 }
        var copied: Int32 = 0
        for _ in 0..<2 {
            var log: Int32 = 0, pass: Int32 = 0
            guard sqlite3_wal_checkpoint_v2(handle, nil, SQLITE_CHECKPOINT_PASSIVE, &log, &pass) == SQLITE_OK else { break }
            copied = max(copied, pass)
        }
        return Int(copied)
    }
}
