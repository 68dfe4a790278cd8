import Foundation
import SimKit

/// Why the resource watch killed an environment's process group.
enum ResourceKill: Sendable, Equatable {
    /// The environment's resident memory passed the function's MemorySize.
    case memory
    /// It ran more processes than `SandboxLimits.maxProcesses` (a fork bomb).
    case processes
}

extension ExecutionEnvironment {
    /// The runtime's process group id, 0 before it started.
    var processGroup: Int32 { groupID.withLock { $0 } }

    /// Why the watch killed the group, if it did.
    var killedFor: ResourceKill? { watch.withLock { $0.killedFor } }

    /// Takes one measurement of the environment's processes (ExecutionEnvironmentPool's resource
    /// watch) and kills them when they use more memory than MemorySize or are too many.
    ///
    /// Memory is the processes' resident memory (Node's heap is already bounded by
    /// `--max-old-space-size`; Buffers, native memory and child processes are not), checked by
    /// polling rather than `RLIMIT_AS`, which stops V8 from starting (DESIGN.md).
    func observe(_ sample: ProcessGroupSample) {
        guard processID > 0 else { return }
        // A fork bomb's processes also fill memory: the count names the cause.
        let reason: ResourceKill? = sample.pids.count > limits.maxProcesses ? .processes
            : sample.residentBytes > function.memorySize << 20 ? .memory : nil
        watch.withLock { state in
            state.peakResidentBytes = max(state.peakResidentBytes, sample.residentBytes)
            if state.killedFor == nil { state.killedFor = reason }
        }
        guard reason != nil else { return }
        killGroup()
        // Descendants that left the group (`detached: true` starts a session of its own).
        for pid in sample.pids where pid != processID { _ = kill(pid, SIGKILL) }
    }

    /// REPORT's Max Memory Used: MemorySize after a kill for memory (as Lambda's REPORT shows),
    /// else modelled (deterministic mode) or `measured`.
    func reportedMemoryMB(measured: @autoclosure () -> Int) -> Int {
        if killedFor == .memory { return function.memorySize }
        return deterministic ? ModelledCosts.memoryUsed(memorySize: function.memorySize) : measured()
    }

    /// What an invocation answers when the runtime ended (reference/aws-behavior.md §2.2): Lambda's
    /// words for the exit, typed `Runtime.OutOfMemory` when the watch killed it for memory.
    ///
    /// The memory case: Lambda has reported the same event as
    /// `{"errorType":"Runtime.ExitError","errorMessage":"RequestId: <id> Error: Runtime exited with
    /// error: signal: killed"}` (2019: https://github.com/doug-macleod/Pipe-1Dev/issues/18) and,
    /// more recently, REPORT lines ending `Status: error\tError Type: Runtime.OutOfMemory`
    /// (2026: https://github.com/nasa-gcn/gcn.nasa.gov/pull/3628). The payload's errorType
    /// `Runtime.OutOfMemory` with the same message is inferred from the REPORT [I].
    func exitError(_ reason: RuntimeExit, requestID: String) -> (payload: [UInt8], errorType: String) {
        let errorType = killedFor == .memory ? "Runtime.OutOfMemory" : "Runtime.ExitError"
        return (Self.errorJSON(errorType, "RequestId: \(requestID) Error: \(reason.lambdaText)"), errorType)
    }
}
