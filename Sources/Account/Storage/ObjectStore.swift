import Foundation
import GRDB
import SimKit

/// The one S3 bucket SAM needs: artifacts uploaded by `sam deploy` (code archives, templates).
/// Kept in the account database like everything else; bodies live in the shared `BlobStore`.
public struct ObjectStore: Sendable {
    let blobs = BlobStore()

    public init() {}

    /// SAM's managed bucket name for this account (`aws-sam-cli-managed-default-samclisourcebucket-<12>`),
    /// stable per account because its suffix comes from the account seed's first draw after creation.
    public static let managedBucketPrefix = "aws-sam-cli-managed-default-samclisourcebucket-"

    /// Stores an object unless one with the same key exists; returns false when it already did.
    /// `md5` is the body's MD5 when the caller has it already (SAM names artifacts by it).
    @discardableResult
    public func put(bucket: String, key: String, body: [UInt8], md5: [UInt8]? = nil, now: EpochMillis, in db: Database) throws -> Bool {
        if try exists(bucket: bucket, key: key, in: db) { return false }
        let blob = try blobs.retain(body, in: db)
        try db.execute(sql: "INSERT INTO s3_objects (bucket, key, body, etag, last_modified, blob_sha256) VALUES (?, ?, X'', ?, ?, ?)",
                       arguments: [bucket, key, Digest.hex(md5 ?? Digest.md5(body)), now, blob.sha256])
        return true
    }

    public func exists(bucket: String, key: String, in db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM s3_objects WHERE bucket = ? AND key = ?", arguments: [bucket, key]) ?? false
    }

    /// The stored blob behind an object (Lambda takes code from it without copying the bytes).
    public func blob(bucket: String, key: String, in db: Database) throws -> BlobStore.Ref? {
        guard let sha = try String.fetchOne(db, sql: "SELECT blob_sha256 FROM s3_objects WHERE bucket = ? AND key = ?", arguments: [bucket, key]) else {
            return nil
        }
        return try blobs.ref(sha, in: db)
    }

    public func get(bucket: String, key: String, in db: Database) throws -> [UInt8]? {
        guard let ref = try blob(bucket: bucket, key: key, in: db) else { return nil }
        return try blobs.bytes(ref.sha256, in: db)
    }

    /// The keys under `prefix`, in order.
    public func keys(bucket: String, prefix: String, in db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT key FROM s3_objects WHERE bucket = ? AND substr(key, 1, ?) = ? ORDER BY key",
                            arguments: [bucket, prefix.count, prefix])
    }

    /// Deletes every object under `prefix` (`sam delete`'s artifact clean-up); returns how many.
    @discardableResult
    public func deletePrefix(bucket: String, prefix: String, in db: Database) throws -> Int {
        let condition = "bucket = ? AND substr(key, 1, ?) = ?"
        let arguments: StatementArguments = [bucket, prefix.count, prefix]
        let released = try String.fetchAll(db, sql: "SELECT blob_sha256 FROM s3_objects WHERE \(condition)", arguments: arguments)
        try db.execute(sql: "DELETE FROM s3_objects WHERE \(condition)", arguments: arguments)
        for sha in released { try blobs.release(sha, in: db) }
        return released.count
    }
}
