import GRDB
import GRDBSQLite

extension Statement {
    /// GRDB's error for a result `code` of stepping this statement with SQLite's own calls (the
    /// hot paths that bind and step without GRDB's argument boxing): the code, SQLite's message
    /// for the connection, and the SQL, as GRDB reports its own failures.
    public func stepFailure(_ code: Int32) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(sqliteStatement))),
                      sql: sql)
    }
}
