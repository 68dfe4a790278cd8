import GRDB
// GRDB's own SQLite module: reading each row's message in place, from SQLite's buffer.
import GRDBSQLite

/// Steps a statement that selects `id, stream_id, timestamp, ingestion_time, message` and keeps
/// the rows whose message passes a test on its raw UTF-8 bytes.
///
/// FilterLogEvents may read a million rows to return a few: the message is tested where SQLite
/// holds it, and only a kept row becomes a `StoredLogEvent` (and its message a `String`).
struct LogEventScan {
    let statement: Statement

    /// The kept rows, at most `limit`, and whether any row (kept or not) follows the last one.
    func rows(limit: Int, streamNames: [Int64: String], keep: (UnsafeRawBufferPointer) -> Bool) throws -> (events: [StoredLogEvent], more: Bool) {
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        var events: [StoredLogEvent] = []
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return (events, false) }
            guard code == SQLITE_ROW else {
                throw statement.stepFailure(code)
            }
            if events.count == limit { return (events, true) }
            let text = sqlite3_column_text(handle, 4)
            let message = UnsafeRawBufferPointer(start: text, count: text == nil ? 0 : Int(sqlite3_column_bytes(handle, 4)))
            guard keep(message) else { continue }
            let streamID = sqlite3_column_int64(handle, 1)
            events.append(StoredLogEvent(rowID: sqlite3_column_int64(handle, 0), streamID: streamID, streamName: streamNames[streamID] ?? "",
                                         timestamp: sqlite3_column_int64(handle, 2), ingestionTime: sqlite3_column_int64(handle, 3),
                                         message: String(decoding: message, as: UTF8.self)))
        }
    }
}
