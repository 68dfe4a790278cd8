import SimKit

/// Invoke's `InvocationType`.
public enum InvocationType: String, Sendable, CaseIterable {
    case requestResponse = "RequestResponse"
    case event = "Event"
    case dryRun = "DryRun"
}

/// One Invoke request, as the API takes it.
public struct LambdaInvokeRequest: Sendable {
    /// `FunctionName`: a name, partial ARN or ARN, with or without a qualifier.
    public var functionName: String
    public var qualifier: String?
    public var type: InvocationType
    /// The raw payload bytes; nil when none was sent.
    public var payload: [UInt8]?
    /// `LogType: Tail`.
    public var logTail: Bool

    public init(functionName: String, qualifier: String? = nil, type: InvocationType = .requestResponse,
                payload: [UInt8]? = nil, logTail: Bool = false) {
        self.functionName = functionName
        self.qualifier = qualifier
        self.type = type
        self.payload = payload
        self.logTail = logTail
    }
}

/// Invoke's response (botocore `InvocationResponse`), plus what traces and tests need.
public struct LambdaInvokeResponse: Sendable {
    public var statusCode: Int
    /// `Unhandled` when the function failed.
    public var functionError: String?
    /// Base64 of the last 4 KB of the invocation's log (`LogType: Tail`).
    public var logResult: String?
    /// The function's answer (empty for Event and DryRun).
    public var payload: [UInt8]
    /// `$LATEST` for a synchronous invocation.
    public var executedVersion: String?
    public var requestID: String
}
