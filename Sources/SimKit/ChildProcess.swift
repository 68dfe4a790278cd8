import Dispatch
import Foundation

/// Runs a program to the end and collects what it printed.
///
/// Both pipes are drained at once (stderr on a Dispatch queue), so a child that fills one pipe
/// while we read the other never blocks: the one place that gets this right, for the CLI's
/// helpers (cfn-lint, the bench) and the tests alike.
public enum ChildProcess {
    /// The first executable `name` in the folders of `path` (a PATH value; a minimal system
    /// PATH when nil), as a shell would find it.
    public static func executable(_ name: String, onPath path: String?) -> String? {
        (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map { "\($0)/\(name)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    public struct Result: Sendable {
        public var exitCode: Int32
        public var stdout: [UInt8]
        public var stderr: [UInt8]

        public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
        public var stderrText: String { String(decoding: stderr, as: UTF8.self) }
    }

    /// Runs `executable arguments…` in `directory` (the current one when nil), with `input` on
    /// stdin and `environment` (the parent's when nil). Throws when the program cannot start.
    public static func run(_ executable: String, _ arguments: [String], in directory: String? = nil, input: [UInt8] = [],
                           environment: [String: String]? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        if let environment { process.environment = environment }
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let errors = Protected(Data())
        let drained = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            let data = stderr.fileHandleForReading.readDataToEndOfFile()
            errors.withLock { $0 = data }
            drained.signal()
        }
        if !input.isEmpty { stdin.fileHandleForWriting.write(Data(input)) }
        try? stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        drained.wait()
        process.waitUntilExit()
        return Result(exitCode: process.terminationStatus, stdout: [UInt8](output), stderr: [UInt8](errors.withLock { $0 }))
    }
}
