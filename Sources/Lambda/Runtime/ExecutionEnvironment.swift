import Foundation
import SimKit
import Subprocess

/// One Lambda execution environment: a runtime process in its own process group, its Runtime
/// API server, and the function's code in a temporary folder shown to it as /var/task.
///
/// `run()` is the environment's whole life and runs as a child task of the pool's task group
/// (STYLE.md rule 10); `dispose()` kills the process group and waits until the process is
/// reaped, the server stopped and the folder removed.
final class ExecutionEnvironment: Sendable {
    let key: String
    let function: FunctionConfiguration
    let logStreamName: String
    let channel: RuntimeAPIChannel
    let output: ChildOutputLog
    let clock: VirtualClock
    /// Deterministic mode (ExecutionEnvironmentPool.Settings).
    let deterministic: Bool
    let limits: SandboxLimits
    /// The virtual instant the environment was started (INIT_START).
    let startedAt: EpochMillis
    /// When it was started, for Init Duration.
    let startedInstant = ContinuousClock.now
    private let server: LoopbackHTTPServer
    private let configuration: Configuration
    private let workFolder: String
    /// The process id (= its process group id) once spawned; -1 once reaped.
    private let process = Protected<(pid: Int32, killRequested: Bool)>((0, false))
    /// The last `VmHWM` read (kB) and when (`maxMemoryUsedMB`).
    private let peakReading = Protected<(at: ContinuousClock.Instant, kB: Int)?>(nil)
    /// What the resource watch saw and did (ExecutionEnvironment+Limits.swift).
    let watch = Protected<(peakResidentBytes: Int, killedFor: ResourceKill?)>((0, nil))
    /// The process group id, kept once the runtime is reaped (its orphans may remain).
    let groupID = Protected<Int32>(0)

    private init(key: String, function: FunctionConfiguration, logStreamName: String, settings: ExecutionEnvironmentPool.Settings,
                 server: LoopbackHTTPServer, configuration: Configuration, workFolder: String, channel: RuntimeAPIChannel) {
        self.key = key
        self.function = function
        self.logStreamName = logStreamName
        self.clock = settings.clock
        self.deterministic = settings.deterministic
        self.limits = settings.limits
        self.output = ChildOutputLog(byteLimit: settings.limits.logBytesPerInvocation)
        self.startedAt = settings.clock.now()
        self.server = server
        self.configuration = configuration
        self.workFolder = workFolder
        self.channel = channel
    }

    /// Extracts the code, binds the Runtime API server and prepares the command; `run()` starts it.
    static func prepare(key: String, function: FunctionConfiguration, runtime: String, code: CodeArchive,
                        settings: ExecutionEnvironmentPool.Settings, launcher: RuntimeLauncher) async throws -> ExecutionEnvironment {
        let workFolder = try makeWorkFolder()
        let taskRoot = workFolder + "/task"
        let bundledModules: String
        do {
            try FileManager.default.createDirectory(atPath: taskRoot, withIntermediateDirectories: true)
            try code.extract(to: taskRoot)
            bundledModules = try launcher.prepare(workFolder: workFolder, runtime: runtime)
        } catch {
            try? FileManager.default.removeItem(atPath: workFolder)
            throw error
        }
        let channel = RuntimeAPIChannel()
        let server: LoopbackHTTPServer
        do {
            server = try await LoopbackHTTPServer.bind(port: 0) { request in
                await RuntimeAPIServer.handle(request, channel: channel)
            }
        } catch {
            try? FileManager.default.removeItem(atPath: workFolder)
            throw error
        }
        let ids = settings.ids
        let now = settings.clock.now()
        let streamName = TimeFormat.date(now).replacingOccurrences(of: "-", with: "/") + "/[$LATEST]" + ids.hex(32)
        let sandbox = SandboxEnvironment(
            function: function, runtime: runtime, region: settings.region, logStreamName: streamName,
            runtimeAPI: "\(LoopbackHTTPServer.host):\(server.port)",
            credentials: settings.issueCredentials(function), dynamoDBEndpoint: settings.dynamoDBEndpoint,
            taskRoot: taskRoot, runtimeDir: launcher.runtimeDir, bundledModules: bundledModules,
            virtualTime: now,
            deterministic: settings.deterministic, seed: settings.seed)
        var options = PlatformOptions()
        // Its own process group, so a timeout kills the handler's children too.
        options.processGroupID = 0
        let environment = Dictionary(uniqueKeysWithValues: sandbox.variables().compactMap { key, value in
            Environment.Key(rawValue: key).map { ($0, value) }
        })
        let configuration = Configuration(
            executable: .path(.init(launcher.executable)), arguments: Arguments(launcher.arguments(memorySize: function.memorySize)),
            environment: .custom(environment), workingDirectory: .init(taskRoot), platformOptions: options)
        return ExecutionEnvironment(key: key, function: function, logStreamName: streamName, settings: settings,
                                    server: server, configuration: configuration, workFolder: workFolder, channel: channel)
    }

