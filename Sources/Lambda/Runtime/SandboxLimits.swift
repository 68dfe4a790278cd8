/// What one execution environment may use before the workbook stops it (DESIGN.md "Child
/// processes run like Lambda's sandbox"). Memory is the function's MemorySize; these are the rest.
public struct SandboxLimits: Sendable, Equatable {
    /// How often each environment's processes are measured in /proc (resident memory, count).
    public var pollInterval: Duration
    /// Processes of one environment, the runtime included. Lambda allows 1,024
    /// processes and threads per environment
    /// (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html); a handler
    /// starting a few helpers is fine, and 64 stops a fork bomb long before it hurts the host.
    public var maxProcesses: Int
    /// Bytes of log messages per invocation the workbook keeps; later lines are dropped with one
    /// line saying so (ChildOutputLog). Lambda keeps everything; 1 MB is a PutLogEvents batch
    /// (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/cloudwatch_limits_cwl.html), far
    /// more than a lesson's handler prints, and small enough that an endless printer costs little.
    public var logBytesPerInvocation: Int
    /// Deterministic mode: how long in real time an invocation may go without answering while it
    /// waits on real work (a busy loop, a socket that never answers) before it times out at its
    /// virtual deadline. Never less than the function's Timeout.
    public var deterministicWallLimit: Duration

    public init(pollInterval: Duration = .milliseconds(100), maxProcesses: Int = 64,
                logBytesPerInvocation: Int = 1_048_576, deterministicWallLimit: Duration = .seconds(10)) {
        self.pollInterval = pollInterval
        self.maxProcesses = maxProcesses
        self.logBytesPerInvocation = logBytesPerInvocation
        self.deterministicWallLimit = deterministicWallLimit
    }

    /// The workbook's defaults.
    public static let lambda = SandboxLimits()
}
