import Foundation
import SimKit

/// Runs Lambda invocations in real child processes, keeping environments warm for the life of
/// one workbook command (DESIGN.md "Processes"): the first invocation of a function cold-starts
/// an environment, later ones reuse an idle warm one, each environment serves one invocation at a
/// time, and every environment is killed and reaped when the pool's scope ends.
///
/// ```swift
/// let result = try await ExecutionEnvironmentPool.withPool(settings) { pool in
///     try await pool.invoke(function, code: code, payload: Array("{}".utf8), requestID: id)
/// }
/// ```
public final class ExecutionEnvironmentPool: Sendable {
    /// What the pool needs from the account.
    public struct Settings: Sendable {
        public var region: String
        /// The account's virtual clock: the handler's `Date`, deadlines, log timestamps.
        public var clock: VirtualClock
        /// Log stream names, trace ids and fake credentials.
        public var ids: IDGenerator
        /// The host's PATH, searched for `node` and `python3`.
        public var hostPath: String?
        /// How timeouts wait (real time in interactive mode; injected so tests and the later
        /// deterministic mode can drive it).
        public var sleep: @Sendable (Duration) async throws -> Void
        /// Deterministic mode (DESIGN.md "Time"): handler timers on virtual time, jumping when
        /// nothing else is pending; the deadline virtual; REPORT numbers modelled
        /// (`ModelledCosts`) and the clock moved by them; `Math.random` seeded. Defaults to the
        /// clock's mode.
        public var deterministic: Bool
        /// Seeds `Math.random` and `crypto.randomUUID` in handlers (with the request id).
        public var seed: UInt64
        /// Process count, log output and polling (memory is each function's MemorySize).
        public var limits: SandboxLimits
        /// The DynamoDB endpoint the bundled SDKs call (`http://127.0.0.1:<port>`); nil when
        /// nothing serves one (a call then fails saying so).
        public var dynamoDBEndpoint: String?
        /// The credentials a new environment of `function` gets for its execution role (the
        /// account registers who they belong to, so its endpoints can authorise the calls).
        public var issueCredentials: @Sendable (FunctionConfiguration) -> LambdaCredentials

        public init(region: String, clock: VirtualClock, ids: IDGenerator,
                    hostPath: String? = ProcessInfo.processInfo.environment["PATH"],
                    sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
                    deterministic: Bool? = nil, seed: UInt64 = 0, limits: SandboxLimits = .lambda,
                    dynamoDBEndpoint: String? = nil, issueCredentials: (@Sendable (FunctionConfiguration) -> LambdaCredentials)? = nil) {
            self.region = region
            self.clock = clock
            self.ids = ids
            self.hostPath = hostPath
            self.sleep = sleep
            self.deterministic = deterministic ?? (clock.mode == .deterministic)
            self.seed = seed
            self.limits = limits
            self.dynamoDBEndpoint = dynamoDBEndpoint
            self.issueCredentials = issueCredentials ?? { _ in LambdaCredentials.draw(from: ids) }
        }
    }

    /// One environment's life, run by the pool's task group.
    struct Job: Sendable {
        let run: @Sendable () async -> Void
    }

    private struct State {
        var idle: [String: [ExecutionEnvironment]] = [:]
        var live: [ObjectIdentifier: ExecutionEnvironment] = [:]
        var closed = false
    }

    public let settings: Settings
    /// Each runtime family's launcher, located once per pool (Python's costs a `python3` run).
    private let launchers: Protected<[RuntimeLauncher.Family: Task<RuntimeLauncher, any Error>]> = Protected([:])
    private let spawner: AsyncStream<Job>.Continuation
    private let state = Protected(State())

    private init(settings: Settings, spawner: AsyncStream<Job>.Continuation) {
        self.settings = settings
        self.spawner = spawner
    }

    /// Runs `body` with a pool; every environment it started is killed and reaped before this
    /// returns, whether `body` returns or throws.
    public static func withPool<R>(_ settings: Settings, _ body: (ExecutionEnvironmentPool) async throws -> R) async throws -> R {
        let (jobs, spawner) = AsyncStream.makeStream(of: Job.self)
        let pool = ExecutionEnvironmentPool(settings: settings, spawner: spawner)
        return try await withThrowingDiscardingTaskGroup(returning: R.self) { group in
            group.addTask {
                await withDiscardingTaskGroup { environments in
                    for await job in jobs { environments.addTask { await job.run() } }
                }
            }
            group.addTask { await pool.watchResources() }
            do {
                let result = try await body(pool)
                await pool.shutdown()
                group.cancelAll()  // ends the resource watch; the environments are gone
                return result
            } catch {
                await pool.shutdown()
                group.cancelAll()
                throw error
            }
        }
    }

