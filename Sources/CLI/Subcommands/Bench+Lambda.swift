import Commands
import Dispatch
import Foundation
import Lambda
import SimKit

/// `workbook bench --cases lambda` (issue 5's numbers): a trivial Node handler, cold and warm,
/// with one and two execution environments, and the resident memory of a warm environment.
struct LambdaBench {
    let iterations: Int

    static let handler = "exports.handler = async () => ({ ok: true });\n"

    func run(_ c: Console) throws {
        guard let node = ChildProcess.executable("node", onPath: ProcessInfo.processInfo.environment["PATH"]) else {
            throw WorkbookError(LocalizedText(en: "node is not on PATH; install Node.js (bash .ci/setup does)"))
        }
        // posix_spawn and waitpid, as the pool starts runtimes: Foundation's Process adds tens
        // of milliseconds of its own here.
        let nodeStartup = try (0..<max(iterations, 10)).map { _ in try Self.millis { try Self.spawnAndWait(node, ["-e", "0"]) } }
        c.out(Bench.line("node -e 0", Self.summary(nodeStartup)))
        let code = CodeArchive(files: [.init(path: "index.js", executable: false, bytes: Array(Self.handler.utf8))])
        let function = FunctionConfiguration.local(
            logicalId: "bench", runtime: "nodejs22.x", handler: "index.handler", timeout: 3, memorySize: 128, environment: [:],
            architecture: "x86_64", code: code, region: "ap-northeast-2", account: "123456789012", now: 0, revisionId: "bench")
        let ids = IDGenerator(seed: 1)
        let settings = ExecutionEnvironmentPool.Settings(
            region: "ap-northeast-2", clock: VirtualClock(state: ClockState(mode: .interactive, anchor: 0, wallAnchor: 0)), ids: ids)
        let payload = Array("{}".utf8)

        let cold = try (0..<max(iterations, 10)).map { _ in
            try AsyncBridge.run {
                try await ExecutionEnvironmentPool.withPool(settings) { pool in
                    try await Self.asyncMillis { _ = try await pool.invoke(function, code: code, payload: payload, requestID: ids.uuid()) }
                }
            }
        }
        c.out(Bench.line("cold invoke (goal ≤ 120 ms)", Self.summary(cold)))

        let warm = try AsyncBridge.run {
            try await ExecutionEnvironmentPool.withPool(settings) { pool in
                let first = try await pool.invoke(function, code: code, payload: payload, requestID: ids.uuid())
                var samples: [Double] = []
                for _ in 0..<2_000 {
                    samples.append(try await Self.asyncMillis { _ = try await pool.invoke(function, code: code, payload: payload, requestID: ids.uuid()) })
                }
                return (samples, Self.residentMB(first.environment.processID))
            }
        }
        let sorted = warm.0.sorted()
        c.out(Bench.line("warm invoke, 1 env (goal p50 ≤ 1 ms)",
                         String(format: "p50 %.3f ms  p99 %.3f ms  max %.3f ms", Self.at(sorted, 0.5), Self.at(sorted, 0.99), sorted.last ?? 0)))
        c.out(Bench.line("RSS of a warm env", String(format: "%.1f MB (node process, VmRSS)", warm.1)))

        for environments in [1, 2] {
            let rate = try AsyncBridge.run {
                try await ExecutionEnvironmentPool.withPool(settings) { pool in
                    try await Self.throughput(environments: environments, seconds: 3) {
                        _ = try await pool.invoke(function, code: code, payload: payload, requestID: ids.uuid())
                    }
                }
            }
            c.out(Bench.line("invokes/s, \(environments) env\(environments == 2 ? " (goal ≥ 2,000/s)" : "")",
                             String(format: "%.0f/s", rate)))
        }
    }

    /// Invocations per second over `seconds` with `environments` callers, each invoking in a
    /// loop (each caller keeps one environment busy); the environments are warmed first.
    static func throughput(environments: Int, seconds: Double, _ invoke: @escaping @Sendable () async throws -> Void) async throws -> Double {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<environments { group.addTask { try await invoke() } }
            try await group.waitForAll()
        }
        let start = DispatchTime.now().uptimeNanoseconds
        let deadline = start + UInt64(seconds * 1e9)
        let count = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<environments {
                group.addTask {
                    var n = 0
                    while DispatchTime.now().uptimeNanoseconds < deadline {
                        try await invoke()
                        n += 1
                    }
                    return n
                }
            }
            return try await group.reduce(0, +)
        }
        return Double(count) / (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }

    /// Runs `executable arguments…` to its end, its output discarded.
    static func spawnAndWait(_ executable: String, _ arguments: [String]) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard status == 0 else { throw WorkbookError(LocalizedText(en: "cannot start \(executable): \(String(cString: strerror(status)))")) }
        var exit: Int32 = 0
        _ = waitpid(pid, &exit, 0)
    }

    static func millis(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    }

    static func asyncMillis(_ body: () async throws -> Void) async rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try await body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    }

    static func at(_ sorted: [Double], _ q: Double) -> Double {
        sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * q).rounded()))]
    }

    static func summary(_ samples: [Double]) -> String {
        let sorted = samples.sorted()
        return String(format: "min %.1f  median %.1f  p90 %.1f ms", sorted.first ?? 0, at(sorted, 0.5), at(sorted, 0.9))
    }

    /// The resident set of process `pid` in MB (`VmRSS`), 0 when unknown.
    static func residentMB(_ pid: Int32) -> Double {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kB = Double(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") else { return 0 }
        return kB / 1024
    }
}
