import Foundation
import GRDB
import SimKit
import Testing

@Suite struct BlobStoreTests {
    let store = try! Store.inMemory(migrations: BlobStore.migrations)
    let blobs = BlobStore()

    func rows() throws -> [Row] { try store.read { try Row.fetchAll($0, sql: "SELECT sha256, size, refs FROM blobs") } }

    @Test func theSameBytesAreStoredOnceAndCounted() throws {
        let bytes = Array("exports.handler = async () => 1;".utf8)
        let (first, second) = try store.write { db in (try blobs.retain(bytes, in: db), try blobs.retain(bytes, in: db)) }
        #expect(first == second)
        #expect(first.sha256 == Base64.encode(Digest.sha256(bytes)))
        #expect(first.size == bytes.count)
        #expect(try rows().map { $0["refs"] as Int } == [2])
        #expect(try store.read { try blobs.bytes(first.sha256, in: $0) } == bytes)
    }

    @Test func theLastReleaseDeletesTheBlob() throws {
        let ref = try store.write { db in try blobs.retain([1, 2, 3], in: db) }
        try store.write { db in _ = try blobs.retain(ref, in: db) }
        try store.write { db in try blobs.release(ref.sha256, in: db) }
        #expect(try rows().count == 1)
        try store.write { db in try blobs.release(ref.sha256, in: db) }
        #expect(try rows().isEmpty)
        #expect(try store.read { try blobs.bytes(ref.sha256, in: $0) } == nil)
    }

    @Test func retainingAReferenceToNothingSaysSo() throws {
        let missing = BlobStore.Ref(sha256: "nope", size: 1)
        #expect(try store.write { db in try blobs.retain(missing, in: db) } == false)
        #expect(try rows().isEmpty)
    }

    @Test func emptyBytesAreABlobToo() throws {
        let ref = try store.write { db in try blobs.retain([], in: db) }
        #expect(ref.size == 0)
        #expect(try store.read { try blobs.bytes(ref.sha256, in: $0) } == [])
    }
}
