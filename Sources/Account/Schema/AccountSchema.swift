import Foundation
import GRDB
import SimKit

/// Tables the account itself owns: settings, the SAM artifact bucket, IAM roles.
///
/// Migrations are named and append-only: never edit a shipped one, add a new one (learners keep
/// `.workbook/account.sqlite` across workbook upgrades).
public enum AccountSchema {
    public static let migrations: [Migration] = [
        Migration("v1-meta") { db in
            try db.execute(sql: """
                CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
                """)
        },
        Migration("v1-s3") { db in
            try db.execute(sql: """
                CREATE TABLE s3_objects (
                    bucket TEXT NOT NULL,
                    key TEXT NOT NULL,
                    body BLOB NOT NULL,
                    etag TEXT NOT NULL,
                    last_modified INTEGER NOT NULL,
                    PRIMARY KEY (bucket, key)
                );
                """)
        },
        Migration("v1-iam") { db in
            try db.execute(sql: """
                CREATE TABLE iam_roles (
                    name TEXT PRIMARY KEY NOT NULL,
                    arn TEXT NOT NULL,
                    role_id TEXT NOT NULL,
                    path TEXT NOT NULL,
                    assume_role_policy TEXT NOT NULL,
                    description TEXT,
                    create_date INTEGER NOT NULL
                );
                CREATE TABLE iam_role_policies (
                    role_name TEXT NOT NULL REFERENCES iam_roles(name) ON DELETE CASCADE,
                    policy_name TEXT NOT NULL,
                    document TEXT NOT NULL,
                    PRIMARY KEY (role_name, policy_name)
                );
                CREATE TABLE iam_role_managed_policies (
                    role_name TEXT NOT NULL REFERENCES iam_roles(name) ON DELETE CASCADE,
                    policy_arn TEXT NOT NULL,
                    PRIMARY KEY (role_name, policy_arn)
                );
                """)
        },
        // Object bodies move to the shared blob table (SimKit's `BlobStore`), so an uploaded
        // code archive and the function made from it are one copy. `body` stays, empty.
        Migration("v2-s3-blobs") { db in
            try db.execute(sql: "ALTER TABLE s3_objects ADD COLUMN blob_sha256 TEXT")
            let blobs = BlobStore()
            let rows = try Row.fetchAll(db, sql: "SELECT rowid, body FROM s3_objects")
            for row in rows {
                let ref = try blobs.retain([UInt8](row["body"] as Data), in: db)
                try db.execute(sql: "UPDATE s3_objects SET body = X'', blob_sha256 = ? WHERE rowid = ?", arguments: [ref.sha256, row["rowid"] as Int64])
            }
        },
    ]
}
