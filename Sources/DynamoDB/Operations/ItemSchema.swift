import Foundation
import GRDB
import GRDBSQLite
import SimKit

/// The data plane's storage: one row per item, keyed so that a Query reads one partition in
/// DynamoDB's sort-key order straight off the primary-key index.
public enum DynamoDBItemSchema {
    /// Append-only, after `v1-dynamodb`. Items go with their table (`ON DELETE CASCADE`), so a
    /// table deleted by CloudFormation or DeleteTable leaves no rows behind.
    public static let migrations: [Migration] = [
        Migration("v2-dynamodb-items") { db in
            try db.execute(sql: """
                CREATE TABLE dynamodb_items (
                    table_name TEXT NOT NULL REFERENCES dynamodb_tables(name) ON DELETE CASCADE,
                    partition_key BLOB NOT NULL,
                    sort_key BLOB NOT NULL,
                    item TEXT NOT NULL,
                    size INTEGER NOT NULL CHECK (size >= 0),
                    PRIMARY KEY (table_name, partition_key, sort_key)
                ) WITHOUT ROWID;
                """)
        },
    ]
}

/// Order-preserving bytes for key values: SQLite compares BLOBs with `memcmp`, so these sort
/// as DynamoDB sorts keys (S as UTF-8 bytes, B as bytes, N by value).
/// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.CoreComponents.html
enum KeyBytes {
    /// The encoding of a key value (only S, N and B can be keys).
    static func encode(_ value: AttributeValue) -> [UInt8] {
        switch value {
        case .s(let s): Array(s.utf8)
        case .b(let b): b
        case .n(let n): number(n)
        default: []
        }
    }

    /// Zero is `0x02`; positives `0x03`, exponent, digits; negatives `0x01` with exponent and
    /// digits complemented and a `0xFF` end so that a longer magnitude sorts first.
    static func number(_ n: DynamoNumber) -> [UInt8] {
        if n.digits.isEmpty { return [0x02] }
        let exponent = UInt16(clamping: n.scientificExponent + 32768)
        if n.isNegative {
            let e = UInt16.max - exponent
            return [0x01, UInt8(e >> 8), UInt8(e & 0xFF)] + n.digits.map { 254 - $0 } + [0xFF]
        }
        return [0x03, UInt8(exponent >> 8), UInt8(exponent & 0xFF)] + n.digits.map { $0 + 1 }
    }
}

/// Reads and writes rows of `dynamodb_items`.
struct ItemRows {
    let table: String

    /// A stored item with its size.
    struct Stored {
        var item: AttributeMap
        var size: Int
    }

    // Cached statements: a PutItem or GetItem is a handful of statements, and preparing them
    // (SQLite's parser and GRDB's authorizer) cost more than running them.
    func get(_ key: StoredKey, in db: Database) throws -> Stored? {
        let statement = try db.cachedStatement(sql: """
            SELECT item, size FROM dynamodb_items WHERE table_name = ? AND partition_key = ? AND sort_key = ?
            """)
        let row = try Row.fetchOne(statement, arguments: [table, Data(key.partition), Data(key.sort)])
        return try row.map { Stored(item: try Self.decode($0[0]), size: $0[1]) }
    }

