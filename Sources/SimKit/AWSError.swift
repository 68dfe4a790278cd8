/// An error exactly as an AWS service returns it: an *outcome* the learner is meant to see.
public struct AWSError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The error code, e.g. `ResourceNotFoundException`, `ValidationError`.
    public var code: String
    /// The message, byte for byte as AWS sends it.
    public var message: String
    /// The HTTP status AWS answers with.
    public var httpStatus: Int
    /// The `__type` of JSON protocols (`com.amazonaws.dynamodb.v20120810#ResourceNotFoundException`),
    /// when it differs from `code`.
    public var wireType: String?

    public init(code: String, message: String, httpStatus: Int = 400, wireType: String? = nil) {
        self.code = code
        self.message = message
        self.httpStatus = httpStatus
        self.wireType = wireType
    }

    /// What the aws CLI prints on stderr for this error when calling `operation`.
    public func cliLine(operation: String) -> String {
        "An error occurred (\(code)) when calling the \(operation) operation: \(message)"
    }

    public var description: String { "\(code): \(message)" }
}
