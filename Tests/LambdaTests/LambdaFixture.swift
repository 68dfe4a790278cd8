import Foundation
@testable import Lambda
import SimKit
import Testing

/// Functions, code and pools for tests that run real Node processes.
enum LambdaFixture {
    /// 2026-07-22T03:52:00Z: far from the host's date, so a leak of the real date shows.
    static let anchor = TimeFormat.instant(year: 2026, month: 7, day: 22, hour: 3, minute: 52)

    /// The request id the process tests invoke with.
    static let requestID = "11111111-2222-4333-8444-555555555555"

    static func settings(seed: UInt64 = 7) -> ExecutionEnvironmentPool.Settings {
        let clock = VirtualClock(state: ClockState(mode: .interactive, anchor: anchor, wallAnchor: SystemWallClock().now()))
        return ExecutionEnvironmentPool.Settings(region: "ap-northeast-2", clock: clock, ids: IDGenerator(seed: seed))
    }

    /// Deterministic mode: a frozen clock at `anchor`, modelled costs, seeded randomness.
    static func deterministicSettings(seed: UInt64 = 7) -> ExecutionEnvironmentPool.Settings {
        let clock = VirtualClock(state: ClockState(mode: .deterministic, anchor: anchor, wallAnchor: 0))
        return ExecutionEnvironmentPool.Settings(region: "ap-northeast-2", clock: clock, ids: IDGenerator(seed: seed),
                                                 deterministic: true, seed: seed)
    }

    static func function(_ name: String = "fn", runtime: String = "nodejs20.x", handler: String = "index.handler",
                         timeout: Int = 3, memorySize: Int = 128, environment: JSONObject = JSONObject()) -> FunctionConfiguration {
        FunctionConfiguration(
            name: name, arn: ARN.lambdaFunction(name, region: "ap-northeast-2", account: "123456789012").description, runtime: runtime,
            role: "arn:aws:iam::123456789012:role/r", handler: handler, description: "", timeout: timeout, memorySize: memorySize,
            environment: environment, architectures: ["x86_64"], codeSha256: "sha", codeSize: 1, lastModified: anchor,
            revisionId: "rev", tags: JSONObject())
    }

    static func code(_ files: [String: String]) -> CodeArchive {
        CodeArchive(files: files.map { CodeArchive.File(path: $0.key, executable: false, bytes: Array($0.value.utf8)) })
    }

    /// One invocation in a pool of its own (a cold start).
    static func invoke(settings: ExecutionEnvironmentPool.Settings = settings(), _ files: [String: String],
                       _ function: FunctionConfiguration = function(), payload: String = "{}",
                       requestID: String = requestID) async throws -> InvocationResult {
        try await ExecutionEnvironmentPool.withPool(settings) { pool in
            try await pool.invoke(function, code: code(files), payload: Array(payload.utf8), requestID: requestID)
        }
    }

    /// The payload parsed as a JSON object.
    static func object(_ result: InvocationResult) throws -> JSONObject {
        try #require(try JSONParser.parse(bytes: result.payload).objectValue)
    }

    static func messages(_ result: InvocationResult) -> [String] { result.logs.map(\.message) }

    /// The timestamp of the first line starting with `prefix`.
    static func timestamp(_ result: InvocationResult, of prefix: String) throws -> EpochMillis {
        try #require(result.logs.first { $0.message.hasPrefix(prefix) }?.timestamp)
    }

    /// Whether a process is gone: a killed grandchild is reparented and may linger as a zombie
    /// until its new parent reaps it.
    static func isGoneOrZombie(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
        let state = stat.split(separator: ")").last?.split(separator: " ").first
        return state == "Z" || state == "X"
    }

    /// Seconds of a duration, for printing.
    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// `<ISO time>\t<id>\t<LEVEL>\t` with the virtual date of `anchor`.
    static func consolePrefix(_ id: String, _ level: String) -> Regex<Substring> {
        // Dates are virtual: the anchor's day, whatever the host's date.
        try! Regex("^2026-07-22T03:5[2-9]:\\d\\d\\.\\d{3}Z\\t\(id)\\t\(level)\\t")
    }
}

extension String {
    func matches(_ pattern: String) -> Bool { (try? Regex(pattern).wholeMatch(in: self)) != nil }
}
