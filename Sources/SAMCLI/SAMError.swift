/// A failure SAM reports and exits on: what it writes to stderr and its exit code.
///
/// These are outcomes the learner is meant to see (like `AWSError`), so they are values that
/// render to SAM's exact text, not workbook errors.
public struct SAMError: Error, Sendable, Hashable {
    /// The message after `Error: ` (click's `ClickException.show`).
    public var message: String
    /// Text printed before the `Error:` line on stderr (a usage block), if any.
    public var preamble: String
    /// The process exit code.
    public var exitCode: Int32

    /// A failure with its message, exit code 1 by default.
    public init(_ message: String, preamble: String = "", exitCode: Int32 = 1) {
        self.message = message
        self.preamble = preamble
        self.exitCode = exitCode
    }

    /// The exact stderr text. (The blank line after `Error:` in the interactive transcripts is
    /// the capture harness's: every pseudo-terminal run there ends with one, success too.)
    public var rendered: String {
        preamble + "Error: " + message + "\n"
    }

    /// The stderr text as an emission.
    public var emission: Emission { .err(rendered) }
}

extension SAMError {
    /// The CloudFormation waiter that `Deployer.wait_for_execute` uses.
    public enum Waiter: String, Sendable {
        case stackCreateComplete = "StackCreateComplete"
        case stackUpdateComplete = "StackUpdateComplete"
    }

    /// `ChangeEmptyError` (default `--fail-on-empty-changeset`).
    public static func changeEmpty(stackName: String) -> SAMError {
        SAMError("No changes to deploy. Stack \(stackName) is up to date")
    }

    /// botocore's `WaiterError` text for a stack that reached a terminal failure status.
    public static func waiterFailure(_ waiter: Waiter, status: String) -> String {
        "Waiter \(waiter.rawValue) failed: Waiter encountered a terminal failure state: "
            + "For expression \"Stacks[].StackStatus\" we matched expected path: \"\(status)\" at least once"
    }

    /// `DeployFailedError` with botocore's waiter text, e.g. `ROLLBACK_COMPLETE` for a failed
    /// create (`StackCreateComplete`) or `UPDATE_ROLLBACK_COMPLETE` for a failed update.
    public static func deployFailed(stackName: String, waiter: Waiter, status: String) -> SAMError {
        deployFailed(stackName: stackName, message: waiterFailure(waiter, status: status))
    }

    /// `DeployFailedError` with any message.
    public static func deployFailed(stackName: String, message: String) -> SAMError {
        SAMError("Failed to create/update the stack: \(stackName), \(message)")
    }

    /// `ChangeSetError`, e.g. with msg `An error occurred (InsufficientCapabilitiesException) …`.
    public static func changeSetFailed(stackName: String, message: String) -> SAMError {
        SAMError("Failed to create changeset for the stack: \(stackName), \(message)")
    }

    /// The botocore text of a client error: `An error occurred (Code) when calling the Op operation: Message`.
    public static func clientErrorText(code: String, operation: String, message: String) -> String {
        "An error occurred (\(code)) when calling the \(operation) operation: \(message)"
    }

    /// `BucketNotSpecifiedError` (its message starts with a newline).
    public static let bucketNotSpecified = SAMError(
        "\nS3 Bucket not specified, use --s3-bucket to specify a bucket name, or use --resolve-s3 to create a "
            + "managed default bucket, or run sam deploy --guided")

    /// `DeployResolveS3AndS3SetError` as SAM CLI 1.170.0 words it.
    public static let resolveS3AndS3Bucket = SAMError(
        "Cannot use both --resolve-s3 and --s3-bucket parameters in non-guided deployments. "
            + "Please use only one or use the --guided option for a guided deployment.")

    /// The click usage error for a deploy with no stack name and no samconfig.toml (exit 2).
    public static let missingStackName = SAMError(
        "Missing option '--stack-name', 'sam deploy --guided' can be used to provide and save needed parameters "
            + "for future deploys.",
        preamble: "\nUsage: sam deploy [OPTIONS]\nTry 'sam deploy -h' for help.\n\n", exitCode: 2)

    /// Answering N to "<Resource> has no authentication. Is this okay?".
    public static let securityConstraints = SAMError("Security Constraints Not Satisfied!")

    /// `GuidedConfig.read_config_showcase` when samconfig.toml does not parse.
    public static let invalidSamConfig = SAMError(
        "Syntax invalid in samconfig.toml; save values through sam deploy --guided to overwrite file with a valid "
            + "set of values.")
}

/// click's `Abort` at end of input: `Aborted!` on stderr, exit 1.
public struct PromptAborted: Error, Sendable, Hashable {
    /// An abort.
    public init() {}

    /// The exact stderr text.
    public var rendered: String { "Aborted!\n" }
    /// click exits 1 on `Abort`.
    public var exitCode: Int32 { 1 }
}
