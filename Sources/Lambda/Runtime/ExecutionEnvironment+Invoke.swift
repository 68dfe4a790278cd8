import Foundation
import SimKit

/// How an environment's init ended.
enum InitOutcome {
    /// The runtime asked for its first invocation.
    case ready(logs: [LambdaLogEvent], duration: Double)
    /// It posted /init/error, exited or ran out of time: the error JSON and its type.
    case failed(logs: [LambdaLogEvent], duration: Double, payload: [UInt8], errorType: String)
}

/// What one invocation on a ready environment gave.
struct InvokeOutcome {
    var payload: [UInt8]
    var functionError: String?
    var logs: [LambdaLogEvent]
    /// Whether the environment may serve another invocation.
    var reusable: Bool
}

extension ExecutionEnvironment {
    /// Waits for init to end (the first `/next`, `/init/error`, or the process's end), at most `limit`
    /// (virtual in deterministic mode, where the clock then moves by the modelled Init Duration).
    func awaitInit(requestID: String, limit: Duration, sleep: @escaping @Sendable (Duration) async throws -> Void) async -> InitOutcome {
        let event = await race(wallLimit(limit), id: "init", sleep: sleep) { [channel] in await channel.nextEvent() }
        let measured = elapsedMillis(since: startedInstant)
        switch event {
        case .ready:
            let logs = await output.drain(through: "init")
            return .ready(logs: logs, duration: await initDuration(measured: measured, limitHit: nil))
        case .initError(let body, let type):
            let logs = await output.drain(through: "init")
            return .failed(logs: logs, duration: await initDuration(measured: measured, limitHit: nil),
                           payload: body, errorType: type ?? "Runtime.Unknown")
        case .exited(let reason):
            let logs = await output.drainRemaining()
            let error = exitError(reason, requestID: requestID)
            return .failed(logs: logs, duration: await initDuration(measured: measured, limitHit: nil),
                           payload: error.payload, errorType: error.errorType)
        default:
            // Lambda limits init to 10 s [D]; the text of a timed-out init is [I].
            killGroup()
            let logs = await output.drainRemaining()
            return .failed(logs: logs, duration: await initDuration(measured: measured, limitHit: limit),
                           payload: Self.timedOut(requestID, seconds: Double(limit.components.seconds)), errorType: "Sandbox.Timedout")
        }
    }

    /// Init Duration: measured, or in deterministic mode modelled (`ModelledCosts`) and added to
    /// the clock so that START follows init.
    private func initDuration(measured: Double, limitHit: Duration?) async -> Double {
        guard deterministic else { return measured }
        let virtualMillis: EpochMillis
        if let limitHit {
            virtualMillis = EpochMillis(limitHit.components.seconds) * 1000
        } else {
            virtualMillis = max(0, (await output.latestVirtualTime ?? startedAt) - startedAt) + ModelledCosts.initMillis
        }
        clock.advance(by: virtualMillis)
        return Double(virtualMillis)
    }

    /// How long in real time a phase limited to `limit` may take: the limit itself, or in
    /// deterministic mode (where the limit is on the virtual clock, enforced by the bootstrap's
    /// idle report) a guard for handlers that wait on real work.
    private func wallLimit(_ limit: Duration) -> Duration {
        deterministic ? max(limit, limits.deterministicWallLimit) : limit
    }

    /// Lambda's timeout payload (reference §2.2, current form).
    static func timedOut(_ requestID: String, seconds: Double) -> [UInt8] {
        errorJSON("Sandbox.Timedout", "RequestId: \(requestID) Error: Task timed out after \(String(format: "%.2f", seconds)) seconds")
    }

