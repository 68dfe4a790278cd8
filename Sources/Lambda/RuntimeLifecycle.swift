import Foundation
import SimKit

/// Lambda's runtime deprecation policy, judged on the virtual clock's date
/// (`Resources/lambda-runtime-lifecycle.json`, from cfn-lint 1.58.0 as bundled with SAM CLI 1.170.0).
public struct RuntimeLifecycle: Sendable {
    public struct Dates: Sendable, Equatable {
        public var deprecated: EpochMillis?
        public var createBlock: EpochMillis?
        public var updateBlock: EpochMillis?
        public var successor: String?
    }

    public let runtimes: [String: Dates]

    /// The bundled table.
    public static let bundled: RuntimeLifecycle = {
        guard let url = Bundle.module.url(forResource: "lambda-runtime-lifecycle", withExtension: "json"),
              let data = try? Data(contentsOf: url), let json = try? JSONParser.parse(bytes: Array(data)),
              let table = json["runtimes"]?.objectValue
        else { return RuntimeLifecycle(runtimes: [:]) }
        var runtimes: [String: Dates] = [:]
        for (name, entry) in table {
            func day(_ key: String) -> EpochMillis? { entry[key]?.stringValue.flatMap(TimeFormat.parseISO) }
            runtimes[name] = Dates(deprecated: day("deprecated"), createBlock: day("create-block"),
                                   updateBlock: day("update-block"), successor: entry["successor"]?.stringValue)
        }
        return RuntimeLifecycle(runtimes: runtimes)
    }()

    /// Runtimes Lambda accepts as values at all (the enum of the `Runtime` member).
    public var knownRuntimes: [String] { runtimes.keys.sorted() }

    /// Whether creating (or updating) a function with `runtime` is blocked at `now`.
    public func isBlocked(_ runtime: String, creating: Bool, at now: EpochMillis) -> Bool {
        guard let dates = runtimes[runtime], let block = creating ? dates.createBlock : dates.updateBlock else { return false }
        return now >= block
    }

    /// Lambda's `InvalidParameterValueException` text for a blocked runtime. Before 2024 Lambda
    /// named a successor (`… use the new runtime (nodejs18.x) …`); today it does not
    /// (reference/aws-behavior.md §2.4, current vs older variant).
    public func blockedMessage(_ runtime: String, at now: EpochMillis) -> String {
        if now < TimeFormat.instant(year: 2024, month: 1, day: 1) {
            let successor = runtimes[runtime]?.successor.map { $0 == "nodejs24.x" ? "nodejs18.x" : $0 } ?? "nodejs18.x"
            return "The runtime parameter of \(runtime) is no longer supported for creating or updating AWS Lambda functions. We recommend you use the new runtime (\(successor)) while creating or updating functions."
        }
        return "The runtime parameter of \(runtime) is no longer supported for creating or updating AWS Lambda functions. We recommend you use a supported runtime while creating or updating functions."
    }
}
