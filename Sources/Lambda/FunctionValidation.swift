import SimKit

/// Lambda's own checks on CreateFunction/UpdateFunctionConfiguration, with Lambda's texts.
///
/// Constraint messages follow the AWS JSON protocol's validation format
/// (`1 validation error detected: Value '0' at 'timeout' failed to satisfy constraint: …`).
public enum FunctionValidation {
    /// Validates the configuration fields that do not need other services.
    public static func validate(
        runtime: String?, handler: String?, timeout: Int, memorySize: Int, creating: Bool, now: EpochMillis,
        lifecycle: RuntimeLifecycle = .bundled
    ) -> AWSError? {
        var problems: [String] = []
        if timeout < 1 {
            problems.append("Value '\(timeout)' at 'timeout' failed to satisfy constraint: Member must have value greater than or equal to 1")
        } else if timeout > 900 {
            problems.append("Value '\(timeout)' at 'timeout' failed to satisfy constraint: Member must have value less than or equal to 900")
        }
        if memorySize < 128 {
            problems.append("Value '\(memorySize)' at 'memorySize' failed to satisfy constraint: Member must have value greater than or equal to 128")
        } else if memorySize > 10240 {
            problems.append("Value '\(memorySize)' at 'memorySize' failed to satisfy constraint: Member must have value less than or equal to 10240")
        }
        if let handler, handler.count > 128 || handler.isEmpty || handler.contains(where: \.isWhitespace) {
            problems.append("Value '\(handler)' at 'handler' failed to satisfy constraint: Member must satisfy regular expression pattern: [^\\s]+")
        }
        if let runtime, lifecycle.runtimes[runtime] == nil {
            let values = lifecycle.knownRuntimes.joined(separator: ", ")
            problems.append("Value '\(runtime)' at 'runtime' failed to satisfy constraint: Member must satisfy enum value set: [\(values)] or be a valid ARN")
        }
        if !problems.isEmpty {
            let count = problems.count == 1 ? "1 validation error detected: " : "\(problems.count) validation errors detected: "
            return AWSError(code: "ValidationException", message: count + problems.joined(separator: "; "), httpStatus: 400)
        }
        if runtime != nil, handler == nil {
            return AWSError(code: "InvalidParameterValueException", message: "Handler is required for Zip package type", httpStatus: 400)
        }
        if let runtime, lifecycle.isBlocked(runtime, creating: creating, at: now) {
            return AWSError(code: "InvalidParameterValueException", message: lifecycle.blockedMessage(runtime, at: now), httpStatus: 400)
        }
        return nil
    }
}
