import SimKit

/// The runtime process's output as it arrives, drained invocation by invocation.
///
/// Log order is stable because an invocation's lines are taken only up to the marker the
/// bootstrap writes right before posting the result (DESIGN.md "Architecture"): what the
/// handler logged is in, whatever its timers log later belongs to the next invocation.
actor ChildOutputLog {
    private var parser = ChildOutputParser()
    private var items: [ChildOutputItem] = []
    private var finished = false
    private var waiters: [(marker: String, continuation: CheckedContinuation<Void, Never>)] = []

    /// New bytes from the process.
    func append(_ bytes: [UInt8], now: EpochMillis) {
        items += parser.feed(bytes, now: now)
        wakeWaiters()
    }

    /// The process's output is closed (it exited, or its group was killed).
    func finish(now: EpochMillis) {
        items += parser.finish(now: now)
        finished = true
        wakeWaiters()
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
