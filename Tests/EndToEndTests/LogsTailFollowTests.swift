import Foundation
import Testing
import TestSupport

/// `aws logs tail --follow` across two real processes (issue 4, Must show): one `workbook`
/// follows the group while a second one writes to the shared SQLite file.
@Suite("aws logs tail --follow, two processes")
struct LogsTailFollowTests {
    /// Collects a child's output as it arrives.
    final class Collector: @unchecked Sendable {
        // @unchecked: `text` is only touched under `lock`.
        private let lock = NSLock()
        private var text = ""

        func append(_ data: Data) { lock.withLock { text += String(decoding: data, as: UTF8.self) } }
        var value: String { lock.withLock { text } }

        /// Waits (polling) until `predicate` holds or `seconds` pass.
        func wait(seconds: Double, until predicate: (String) -> Bool) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if predicate(value) { return true }
                usleep(50_000)
            }
            return predicate(value)
        }
    }

    static func nowMillis() -> Int64 { Int64(Date().timeIntervalSince1970 * 1000) }

    /// A learner folder holding group `G` with stream `S`.
    static func folder() throws -> TempFolder {
        let folder = TempFolder("workbook-e2e-logs")
        #expect(try workbook(["aws", "logs", "create-log-group", "--log-group-name", "G"], in: folder.path).exitCode == 0)
        #expect(try workbook(["aws", "logs", "create-log-stream", "--log-group-name", "G", "--log-stream-name", "S"], in: folder.path).exitCode == 0)
        return folder
    }

    @Test func theFollowerPrintsWhatAnotherProcessWritesAndStopsOnCtrlC() throws {
        let folder = try Self.folder()
        let follower = Process()
        follower.executableURL = URL(fileURLWithPath: WorkbookBinary.path)
        follower.arguments = ["aws", "logs", "tail", "G", "--follow", "--format", "short"]
        follower.currentDirectoryURL = URL(fileURLWithPath: folder.path)
        var env = ProcessInfo.processInfo.environment
        env["TZ"] = "UTC"
        follower.environment = env
        let out = Pipe(), err = Pipe()
        follower.standardOutput = out
        follower.standardError = err
        let stdout = Collector(), stderr = Collector()
        out.fileHandleForReading.readabilityHandler = { stdout.append($0.availableData) }
        err.fileHandleForReading.readabilityHandler = { stderr.append($0.availableData) }
        try follower.run()
        defer { if follower.isRunning { follower.terminate(); follower.waitUntilExit() } }

        let first = try workbook(["aws", "logs", "put-log-events", "--log-group-name", "G", "--log-stream-name", "S",
                                  "--log-events", "timestamp=\(Self.nowMillis()),message=hello from process two"], in: folder.path)
        #expect(first.exitCode == 0, "\(first.transcript)")
        #expect(stdout.wait(seconds: 10) { $0.contains("hello from process two\n") }, "follower printed: \(stdout.value) \(stderr.value)")
        let second = try workbook(["aws", "logs", "put-log-events", "--log-group-name", "G", "--log-stream-name", "S",
                                   "--log-events", "timestamp=\(Self.nowMillis()),message=and again"], in: folder.path)
        #expect(second.exitCode == 0)
        #expect(stdout.wait(seconds: 10) { $0.contains("and again\n") }, "follower printed: \(stdout.value)")
        #expect(stdout.value.components(separatedBy: "hello from process two").count == 2, "no event is printed twice")

        follower.interrupt()
        let deadline = Date().addingTimeInterval(10)
        while follower.isRunning, Date() < deadline { usleep(50_000) }
        #expect(!follower.isRunning, "Ctrl-C stops the follower")
        #expect(follower.terminationReason == .exit, "it exits, it is not killed by the signal")
        // tail.py catches KeyboardInterrupt inside --follow and returns 0.
        #expect(follower.terminationStatus == 0)
        #expect(stderr.value.isEmpty, "no stack trace: \(stderr.value)")
        out.fileHandleForReading.readabilityHandler = nil
        err.fileHandleForReading.readabilityHandler = nil
    }

    @Test func eventsAreCommittedBeforeTheWritingCommandExits() throws {
        let folder = try Self.folder()
        let put = try workbook(["aws", "logs", "put-log-events", "--log-group-name", "G", "--log-stream-name", "S",
                                "--log-events", "timestamp=\(Self.nowMillis()),message=one", "timestamp=\(Self.nowMillis()),message=two"],
                               in: folder.path)
        #expect(put.exitCode == 0, "\(put.transcript)")
        let read = try workbook(["aws", "logs", "get-log-events", "--log-group-name", "G", "--log-stream-name", "S",
                                 "--query", "events[].message", "--output", "text"], in: folder.path)
        #expect(read.stdout == "one\ttwo\n", "\(read.transcript)")
        let tail = try workbook(["aws", "logs", "tail", "G", "--format", "short"], in: folder.path)
        #expect(tail.stdout.hasSuffix(" one\n") == false && tail.stdout.contains(" one\n") && tail.stdout.hasSuffix(" two\n"), "\(tail.transcript)")
    }
}
