import SimKit

/// The runtime process's output as it arrives, drained invocation by invocation.
///
/// Log order is stable because an invocation's lines are taken only up to the marker the
/// bootstrap writes right before posting the result (DESIGN.md "Architecture"): what the
/// handler logged is in, whatever its timers log later belongs to the next invocation.
///
/// A handler that prints without end must neither fill the workbook's memory nor stall: the
/// output is always read, and past `byteLimit` bytes of messages in one phase (init, or an
/// invocation and what came before it) further events are dropped, with one line saying so.
actor ChildOutputLog {
    private var parser = ChildOutputParser()
    private var items: [ChildOutputItem] = []
    private var finished = false
    private var waiters: [(marker: String, continuation: CheckedContinuation<Void, Never>)] = []
    private let byteLimit: Int
    private var phaseBytes = 0
    private var dropping = false

    init(byteLimit: Int = SandboxLimits.lambda.logBytesPerInvocation) {
        self.byteLimit = byteLimit
    }

    /// The line that replaces what is dropped: not Lambda's (Lambda keeps every line), the workbook's.
    static func droppedNotice(limit: Int) -> String {
        "[workbook] This invocation wrote more than \(limit) bytes of log output, the workbook's limit per invocation; the rest of its output was dropped."
    }

    /// New bytes from the process.
    func append(_ bytes: [UInt8], now: EpochMillis) {
        for item in parser.feed(bytes, now: now) { admit(item) }
        wakeWaiters()
    }

    /// The process's output is closed (it exited, or its group was killed).
    func finish(now: EpochMillis) {
        for item in parser.finish(now: now) { admit(item) }
        finished = true
        wakeWaiters()
    }

    /// The latest virtual instant the bootstrap stamped on its output (deterministic mode: how far
    /// the handler's timers moved its clock).
    var latestVirtualTime: EpochMillis? { parser.latestFrameTime }

    private func admit(_ item: ChildOutputItem) {
        guard case .event(let event) = item else {
            phaseBytes = 0
            dropping = false
            items.append(item)
            return
        }
        phaseBytes += event.message.utf8.count
        guard phaseBytes > byteLimit else { return items.append(item) }
        if !dropping {
            dropping = true
            items.append(.event(LambdaLogEvent(timestamp: event.timestamp, message: Self.droppedNotice(limit: byteLimit))))
        }
    }

    /// The events before `marker` (waiting for it, or for the end of the output), removed from
    /// the log along with the marker. Markers of other invocations are dropped.
    func drain(through marker: String) async -> [LambdaLogEvent] {
        if !finished, !contains(marker) {
            await withCheckedContinuation { waiters.append((marker, $0)) }
        }
        let end = items.firstIndex(of: .marker(marker)).map { $0 + 1 } ?? items.count
        let taken = items[..<end]
        items.removeFirst(end)
        return taken.compactMap { if case .event(let event) = $0 { event } else { nil } }
    }

    /// Everything left, once the output is closed.
    func drainRemaining() async -> [LambdaLogEvent] {
        if !finished { await withCheckedContinuation { waiters.append(("", $0)) } }
        let taken = items
        items = []
        return taken.compactMap { if case .event(let event) = $0 { event } else { nil } }
    }

    private func contains(_ marker: String) -> Bool { items.contains(.marker(marker)) }

    private func wakeWaiters() {
        waiters.removeAll { waiter in
            guard finished || (!waiter.marker.isEmpty && contains(waiter.marker)) else { return false }
            waiter.continuation.resume()
            return true
        }
    }
}
