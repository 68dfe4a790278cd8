import SimKit

/// One line of a function's log group `/aws/lambda/<name>`, in the order Lambda writes it.
public struct LambdaLogEvent: Sendable, Equatable, CustomStringConvertible {
    /// The virtual instant of the line.
    public var timestamp: EpochMillis
    /// The text (a console event keeps its embedded newlines; no trailing newline).
    public var message: String

    public init(timestamp: EpochMillis, message: String) {
        self.timestamp = timestamp
        self.message = message
    }

    public var description: String { message }
}

/// What a RequestResponse invocation returned (reference/aws-behavior.md §2.1).
public struct InvocationResult: Sendable {
    /// 200 for every invocation that reached the function, errors included.
    public var statusCode: Int
    /// `Unhandled` when the function failed (thrown error, init error, timeout, exit), else nil.
    public var functionError: String?
    /// The response bytes: the handler's result as JSON, or the error JSON.
    public var payload: [UInt8]
    /// The lines for `/aws/lambda/<name>`: INIT_START on a cold start, START, the function's own
    /// lines, END, REPORT.
    public var logs: [LambdaLogEvent]
    /// The execution environment that served the invocation.
    public var environment: EnvironmentInfo

    /// The payload as UTF-8 text.
    public var payloadText: String { String(decoding: payload, as: UTF8.self) }
}

/// Which execution environment served an invocation; traces name cold and warm starts by it.
public struct EnvironmentInfo: Sendable, Equatable {
    /// Whether this invocation started the environment (INIT_START).
    public var coldStart: Bool
    /// The log stream of the environment, `YYYY/MM/DD/[$LATEST]<32 hex>`.
    public var logStreamName: String
    /// The runtime process (the leader of its process group), 0 if it never started.
    public var processID: Int32
}