    /// Invokes `function` (RequestResponse) with `payload` under `requestID`. `code` is read only
    /// when an environment has to start: a warm one already runs it (the pool's key holds its hash).
    ///
    /// - Throws: `WorkbookError` for what the workbook does not simulate (a runtime other than
    ///   `nodejs*.x` or `python3.x`, a function without a runtime or handler) or cannot do (no
    ///   `node` or `python3`).
    public func invoke(_ function: FunctionConfiguration, code: @autoclosure () throws -> CodeArchive, payload: [UInt8],
                       requestID: String) async throws -> InvocationResult {
        let runtime = try Self.simulatedRuntime(of: function)
        let key = function.arn + "#" + function.revisionId + "#" + function.codeSha256
        let traceID = traceID()
        if let warm = await takeIdle(key, limit: .seconds(function.timeout)) {
            let outcome = await warm.invoke(requestID: requestID, payload: payload, traceID: traceID, initDuration: nil, sleep: settings.sleep)
            return await finish(outcome, on: warm, coldStart: false, prefix: [])
        }
        return try await coldInvoke(function, runtime: runtime, key: key, code: code, payload: payload,
                                    requestID: requestID, traceID: traceID)
    }

    /// Kills every environment and waits for all of them to be reaped.
    func shutdown() async {
        let environments = state.withLock { s -> [ExecutionEnvironment] in
            s.closed = true
            s.idle = [:]
            return Array(s.live.values)
        }
        spawner.finish()
        for environment in environments { await environment.dispose() }
    }

    // MARK: - Environments

    /// Starts an environment and runs the invocation in it. In the `init` phase (10 s, after
    /// INIT_START) a failed init is reported and Lambda starts the runtime again when the
    /// invocation runs (`Phase: invoke`, under the function's timeout); a second failure answers
    /// the invocation [I].
    private func coldInvoke(_ function: FunctionConfiguration, runtime: String, key: String, code: () throws -> CodeArchive,
                            payload: [UInt8], requestID: String, traceID: String,
                            phase: String = "init", logs earlier: [LambdaLogEvent] = []) async throws -> InvocationResult {
        let initPhase = phase == "init"
        let environment = try await start(function, runtime: runtime, key: key, code: code)
        var logs = earlier
        if initPhase {
            logs.append(LambdaLogEvent(timestamp: environment.startedAt,
                                       message: PlatformLogLines.initStart(runtime: runtime, region: settings.region)))
        }
        let limit: Duration = initPhase ? .seconds(10) : .seconds(function.timeout)
        switch await environment.awaitInit(requestID: requestID, limit: limit, sleep: settings.sleep) {
        case .ready(let initLogs, let initDuration):
            let outcome = await environment.invoke(requestID: requestID, payload: payload, traceID: traceID,
                                                   initDuration: initDuration, sleep: settings.sleep)
            return await finish(outcome, on: environment, coldStart: true, prefix: logs + initLogs)
        case .failed(let initLogs, let duration, let errorPayload, let errorType):
            let clock = settings.clock
            logs += initLogs
            logs.append(LambdaLogEvent(timestamp: clock.now(), message: PlatformLogLines.initReport(duration: duration, phase: phase, errorType: errorType)))
            guard !initPhase else {
                await discard(environment)
                return try await coldInvoke(function, runtime: runtime, key: key, code: code, payload: payload,
                                            requestID: requestID, traceID: traceID, phase: "invoke", logs: logs)
            }
            logs.append(LambdaLogEvent(timestamp: clock.now(), message: PlatformLogLines.start(requestID)))
            logs.append(LambdaLogEvent(timestamp: clock.now(), message: PlatformLogLines.end(requestID)))
            logs.append(LambdaLogEvent(timestamp: clock.now(), message: PlatformLogLines.report(
                requestID, duration: duration, initDuration: nil, memorySize: function.memorySize,
                maxMemoryUsed: environment.reportedMemoryMB(measured: environment.maxMemoryUsedMB()), status: .error(errorType))))
            let info = EnvironmentInfo(coldStart: true, logStreamName: environment.logStreamName, processID: environment.processID)
            await discard(environment)
            return InvocationResult(statusCode: 200, functionError: "Unhandled", payload: errorPayload, logs: logs, environment: info)
        }
    }

    private func start(_ function: FunctionConfiguration, runtime: String, key: String, code: () throws -> CodeArchive) async throws -> ExecutionEnvironment {
        let launcher = try await launcher(for: runtime)
        let environment = try await ExecutionEnvironment.prepare(key: key, function: function, runtime: runtime, code: try code(),
                                                                 settings: settings, launcher: launcher)
        let admitted = state.withLock { s -> Bool in
            guard !s.closed else { return false }
            s.live[ObjectIdentifier(environment)] = environment
            return true
        }
        guard admitted, case .enqueued = spawner.yield(Job(run: { await environment.run() })) else {
            await environment.dispose()
            throw WorkbookError(LocalizedText(en: "the Lambda execution environments were already shut down for this command"))
        }
        return environment
    }

