import Foundation

/// The lines Lambda itself writes to a function's log group (reference/aws-behavior.md §2.5).
enum PlatformLogLines {
    /// `INIT_START Runtime Version: nodejs:20.v48\tRuntime Version ARN: arn:aws:lambda:…`.
    static func initStart(runtime: String, region: String) -> String {
        "INIT_START Runtime Version: \(RuntimeVersion.label(runtime))\tRuntime Version ARN: \(RuntimeVersion.arn(runtime, region: region))"
    }

    static func start(_ requestID: String) -> String { "START RequestId: \(requestID) Version: $LATEST" }

    static func end(_ requestID: String) -> String { "END RequestId: \(requestID)" }

    /// `REPORT RequestId: …\tDuration: 32.56 ms\tBilled Duration: 332 ms\tMemory Size: 128 MB\tMax
    /// Memory Used: 98 MB[\tInit Duration: 299.31 ms][\tStatus: timeout]`. Billing is **current**
    /// (since 2025-08): ceil(Duration + Init Duration).
    static func report(_ requestID: String, duration: Double, initDuration: Double?, memorySize: Int,
                       maxMemoryUsed: Int, status: ReportStatus?) -> String {
        // From the printed values, in hundredths, so that Billed = ceil(Duration + Init) holds
        // for the numbers the line shows.
        let hundredths = Int((duration * 100).rounded()) + Int(((initDuration ?? 0) * 100).rounded())
        let billed = (hundredths + 99) / 100
        var line = "REPORT RequestId: \(requestID)\tDuration: \(millis(duration)) ms\tBilled Duration: \(billed) ms"
        line += "\tMemory Size: \(memorySize) MB\tMax Memory Used: \(maxMemoryUsed) MB"
        if let initDuration { line += "\tInit Duration: \(millis(initDuration)) ms" }
        if let status { line += status.suffix }
        return line
    }

    /// `INIT_REPORT Init Duration: 229.04 ms\tPhase: init\tStatus: error\tError Type: …` [I].
    static func initReport(duration: Double, phase: String, errorType: String) -> String {
        "INIT_REPORT Init Duration: \(millis(duration)) ms\tPhase: \(phase)\tStatus: error\tError Type: \(errorType)"
    }

    static func millis(_ value: Double) -> String { String(format: "%.2f", value) }
}

/// The tail of a REPORT line for an invocation that did not end normally.
enum ReportStatus: Equatable {
    /// `\tStatus: timeout` (**current**; the older extra "Task timed out" line is not written).
    case timeout
    /// `\tStatus: error\tError Type: Runtime.ExitError` [I].
    case error(String)

    var suffix: String {
        switch self {
        case .timeout: "\tStatus: timeout"
        case .error(let type): "\tStatus: error\tError Type: \(type)"
        }
    }
}

extension RuntimeVersion {
    /// `nodejs:20.v48`: a stable made-up patch number, like the ARN beside it.
    public static func label(_ runtime: String) -> String {
        let family = runtime.prefix { $0.isLetter }
        let version = runtime.dropFirst(family.count).replacingOccurrences(of: ".x", with: "")
        return "\(family):\(version).v48"
    }
}
