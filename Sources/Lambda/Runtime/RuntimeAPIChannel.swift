import SimKit

/// One invocation handed to the runtime on `GET /2018-06-01/runtime/invocation/next`.
struct RuntimeInvocation: Sendable {
    var requestID: String
    var payload: [UInt8]
    /// `Lambda-Runtime-Deadline-Ms`, on the virtual clock (the handler's `Date` is virtual too,
    /// so `getRemainingTimeInMillis()` agrees).
    var deadlineMillis: EpochMillis
    var invokedFunctionArn: String
    var traceID: String
    /// The virtual instant at invocation start (header `Workbook-Virtual-Time-Ms`).
    var virtualTime: EpochMillis
}

/// Why a runtime process ended.
enum RuntimeExit: Sendable, Equatable {
    case exited(Int32)
    case signaled(Int32)
    case failedToStart(String)

    /// Lambda's words for it (its Go runtime's `ProcessState`): `exit status 1`, `signal: killed`.
    var lambdaText: String {
        switch self {
        case .exited(0), .failedToStart: "Runtime exited without providing a reason"
        case .exited(let code): "Runtime exited with error: exit status \(code)"
        case .signaled(let signal): "Runtime exited with error: signal: \(Self.signalName(signal))"
        }
    }

    private static func signalName(_ signal: Int32) -> String {
        switch signal {
        case 9: "killed"
        case 15: "terminated"
        case 11: "segmentation fault"
        case 6: "aborted"
        case 2: "interrupt"
        default: "signal \(signal)"
        }
    }
}

/// What the environment's owner waits for.
enum RuntimeEvent: Sendable, Equatable {
    /// The runtime asked for its first invocation: init succeeded.
    case ready
    case initError(body: [UInt8], errorType: String?)
    case response(requestID: String, body: [UInt8])
    case functionError(requestID: String, body: [UInt8], errorType: String?)
    case exited(RuntimeExit)
    /// The timer of this invocation (or `init`) fired.
    case timedOut(String)
    /// Deterministic mode: nothing can happen in this invocation (or `init`) before its virtual
    /// deadline (virtual-timers.mjs): it times out at the deadline, with no real wait.
    case idle(String)
}

/// The meeting point of the Runtime API server (the runtime's side) and the execution
/// environment (the invoker's side). One invocation at a time.
actor RuntimeAPIChannel {
    private var queued: [RuntimeInvocation] = []
    private var nextWaiter: CheckedContinuation<RuntimeInvocation?, Never>?
    private var inFlight: String?
    private var askedForNext = false
    private var closed = false
    private var exit: RuntimeExit?
    private var events: [RuntimeEvent] = []
    private var eventWaiter: CheckedContinuation<RuntimeEvent, Never>?
    private var settleWaiters: [CheckedContinuation<Void, Never>] = []
    private var terminated = false
    private var terminationWaiters: [CheckedContinuation<Void, Never>] = []

    // MARK: The runtime's side (HTTP handlers)

    /// `GET …/invocation/next`: waits for an invocation; nil once the environment is closing.
    func next() async -> RuntimeInvocation? {
        if !askedForNext {
            askedForNext = true
            post(.ready)
        }
        inFlight = nil
        if closed { return nil }
        if !queued.isEmpty { return take(queued.removeFirst()) }
        let invocation = await withCheckedContinuation {
            nextWaiter = $0
            wakeSettled()
        }
        return invocation.map(take)
    }

    private func take(_ invocation: RuntimeInvocation) -> RuntimeInvocation {
        inFlight = invocation.requestID
        return invocation
    }

    /// `POST …/invocation/{id}/response` or `/error`; false for an id not in flight.
    func complete(_ requestID: String, body: [UInt8], error: Bool, errorType: String?) -> Bool {
        guard inFlight == requestID else { return false }
        inFlight = nil
        post(error ? .functionError(requestID: requestID, body: body, errorType: errorType) : .response(requestID: requestID, body: body))
        return true
    }

    /// `POST /workbook/idle/{id}` (the workbook's own path, deterministic mode).
    func idle(_ name: String) {
        guard name == inFlight || (name == "init" && !askedForNext) else { return }
        post(.idle(name))
    }

    /// `POST …/init/error`.
    func initError(body: [UInt8], errorType: String?) {
        post(.initError(body: body, errorType: errorType))
    }

    // MARK: The invoker's side

    /// Hands an invocation to the runtime (now, or at its next `/next`).
    func enqueue(_ invocation: RuntimeInvocation) {
        if let waiter = nextWaiter {
            nextWaiter = nil
            waiter.resume(returning: take(invocation))
        } else {
            queued.append(invocation)
        }
    }

    /// The next event, in the order they happened.
    func nextEvent() async -> RuntimeEvent {
        if !events.isEmpty { return events.removeFirst() }
        return await withCheckedContinuation { eventWaiter = $0 }
    }

    /// Adds an event (the process ended, the timeout fired).
    func post(_ event: RuntimeEvent) {
        if case .exited(let reason) = event {
            exit = reason
            wakeSettled()
        }
        if let waiter = eventWaiter {
            eventWaiter = nil
            waiter.resume(returning: event)
        } else {
            events.append(event)
        }
    }

    /// Whether the runtime waits on `/next` with nothing queued and its process lives: the
    /// environment can take an invocation.
    var isIdle: Bool { nextWaiter != nil && exit == nil && !closed && events.isEmpty }

    /// Whether the process has ended.

    /// Ends a pending `/next` so the server can stop.
    func close() {
        closed = true
        wakeSettled()
        nextWaiter?.resume(returning: nil)
        nextWaiter = nil
    }

    /// Waits until the runtime waits on `/next` again or its process has ended (or `wakeSettled`
    /// is called when the caller stops waiting): a warm environment is reused only then.
    func awaitSettled() async {
        if nextWaiter != nil || exit != nil || closed { return }
        await withCheckedContinuation { settleWaiters.append($0) }
    }

    /// Releases every `awaitSettled`.
    func wakeSettled() {
        for waiter in settleWaiters { waiter.resume() }
        settleWaiters = []
    }

    /// The environment's task has finished: process reaped, server stopped.
    func markTerminated() {
        terminated = true
        for waiter in terminationWaiters { waiter.resume() }
        terminationWaiters = []
    }

    /// Waits until `markTerminated`.
    func awaitTermination() async {
        if terminated { return }
        await withCheckedContinuation { terminationWaiters.append($0) }
    }
}