    private func finish(_ outcome: InvokeOutcome, on environment: ExecutionEnvironment, coldStart: Bool,
                        prefix: [LambdaLogEvent]) async -> InvocationResult {
        let info = EnvironmentInfo(coldStart: coldStart, logStreamName: environment.logStreamName, processID: environment.processID)
        if outcome.reusable {
            state.withLock { s in if !s.closed { s.idle[environment.key, default: []].append(environment) } }
        } else {
            await discard(environment)
        }
        return InvocationResult(statusCode: 200, functionError: outcome.functionError, payload: outcome.payload,
                                logs: prefix + outcome.logs, environment: info)
    }

    /// A warm environment for `key` once it asks for its next invocation; nil when none is left.
    private func takeIdle(_ key: String, limit: Duration) async -> ExecutionEnvironment? {
        while let candidate = state.withLock({ s in s.idle[key]?.popLast() }) {
            // The usual warm case: the runtime already asks for its next invocation, so no
            // timer task is needed to bound the wait.
            if await candidate.channel.isIdle { return candidate }
            await withTaskGroup(of: Void.self) { group in
                group.addTask { [sleep = settings.sleep] in
                    do {
                        try await sleep(limit)
                        await candidate.channel.wakeSettled()
                    } catch {
                        // Settled first.
                    }
                }
                await candidate.channel.awaitSettled()
                group.cancelAll()
            }
            if await candidate.channel.isIdle { return candidate }
            await discard(candidate)
        }
        return nil
    }

    /// Measures every live environment's processes every `limits.pollInterval` until cancelled
    /// (ExecutionEnvironment+Limits.swift): each runtime's process tree at every poll, and once in
    /// `fullScanEvery` polls a pass over all of /proc for the group members the tree no longer
    /// holds (orphans of a fork bomb).
    private func watchResources() async {
        let fullScanEvery = 10
        var poll = 0
        while true {
            do { try await settings.sleep(settings.limits.pollInterval) } catch { return }
            poll += 1
            let environments = state.withLock { Array($0.live.values) }.filter { $0.processID > 0 }
            let members = poll % fullScanEvery == 0 ? ProcessTable.members(of: Set(environments.map(\.processGroup))) : [:]
            for environment in environments {
                environment.observe(ProcessTable.sample(root: environment.processID, alsoMembers: members[environment.processGroup] ?? []))
            }
        }
    }

    private func discard(_ environment: ExecutionEnvironment) async {
        await environment.dispose()
        _ = state.withLock { s in s.live.removeValue(forKey: ObjectIdentifier(environment)) }
    }

    /// The launcher of `runtime`'s family: environments starting at once share one lookup; a
    /// failed one is forgotten, so a later start tries again.
    private func launcher(for runtime: String) async throws -> RuntimeLauncher {
        // `simulatedRuntime` turned other runtimes away before any environment was asked for.
        guard let family = RuntimeLauncher.Family(runtime: runtime) else {
            throw WorkbookError.notSimulated("Running the \(runtime) runtime", at: nil)
        }
        let hostPath = settings.hostPath
        let lookup = launchers.withLock { lookups in
            if let running = lookups[family] { return running }
            let started = Task { () async throws -> RuntimeLauncher in
                switch family {
                case .node: .node(try NodeLauncher.locate(hostPath: hostPath))
                case .python: .python(try await PythonLauncher.locate(hostPath: hostPath))
                }
            }
            lookups[family] = started
            return started
        }
        do {
            return try await lookup.value
        } catch {
            launchers.withLock { if $0[family] == lookup { $0[family] = nil } }
            throw error
        }
    }

    /// `Root=1-<8 hex seconds>-<24 hex>;Parent=<16 hex>;Sampled=0`, X-Ray's format.
    private func traceID() -> String {
        let seconds = String(settings.clock.now() / 1000, radix: 16).leftPadded(to: 8)
        return "Root=1-\(seconds)-\(settings.ids.hex(24));Parent=\(settings.ids.hex(16));Sampled=0"
    }

    /// The runtime, if the workbook runs it; names what it does not.
    static func simulatedRuntime(of function: FunctionConfiguration) throws -> String {
        guard let runtime = function.runtime else {
            throw WorkbookError.notSimulated("Invoking a function without a runtime (container image \(function.name))", at: nil)
        }
        guard RuntimeLauncher.Family(runtime: runtime) != nil else {
            throw WorkbookError.notSimulated("Invoking the \(runtime) runtime (function \(function.name))", at: nil)
        }
        guard function.handler != nil else {
            throw WorkbookError(LocalizedText(en: "function \(function.name) has no Handler: a \(runtime) function needs one"))
        }
        return runtime
    }
}