    /// `<scratch space>/workbook-lambda-XXXXXX` (/dev/shm when it has room), resolved (so the paths rewritten to /var/task match).
    private static func makeWorkFolder() throws -> String {
        var template = Array((ScratchSpace.base + "/workbook-lambda-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template), let real = realpath(made, nil) else {
            throw WorkbookError(LocalizedText(en: "cannot create a temporary folder for the function's code: \(String(cString: strerror(errno)))"))
        }
        defer { free(real) }
        return String(cString: real)
    }
}

// MARK: - Life of the process

extension ExecutionEnvironment {
    /// Serves the Runtime API and runs the process until it exits or its group is killed; then
    /// stops the server and removes the code folder.
    func run() async {
        await withDiscardingTaskGroup { group in
            group.addTask { [server] in try? await server.run() }
            let exit = await runProcess()
            // A grandchild the handler left behind (`sleep 300 &`) outlives the runtime in its
            // process group: nothing of the environment survives it.
            ProcessTable.killMembers(of: processGroup)
            await channel.post(.exited(exit))
            await channel.close()
            group.cancelAll()
        }
        try? FileManager.default.removeItem(atPath: workFolder)
        await channel.markTerminated()
    }

    private func runProcess() async -> RuntimeExit {
        do {
            let result = try await withTaskCancellationHandler {
                try await Subprocess.run(configuration, input: .none, output: .sequence, error: .combinedWithOutput) { execution in
                    spawned(execution.processIdentifier.value)
                    do {
                        for try await chunk in execution.standardOutput {
                            await output.append(chunk.withUnsafeBytes { Array($0) }, now: clock.now())
                        }
                    } catch {
                        // The pipe failed: treat as closed; the exit status tells the rest.
                    }
                    await output.finish(now: clock.now())
                }
            } onCancel: {
                killGroup()
            }
            process.withLock { $0.pid = -1 }
            switch result.terminationStatus {
            case .exited(let code): return .exited(code)
            case .signaled(let signal): return .signaled(signal)
            }
        } catch {
            process.withLock { $0.pid = -1 }
            await output.finish(now: clock.now())
            return .failedToStart(String(describing: error))
        }
    }

    private func spawned(_ pid: Int32) {
        groupID.withLock { $0 = pid }
        let killNow = process.withLock { state -> Bool in
            state.pid = pid
            return state.killRequested
        }
        if killNow { killGroup() }
    }

    /// The runtime process, 0 before it started.
    var processID: Int32 { max(0, process.withLock { $0.pid }) }

    /// SIGKILL to the whole process group (the runtime and anything the handler started).
    func killGroup() {
        process.withLock { state in
            state.killRequested = true
            // Never 0 (that would be our own group) nor a reaped pid that may be reused.
            if state.pid > 0 { _ = kill(-state.pid, SIGKILL) }
        }
    }

    /// Kills the environment and waits until its process is reaped and its server stopped.
    func dispose() async {
        killGroup()
        await channel.close()
        await channel.awaitTermination()
    }

    /// Peak resident memory in MB: the runtime process's own peak (Linux `VmHWM`) or the process
    /// group's largest sum seen by the resource watch, whichever is larger; 0 when unknown.
    ///
    /// `VmHWM` is read at most every 50 ms: warm invocations can run thousands of times a second,
    /// and the kernel builds the whole status file for each read.
    func maxMemoryUsedMB() -> Int {
        let watched = watch.withLock { $0.peakResidentBytes }
        let pid = processID
        let now = ContinuousClock.now
        let peakKB = peakReading.withLock { reading -> Int? in
            if let last = reading, now - last.at < .milliseconds(50) { return last.kB }
            guard pid > 0, let kB = ProcessTable.peakResidentKB(of: pid) else { return nil }
            reading = (now, kB)
            return kB
        }
        return (max((peakKB ?? 0) * 1024, watched) + (1 << 20) - 1) >> 20
    }
}