    func put(_ key: StoredKey, _ item: AttributeMap, size: Int, in db: Database) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO dynamodb_items (table_name, partition_key, sort_key, item, size) VALUES (?, ?, ?, ?, ?)
            """)
        try statement.execute(arguments: [table, Data(key.partition), Data(key.sort), item.storedText, size])
    }

    /// GetItem in one statement: the table's key-schema text (`TableStore.keySchemaText`) and
    /// the item at `key`; nil when there is no such table.
    func getWithKeySchema(_ key: StoredKey, in db: Database) throws -> (keySchema: String, stored: Stored?)? {
        let statement = try db.cachedStatement(sql: Self.getWithKeySchemaSQL)
        guard let row = try Row.fetchOne(statement, arguments: [Data(key.partition), Data(key.sort), table]) else { return nil }
        let text: String? = row[1]
        return (row[0], try text.map { Stored(item: try Self.decode($0), size: row[2]) })
    }

    /// PutItem in one statement, stored only while the table's key-schema text is still
    /// `keySchema` (what the item was checked against); false when it is not (or no table).
    ///
    /// Bound and stepped with SQLite's own calls, as `LogEventInserter` does: GRDB's
    /// `StatementArguments` (seven boxed values, two `Data` copies) and its per-statement
    /// bookkeeping were a tenth of an in-process PutItem (perf, `workbook bench --cases dynamodb`).
    func put(_ key: StoredKey, _ item: AttributeMap, size: Int, ifKeySchema keySchema: String, in db: Database) throws -> Bool {
        let statement = try db.cachedStatement(sql: Self.putIfKeySchemaSQL)
        let handle = statement.sqliteStatement
        let text = item.storedBytes
        var table = self.table, schema = keySchema
        let code = text.withUnsafeBufferPointer { text in
            table.withUTF8 { table in
                schema.withUTF8 { schema in
                    key.partition.withUnsafeBufferPointer { partition in
                        key.sort.withUnsafeBufferPointer { sort in
                            Self.bindText(handle, 1, table)
                            Self.bindBlob(handle, 2, partition)
                            Self.bindBlob(handle, 3, sort)
                            Self.bindText(handle, 4, text)
                            sqlite3_bind_int64(handle, 5, Int64(size))
                            Self.bindText(handle, 6, table)
                            Self.bindText(handle, 7, schema)
                            let code = sqlite3_step(handle)
                            sqlite3_reset(handle)
                            sqlite3_clear_bindings(handle)  // nothing keeps pointing at these buffers
                            return code
                        }
                    }
                }
            }
        }
        guard code == SQLITE_DONE else {
            throw statement.stepFailure(code)
        }
        return db.changesCount > 0
    }

    /// Binds UTF-8 text without a copy (SQLITE_STATIC: the buffer outlives the step).
    private static func bindText(_ handle: SQLiteStatement, _ index: Int32, _ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else {
            // A nil pointer would bind NULL: "" is copied (SQLITE_TRANSIENT) from a literal instead.
            sqlite3_bind_text(handle, index, "", 0, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
            return
        }
        sqlite3_bind_text(handle, index, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), Int32(bytes.count), nil)
    }

    /// Binds a BLOB without a copy; an empty one is a zero-length BLOB, never NULL.
    private static func bindBlob(_ handle: SQLiteStatement, _ index: Int32, _ bytes: UnsafeBufferPointer<UInt8>) {
        if bytes.isEmpty { sqlite3_bind_zeroblob(handle, index, 0) } else { sqlite3_bind_blob(handle, index, bytes.baseAddress, Int32(bytes.count), nil) }
    }

    // Built once: interpolating `keySchemaText` on every call cost a String per put or get.
    private static let getWithKeySchemaSQL = """
        SELECT \(TableStore.keySchemaText), i.item, i.size FROM dynamodb_tables
        LEFT JOIN dynamodb_items AS i ON i.table_name = name AND i.partition_key = ? AND i.sort_key = ?
        WHERE name = ?
        """
    private static let putIfKeySchemaSQL = """
        INSERT OR REPLACE INTO dynamodb_items (table_name, partition_key, sort_key, item, size)
        SELECT ?, ?, ?, ?, ? WHERE (SELECT \(TableStore.keySchemaText) FROM dynamodb_tables WHERE name = ?) = ?
        """

    func delete(_ key: StoredKey, in db: Database) throws {
        let statement = try db.cachedStatement(sql: "DELETE FROM dynamodb_items WHERE table_name = ? AND partition_key = ? AND sort_key = ?")
        try statement.execute(arguments: [table, Data(key.partition), Data(key.sort)])
    }

    /// Rows in key order (descending when `forward` is false), after `start` when given,
    /// within one partition when `partition` is given.
    func cursor(partition: [UInt8]?, after start: StoredKey?, forward: Bool, in db: Database) throws -> RowCursor {
        var sql = "SELECT partition_key, sort_key, item, size FROM dynamodb_items WHERE table_name = ?"
        var arguments: StatementArguments = [table]
        if let partition {
            sql += " AND partition_key = ?"
            arguments += [Data(partition)]
        }
        if let start {
            let op = forward ? ">" : "<"
            sql += " AND (partition_key \(op) ? OR (partition_key = ? AND sort_key \(op) ?))"
            arguments += [Data(start.partition), Data(start.partition), Data(start.sort)]
        }
        let direction = forward ? "ASC" : "DESC"
        sql += " ORDER BY partition_key \(direction), sort_key \(direction)"
        return try Row.fetchCursor(db, sql: sql, arguments: arguments)
    }

    /// How many items and bytes the table holds (DescribeTable's live counts).
    func totals(in db: Database) throws -> (count: Int64, bytes: Int64) {
        let row = try Row.fetchOne(db, sql: "SELECT COUNT(*) AS n, COALESCE(SUM(size), 0) AS bytes FROM dynamodb_items WHERE table_name = ?",
                                   arguments: [table])
        return (row?["n"] ?? 0, row?["bytes"] ?? 0)
    }

    static func decode(_ text: String) throws -> AttributeMap {
        try AttributeMap(dynamoJSON: try JSONParser.parse(text))
    }
}

/// An item's primary key as stored: encoded partition and sort values (empty without a sort key).
struct StoredKey: Hashable {
    var partition: [UInt8]
    var sort: [UInt8]
}
