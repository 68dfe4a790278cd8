import Account
import Foundation
import GRDB
import SimKit
import TestSupport
import Testing

/// Accounts written before code bodies moved to the blob table keep working: their artifact and
/// function code move into `blobs`, once, and read back the same.
@Suite struct BlobMigrationTests {
    static let blobSteps: Set<String> = ["v2-blobs", "v2-s3-blobs", "v2-lambda-code-blobs"]

    @Test func anOldAccountsBodiesMoveIntoOneBlob() throws {
        let folder = TempFolder("blob-migration")
        let path = "\(folder.path)/account.sqlite"
        let archive = CodeArchive(files: [.init(path: "index.js", executable: false, bytes: Array("exports.handler = async () => 1;".utf8))]).bytes
        let sha = Base64.encode(Digest.sha256(archive))
        // The schema as it was before the blob steps, with an artifact and a function made from it.
        let old = try Store.open(path: path, migrations: Account.migrations.filter { !Self.blobSteps.contains($0.name) })
        try old.write { db in
            try db.execute(sql: "INSERT INTO s3_objects (bucket, key, body, etag, last_modified) VALUES ('b', 'app/k', ?, 'e', 0)", arguments: [Data(archive)])
            try db.execute(sql: """
                INSERT INTO lambda_functions (name, arn, runtime, role, handler, timeout, memory_size, code_sha256, code_size, code,
                    last_modified, revision_id)
                VALUES ('fn', 'arn', 'nodejs22.x', 'role', 'index.handler', 3, 128, ?, ?, ?, 0, 'r')
                """, arguments: [sha, archive.count, Data(archive)])
        }
        let account = try Account.fresh(at: path, date: 0, seed: 1)
        let (blobs, code, object, leftovers) = try account.read { db in
            (try Row.fetchAll(db, sql: "SELECT sha256, size, refs FROM blobs"),
             try account.functions.code("fn", in: db),
             try account.objects.get(bucket: "b", key: "app/k", in: db),
             try Int.fetchOne(db, sql: "SELECT (SELECT sum(length(body)) FROM s3_objects) + (SELECT sum(length(code)) FROM lambda_functions)"))
        }
        #expect(blobs.count == 1)
        #expect(blobs.first?["sha256"] as String? == sha)
        #expect(blobs.first?["refs"] as Int? == 2)
        #expect(code?.bytes == archive)
        #expect(object == archive)
        #expect(leftovers == 0)
    }
}
