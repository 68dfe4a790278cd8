import Foundation
import GRDB
import SimKit

/// A temporary folder removed when the value is released.
public final class TempFolder: @unchecked Sendable {
    // @unchecked: immutable after init.
    public let path: String

    public init(_ prefix: String = "workbook-test") {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `text` to `relative` (creating folders).
    public func write(_ relative: String, _ text: String) throws {
        let url = URL(fileURLWithPath: path).appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    public func read(_ relative: String) throws -> String {
        try String(contentsOfFile: "\(path)/\(relative)", encoding: .utf8)
    }

    /// Copies a folder of the repository (e.g. `Samples/lambda-dynamodb-2023`) into this folder.
    public func copy(repositoryFolder: String, to relative: String = "") throws {
        let destination = relative.isEmpty ? path : "\(path)/\(relative)"
        let fm = FileManager.default
        for name in try fm.contentsOfDirectory(atPath: "\(Repository.root)/\(repositoryFolder)") {
            try fm.createDirectory(atPath: destination, withIntermediateDirectories: true)
            try fm.copyItem(atPath: "\(Repository.root)/\(repositoryFolder)/\(name)", toPath: "\(destination)/\(name)")
        }
    }
}

/// The repository checkout the tests run from.
public enum Repository {
    /// Tests/TestSupport/TestSupport.swift → the repository root.
    public static let root: String = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
}

/// The result of running the built `workbook` binary.
public struct ProcessResult: Sendable, Equatable {
    public var exitCode: Int32
    public var stdout: String
    public var stderr: String
}

/// Runs the `workbook` executable that `swift build`/`swift test` built next to the test bundle.
public enum WorkbookBinary {
    /// `.build/<triple>/debug/workbook` (the folder of the running test binary).
    public static var path: String {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var folder = URL(fileURLWithPath: exe).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("workbook").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return "\(Repository.root)/.build/debug/workbook"
    }

    /// Runs `workbook arguments…` in `directory`, feeding `input` on stdin.
    public static func run(_ arguments: [String], in directory: String, input: String = "",
                           environment: [String: String] = [:]) throws -> ProcessResult {
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        env.removeValue(forKey: "LC_ALL")
        env.removeValue(forKey: "COLUMNS")
        env["TZ"] = "UTC"
        // A stray `.workbook/` in the temp folder itself must never become a test's workspace.
        env["WORKBOOK_CEILING_DIRECTORIES"] = FileManager.default.temporaryDirectory.standardizedFileURL.path
        for (key, value) in environment { env[key] = value }
        let run = try ChildProcess.run(path, arguments, in: directory, input: Array(input.utf8), environment: env)
        return ProcessResult(exitCode: run.exitCode, stdout: run.stdoutText, stderr: run.stderrText)
    }
}

/// Every row of every table of an SQLite file, as text: compare two dumps to prove a command
/// changed nothing.
public enum DatabaseDump {
    public static func dump(_ path: String) throws -> String {
        guard FileManager.default.fileExists(atPath: path) else { return "(no database)" }
        let queue = try DatabaseQueue(path: path)
        return try queue.read { db in
            var out = ""
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            for table in tables {
                out += "# \(table)\n"
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\" ORDER BY 1") {
                    out += row.description + "\n"
                }
            }
            return out
        }
    }
}

/// Runs synchronous command code on a thread of its own, outside Swift's cooperative pool:
/// commands that run async work (Lambda invocations, servers) block their calling thread, which
/// must not be one of the pool's (`AsyncBridge`).
public func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread { continuation.resume(with: Result { try body() }) }
        thread.stackSize = 8 << 20
        thread.start()
    }
}
