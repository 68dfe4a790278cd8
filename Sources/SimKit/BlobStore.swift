import Foundation
import GRDB

/// Large byte strings — code archives — stored once, named by their SHA-256 and counted.
///
/// `sam deploy` uploads a multi-megabyte `node_modules` archive to the artifact bucket and
/// Lambda then keeps the very same bytes as the function's code. Both rows name one blob, so a
/// deploy writes the bytes (and SQLite's checkpoint copies them) once instead of twice. Each
/// owner retains what it references and releases it when the row goes; a blob is deleted when
/// nothing references it any more.
public struct BlobStore: Sendable {
    /// A stored blob: base64 SHA-256 (the form Lambda's `CodeSha256` uses) and size in bytes.
    public struct Ref: Sendable, Hashable {
        public var sha256: String
        public var size: Int

        public init(sha256: String, size: Int) {
            self.sha256 = sha256
            self.size = size
        }
    }

    public init() {}

    /// The tables. Applied before every service's migrations (services move their bodies here
    /// in their own later steps). Counts and bodies are apart because SQLite rewrites a whole
    /// row on UPDATE: counting a reference must not copy megabytes.
    public static let migrations: [Migration] = [
        Migration("v2-blobs") { db in
            try db.execute(sql: """
                CREATE TABLE blobs (
                    sha256 TEXT PRIMARY KEY NOT NULL,
                    size INTEGER NOT NULL,
                    refs INTEGER NOT NULL
                );
                CREATE TABLE blob_bodies (
                    sha256 TEXT PRIMARY KEY NOT NULL REFERENCES blobs(sha256) ON DELETE CASCADE,
                    body BLOB NOT NULL
                );
                """)
        },
    ]

    /// The reference `bytes` would be stored under.
    public static func ref(for bytes: [UInt8]) -> Ref { Ref(sha256: Base64.encode(Digest.sha256(bytes)), size: bytes.count) }

    /// Stores `bytes` (once) and counts one more reference to them.
    @discardableResult
    public func retain(_ bytes: [UInt8], in db: Database) throws -> Ref {
        let ref = Self.ref(for: bytes)
        if try retain(ref, in: db) { return ref }
        try bytes.withUnsafeBytes { raw in
            // Bound without copying into a `Data` first: the archive can be megabytes.
            let body = raw.baseAddress.map { Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: $0), count: raw.count, deallocator: .none) } ?? Data()
            try db.execute(sql: "INSERT INTO blobs (sha256, size, refs) VALUES (?, ?, 1)", arguments: [ref.sha256, ref.size])
            try db.execute(sql: "INSERT INTO blob_bodies (sha256, body) VALUES (?, ?)", arguments: [ref.sha256, body])
        }
        return ref
    }

    /// Counts one more reference to a blob already stored; false when there is none.
    @discardableResult
    public func retain(_ ref: Ref, in db: Database) throws -> Bool {
        try db.execute(sql: "UPDATE blobs SET refs = refs + 1 WHERE sha256 = ?", arguments: [ref.sha256])
        return db.changesCount > 0
    }

    /// Drops one reference; the blob goes with its last one.
    public func release(_ sha256: String, in db: Database) throws {
        try db.execute(sql: "UPDATE blobs SET refs = refs - 1 WHERE sha256 = ?", arguments: [sha256])
        // The body goes with it: `blob_bodies` references `blobs` ON DELETE CASCADE.
        try db.execute(sql: "DELETE FROM blobs WHERE sha256 = ? AND refs <= 0", arguments: [sha256])
    }

    /// The bytes of a stored blob.
    public func bytes(_ sha256: String, in db: Database) throws -> [UInt8]? {
        try Data.fetchOne(db, sql: "SELECT body FROM blob_bodies WHERE sha256 = ?", arguments: [sha256]).map { [UInt8]($0) }
    }

    /// The reference of a stored blob.
    public func ref(_ sha256: String, in db: Database) throws -> Ref? {
        try Int.fetchOne(db, sql: "SELECT size FROM blobs WHERE sha256 = ?", arguments: [sha256]).map { Ref(sha256: sha256, size: $0) }
    }
}
