import Foundation
import SimKit
import TestSupport

/// A server run as a child process for a test: started, waited for, stopped with a signal, and
/// always reaped (STYLE.md rule 10), also when the test fails half-way.
final class ChildServer: @unchecked Sendable {
    // @unchecked: the process and pipes are touched by the test's task only; the reader thread
    // hands its line over through the semaphore.
    let process = Process()
    private let stdout = Pipe()
    /// Nil when stderr goes to /dev/null (reading an unattached pipe would wait forever).
    private let stderr: Pipe?

    /// Starts `executable arguments…` in `directory` with `environment` added.
    init(_ executable: String, _ arguments: [String], in directory: String, environment: [String: String] = [:],
         quietStderr: Bool = false) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = stdout
        // A chatty server (moto logs every request) must never block on a full pipe.
        stderr = quietStderr ? nil : Pipe()
        process.standardError = stderr ?? FileHandle.nullDevice
        try process.run()
    }

    /// `workbook dynamodb-endpoint …` in `directory`.
    static func workbook(_ arguments: [String], in directory: String) throws -> ChildServer {
        try ChildServer(WorkbookBinary.path, arguments, in: directory, environment: ["LANG": "C.UTF-8", "TZ": "UTC"])
    }

    deinit {
        if process.isRunning {
            process.interrupt()
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
    }

    /// The first line the server prints on stdout, or nil if it printed none within `timeout`.
    func firstLine(timeout: TimeInterval = 60) -> String? {
        let ready = DispatchSemaphore(value: 0)
        let handle = stdout.fileHandleForReading
        nonisolated(unsafe) var line: String?
        DispatchQueue.global().async {
            var bytes: [UInt8] = []
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                bytes += chunk
                if let newline = bytes.firstIndex(of: 10) {
                    line = String(decoding: bytes[..<newline], as: UTF8.self)
                    break
                }
            }
            ready.signal()
        }
        return ready.wait(timeout: .now() + timeout) == .success ? line : nil
    }

    /// Sends `signal`, waits for the exit and returns the exit status and what was left on stderr.
    func stop(_ signal: Int32 = SIGINT) -> (status: Int32, reason: Process.TerminationReason, stderr: String) {
        if process.isRunning { kill(process.processIdentifier, signal) }
        process.waitUntilExit()
        let rest = (try? stderr?.fileHandleForReading.readToEnd()) ?? nil
        return (process.terminationStatus, process.terminationReason, String(decoding: rest ?? Data(), as: UTF8.self))
    }
}

/// A free TCP port on 127.0.0.1 (bound and released; the caller uses it at once).
func freeLoopbackPort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    try withUnsafeMutablePointer(to: &address) { pointer in
        try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
            guard bind(fd, raw, length) == 0, getsockname(fd, raw, &length) == 0 else { throw CocoaError(.fileReadUnknown) }
        }
    }
    return Int(UInt16(bigEndian: address.sin_port))
}

/// Waits until something accepts connections on 127.0.0.1:`port`.
func waitForListener(port: Int, timeout: TimeInterval = 60) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if let fd = LoopbackSocket.connect(port: port) {
            close(fd)
            return true
        }
        usleep(100_000)
    }
    return false
}

/// What a Python script printed and how it exited.
struct PythonRun: Sendable {
    var exitCode: Int32
    var stdout: String
    var stderr: String
}

/// Runs `python3 arguments…` to the end and returns its output.
func runPython(_ arguments: [String], in directory: String) throws -> PythonRun {
    let run = try ChildProcess.run("/usr/bin/env", ["python3"] + arguments, in: directory)
    return PythonRun(exitCode: run.exitCode, stdout: run.stdoutText, stderr: run.stderrText)
}
