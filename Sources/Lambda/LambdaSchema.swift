import Foundation
import GRDB
import SimKit

/// Lambda's tables: functions (their code in SimKit's `BlobStore`, named by `code_sha256`) and resource-policy
/// statements. Named, append-only migrations.
public enum LambdaSchema {
    public static let migrations: [Migration] = [
        Migration("v1-lambda") { db in
            try db.execute(sql: """
                CREATE TABLE lambda_functions (
                    name TEXT PRIMARY KEY NOT NULL,
                    arn TEXT NOT NULL,
                    runtime TEXT,
                    role TEXT NOT NULL,
                    handler TEXT,
                    description TEXT NOT NULL DEFAULT '',
                    timeout INTEGER NOT NULL,
                    memory_size INTEGER NOT NULL,
                    environment TEXT NOT NULL DEFAULT '{}',
                    architectures TEXT NOT NULL DEFAULT '["x86_64"]',
                    code_sha256 TEXT NOT NULL,
                    code_size INTEGER NOT NULL,
                    code BLOB NOT NULL,
                    last_modified INTEGER NOT NULL,
                    revision_id TEXT NOT NULL,
                    tags TEXT NOT NULL DEFAULT '{}'
                );
                CREATE TABLE lambda_permissions (
                    function_name TEXT NOT NULL REFERENCES lambda_functions(name) ON DELETE CASCADE,
                    sid TEXT NOT NULL,
                    statement TEXT NOT NULL,
                    PRIMARY KEY (function_name, sid)
                );
                """)
        },
        // Code moves to the shared blob table (SimKit's `BlobStore`, keyed by the same base64
        // SHA-256 as `code_sha256`), one copy with the artifact it came from. `code` stays, empty.
        Migration("v2-lambda-code-blobs") { db in
            let blobs = BlobStore()
            for code in try Data.fetchAll(db, sql: "SELECT code FROM lambda_functions") {
                try blobs.retain([UInt8](code), in: db)
            }
            try db.execute(sql: "UPDATE lambda_functions SET code = X''")
        },
        // Event invocations whose next attempt is due later on the virtual clock (retries after
        // a function error); any later command that finds the clock past `due_at` runs them.
        Migration("v3-lambda-async-invocations") { db in
            try db.execute(sql: """
                CREATE TABLE lambda_async_invocations (
                    request_id TEXT PRIMARY KEY NOT NULL,
                    function_name TEXT NOT NULL REFERENCES lambda_functions(name) ON DELETE CASCADE,
                    payload BLOB NOT NULL,
                    attempt INTEGER NOT NULL CHECK (attempt BETWEEN 2 AND 3),
                    due_at INTEGER NOT NULL
                );
                CREATE INDEX lambda_async_invocations_due ON lambda_async_invocations(due_at, request_id);
                """)
        },
    ]
}
