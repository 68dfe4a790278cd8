import Foundation
import GRDB
import SimKit

/// The one S3 bucket SAM needs: artifacts uploaded by `sam deploy` (code archives, templates).
/// Kept in the account database like everything else.
public struct ObjectStore: Sendable {
    public init() {}

    /// SAM's managed bucket name for this account (`aws-sam-cli-managed-default-samclisourcebucket-<12>`),
    /// stable per account because its suffix comes from the account seed's first draw after creation.
    public static let managedBucketPrefix = "aws-sam-cli-managed-default-samclisourcebucket-"

    /// Stores an object unless one with the same key exists; returns false when it already did.
    @discardableResult
    public func put(bucket: String, key: String, body: [UInt8], now: EpochMillis, in db: Database) throws -> Bool {
        if try exists(bucket: bucket, key: key, in: db) { return false }
        try db.execute(sql: "INSERT INTO s3_objects (bucket, key, body, etag, last_modified) VALUES (?, ?, ?, ?, ?)",
                       arguments: [bucket, key, Data(body), Digest.hex(Digest.md5(body)), now])
        return true
    }

    public func exists(bucket: String, key: String, in db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM s3_objects WHERE bucket = ? AND key = ?", arguments: [bucket, key]) ?? false
    }

    public func get(bucket: String, key: String, in db: Database) throws -> [UInt8]? {
        try Data.fetchOne(db, sql: "SELECT body FROM s3_objects WHERE bucket = ? AND key = ?", arguments: [bucket, key]).map { [UInt8]($0) }
    }

    /// The keys under `prefix`, in order.
    public func keys(bucket: String, prefix: String, in db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT key FROM s3_objects WHERE bucket = ? AND substr(key, 1, ?) = ? ORDER BY key",
                            arguments: [bucket, prefix.count, prefix])
    }

    /// Deletes every object under `prefix` (`sam delete`'s artifact clean-up); returns how many.
    @discardableResult
    public func deletePrefix(bucket: String, prefix: String, in db: Database) throws -> Int {
        try db.execute(sql: "DELETE FROM s3_objects WHERE bucket = ? AND substr(key, 1, ?) = ?", arguments: [bucket, prefix.count, prefix])
        return db.changesCount
    }
}
