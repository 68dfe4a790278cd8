import Foundation
import GRDB
import SimKit
import Testing

@Suite struct StoreTests {
    @Test func onDiskStoreIsWALWithNormalSynchronous() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("simkit-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try Store.open(path: "\(folder)/a.sqlite", migrations: [Migration("t") { try $0.execute(sql: "CREATE TABLE t (x)") }])
        let mode = try store.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        let sync = try store.read { try Int.fetchOne($0, sql: "PRAGMA synchronous") }
        #expect(mode == "wal")
        #expect(sync == 1)  // NORMAL
        #expect(try store.read { try Int.fetchOne($0, sql: "PRAGMA mmap_size") } == 1_073_741_824)
        // SQLite reports 0: its own auto-checkpoint hook is replaced by `WALCheckpointer`.
        #expect(try store.write { try Int.fetchOne($0, sql: "PRAGMA wal_autocheckpoint") } == 0)
        // Migrations are applied once: reopening does not fail on CREATE TABLE.
        _ = try Store.open(path: "\(folder)/a.sqlite", migrations: [Migration("t") { try $0.execute(sql: "CREATE TABLE t (x)") }])
    }

    @Test func aFailedTransactionLeavesNothing() throws {
        let store = try Store.inMemory(migrations: [Migration("t") { try $0.execute(sql: "CREATE TABLE t (x)") }])
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try store.write { db in
                try db.execute(sql: "INSERT INTO t VALUES (1)")
                throw Boom()
            }
        }
        #expect(try store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM t") } == 0)
    }
}

@Suite struct CodeArchiveTests {
    @Test func roundTripsAFolderAndRefusesEscapes() throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("archive-\(UUID().uuidString)").path
        defer { try? fm.removeItem(atPath: root) }
        try fm.createDirectory(atPath: "\(root)/src/lib", withIntermediateDirectories: true)
        try "exports.handler = 1".write(toFile: "\(root)/src/app.js", atomically: true, encoding: .utf8)
        try "x".write(toFile: "\(root)/src/lib/a.txt", atomically: true, encoding: .utf8)
        let archive = try CodeArchive.read(folder: "\(root)/src")
        #expect(archive.files.map(\.path) == ["app.js", "lib/a.txt"])
        let copy = try #require(CodeArchive(bytes: archive.bytes))
        #expect(copy == archive)
        try copy.extract(to: "\(root)/out")
        #expect(try String(contentsOfFile: "\(root)/out/lib/a.txt", encoding: .utf8) == "x")
        let evil = CodeArchive(files: [.init(path: "../escape.txt", executable: false, bytes: [1])])
        #expect(throws: WorkbookError.self) { try evil.extract(to: "\(root)/out2") }
    }
}
