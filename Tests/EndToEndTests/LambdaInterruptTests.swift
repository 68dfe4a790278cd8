import Foundation
import Testing
import TestSupport

/// Ctrl-C while `aws lambda invoke` waits for a handler (issue 5: environments are reaped on
/// Ctrl-C): the command exits 130 at once, and the runtime and everything it started are gone.
@Suite("aws lambda invoke, Ctrl-C")
struct LambdaInterruptTests {
    /// Parent pid of `pid` (from /proc/<pid>/stat), nil once it is gone.
    static func parent(of pid: Int32) -> Int32? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        return fields.count > 1 ? Int32(fields[1]) : nil
    }

    static func commandLine(of pid: Int32) -> [String] {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return [] }
        return data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
    }

    static func isAlive(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return false }
        return !stat.contains(") Z ")  // a zombie is gone but not yet collected by its parent
    }

    /// The `sleep 300` the handler started under `workbook` (workbook → node → sleep).
    static func grandchild(of workbook: Int32) -> (node: Int32, sleep: Int32)? {
        let pids = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).compactMap { Int32($0) }
        for pid in pids where commandLine(of: pid) == ["sleep", "300"] {
            if let node = parent(of: pid), parent(of: node) == workbook { return (node, pid) }
        }
        return nil
    }

    @Test func ctrlCEndsTheInvokeAndReapsTheEnvironment() throws {
        let folder = TempFolder("workbook-e2e-interrupt")
        try folder.copy(repositoryFolder: "Tests/EndToEndTests/Fixtures/lambda-invoke")
        let deploy = try workbook(["sam", "deploy", "--stack-name", "interrupt", "--resolve-s3", "--capabilities", "CAPABILITY_IAM",
                                   "--no-confirm-changeset"], in: folder.path)
        #expect(deploy.exitCode == 0, "\(deploy.transcript)")

        let process = Process()
        process.executableURL = URL(fileURLWithPath: WorkbookBinary.path)
        process.arguments = ["aws", "lambda", "invoke", "--function-name", "put-sleeps", "out.json"]
        process.currentDirectoryURL = URL(fileURLWithPath: folder.path)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        var found: (node: Int32, sleep: Int32)?
        let deadline = Date().addingTimeInterval(30)
        while found == nil, Date() < deadline, process.isRunning {
            found = Self.grandchild(of: process.processIdentifier)
            if found == nil { usleep(50_000) }
        }
        let pids = try #require(found, "the handler's grandchild never appeared")
        let interrupted = Date()
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        let took = Date().timeIntervalSince(interrupted)
        #expect(process.terminationStatus == 130)
        #expect(took < 10, "Ctrl-C ends the command promptly: \(took) s")
        #expect(!Self.isAlive(pids.node), "the runtime process is gone")
        #expect(!Self.isAlive(pids.sleep), "the handler's grandchild is gone")
    }
}