    /// Runs one invocation on this (ready) environment, START to REPORT.
    func invoke(requestID: String, payload: [UInt8], traceID: String, initDuration: Double?,
                sleep: @escaping @Sendable (Duration) async throws -> Void) async -> InvokeOutcome {
        let virtualStart = clock.now()
        var logs = [LambdaLogEvent(timestamp: virtualStart, message: PlatformLogLines.start(requestID))]
        let began = ContinuousClock.now
        await channel.enqueue(RuntimeInvocation(
            requestID: requestID, payload: payload, deadlineMillis: virtualStart + EpochMillis(function.timeout) * 1000,
            invokedFunctionArn: function.arn, traceID: traceID, virtualTime: virtualStart))
        let event = await race(wallLimit(.seconds(function.timeout)), id: requestID, sleep: sleep) { [channel] in
            while true {
                let event = await channel.nextEvent()
                switch event {
                case .response(requestID, _), .functionError(requestID, _, _), .exited, .timedOut(requestID), .idle(requestID): return event
                default: continue  // a late timer or result of an earlier invocation
                }
            }
        }
        var outcome: InvokeOutcome
        var status: ReportStatus?
        // Taken when the invocation ends (not after END), and only where REPORT shows a measurement.
        let measuredMemory = deterministic ? 0 : maxMemoryUsedMB()
        switch event {
        case .response(_, let body):
            logs += await output.drain(through: requestID)
            outcome = Self.sizeChecked(body, logs: logs)
        case .functionError(_, let body, _):
            logs += await output.drain(through: requestID)
            outcome = InvokeOutcome(payload: body, functionError: "Unhandled", logs: logs, reusable: true)
        case .exited(let reason):
            logs += await output.drainRemaining()
            let error = exitError(reason, requestID: requestID)
            status = .error(error.errorType)
            outcome = InvokeOutcome(payload: error.payload, functionError: "Unhandled", logs: logs, reusable: false)
        default:
            killGroup()
            logs += await output.drainRemaining()
            status = .timeout
            outcome = InvokeOutcome(payload: Self.timedOut(requestID, seconds: Double(function.timeout)),
                                    functionError: "Unhandled", logs: logs, reusable: false)
        }
        let duration = await invokeDuration(since: began, virtualStart: virtualStart, timedOut: status == .timeout)
        let memory = reportedMemoryMB(measured: measuredMemory)
        outcome.logs.append(LambdaLogEvent(timestamp: clock.now(), message: PlatformLogLines.end(requestID)))
        outcome.logs.append(LambdaLogEvent(timestamp: clock.now(), message: PlatformLogLines.report(
            requestID, duration: duration, initDuration: initDuration, memorySize: function.memorySize,
            maxMemoryUsed: memory, status: status)))
        return outcome
    }

    /// Duration: measured, or in deterministic mode the virtual time the handler reached plus the
    /// modelled overhead (exactly the Timeout on a timeout), added to the clock so END follows it.
    private func invokeDuration(since began: ContinuousClock.Instant, virtualStart: EpochMillis, timedOut: Bool) async -> Double {
        guard deterministic else { return elapsedMillis(since: began) }
        let millis = timedOut ? EpochMillis(function.timeout) * 1000
            : max(0, (await output.latestVirtualTime ?? virtualStart) - virtualStart) + ModelledCosts.invokeOverheadMillis
        clock.advance(by: millis)
        return Double(millis)
    }

    /// Waits for `wait`, or posts `.timedOut(id)` after `limit` so the wait ends with it.
    private func race(_ limit: Duration, id: String, sleep: @escaping @Sendable (Duration) async throws -> Void,
                      _ wait: @escaping @Sendable () async -> RuntimeEvent) async -> RuntimeEvent {
        await withTaskGroup(of: Void.self, returning: RuntimeEvent.self) { [channel] group in
            group.addTask {
                do {
                    try await sleep(limit)
                    await channel.post(.timedOut(id))
                } catch {
                    // Cancelled: the wait ended first.
                }
            }
            let event = await wait()
            group.cancelAll()
            return event
        }
    }

    /// Lambda's 6 MB response limit (reference/aws-behavior.md §2.1).
    private static func sizeChecked(_ body: [UInt8], logs: [LambdaLogEvent]) -> InvokeOutcome {
        guard body.count > 6_291_556 else { return InvokeOutcome(payload: body, functionError: nil, logs: logs, reusable: true) }
        let text = #"{"errorMessage":"Response payload size exceeded maximum allowed payload size (6291556 bytes).","errorType":"Function.ResponseSizeTooLarge"}"#
        return InvokeOutcome(payload: Array(text.utf8), functionError: "Unhandled", logs: logs, reusable: true)
    }

    /// `{"errorType":…,"errorMessage":…}`, the shape of Lambda's own errors.
    static func errorJSON(_ type: String, _ message: String) -> [UInt8] {
        Array(JSON.object(["errorType": .string(type), "errorMessage": .string(message)]).serialized().utf8)
    }

    private func elapsedMillis(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
    }
}
