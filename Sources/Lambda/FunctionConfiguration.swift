import SimKit

/// A function's configuration as Lambda stores it.
public struct FunctionConfiguration: Sendable, Equatable {
    public var name: String
    public var arn: String
    public var runtime: String?
    public var role: String
    public var handler: String?
    public var description: String
    public var timeout: Int
    public var memorySize: Int
    public var environment: JSONObject
    public var architectures: [String]
    public var codeSha256: String
    public var codeSize: Int
    public var lastModified: EpochMillis
    public var revisionId: String
    public var tags: JSONObject

    /// Lambda's defaults (reference/aws-behavior.md §2.4).
    public static let defaultTimeout = 3
    public static let defaultMemorySize = 128

    /// `LastModified` as Lambda prints it: `2026-11-25T18:25:51.049+0000`.
    public var lastModifiedText: String {
        let iso = TimeFormat.isoMillisZ(lastModified)
        return String(iso.dropLast()) + "+0000"
    }

    /// The `FunctionConfiguration` JSON in botocore member order, as GetFunctionConfiguration
    /// and ListFunctions answer (the last update long finished).
    public var json: JSON { json(lastUpdate: .successful) }

    /// Where the last update stands in the answer. UpdateFunctionConfiguration and
    /// UpdateFunctionCode answer while their update runs: `"LastUpdateStatus": "InProgress"`
    /// with Lambda's reason `The function is being created.` / `Creating` (sic, also for
    /// updates; seen in many real CLI v2 transcripts of both commands, 2022–2025).
    public enum LastUpdate: Sendable {
        case successful, inProgress
    }

    /// The `FunctionConfiguration` JSON in botocore member order (botocore 1.43
    /// `FunctionConfiguration`: FunctionName … Version, VpcConfig, DeadLetterConfig, Environment,
    /// KMSKeyArn, TracingConfig, MasterArn, RevisionId, Layers, State, StateReason…,
    /// LastUpdateStatus, LastUpdateStatusReason, LastUpdateStatusReasonCode, FileSystemConfigs,
    /// PackageType, … Architectures, EphemeralStorage, SnapStart, RuntimeVersionConfig,
    /// LoggingConfig). Members AWS leaves out when unset (VpcConfig, Layers, KMSKeyArn) are left
    /// out; moto's `"Layers": []` (cli-transcripts.md §2.5) is moto's.
    public func json(lastUpdate: LastUpdate) -> JSON {
        var o = JSONObject()
        o["FunctionName"] = .string(name)
        o["FunctionArn"] = .string(arn)
        if let runtime { o["Runtime"] = .string(runtime) }
        o["Role"] = .string(role)
        if let handler { o["Handler"] = .string(handler) }
        o["CodeSize"] = .int(Int64(codeSize))
        o["Description"] = .string(description)
        o["Timeout"] = .int(Int64(timeout))
        o["MemorySize"] = .int(Int64(memorySize))
        o["LastModified"] = .string(lastModifiedText)
        o["CodeSha256"] = .string(codeSha256)
        o["Version"] = "$LATEST"
        if !environment.isEmpty { o["Environment"] = ["Variables": .object(environment)] }
        o["TracingConfig"] = ["Mode": "PassThrough"]
        o["RevisionId"] = .string(revisionId)
        o["State"] = "Active"
        switch lastUpdate {
        case .successful:
            o["LastUpdateStatus"] = "Successful"
        case .inProgress:
            o["LastUpdateStatus"] = "InProgress"
            o["LastUpdateStatusReason"] = "The function is being created."
            o["LastUpdateStatusReasonCode"] = "Creating"
        }
        o["PackageType"] = "Zip"
        o["Architectures"] = .array(architectures.map(JSON.string))
        o["EphemeralStorage"] = ["Size": 512]
        o["SnapStart"] = ["ApplyOn": "None", "OptimizationStatus": "Off"]
        if let runtime {
            o["RuntimeVersionConfig"] = ["RuntimeVersionArn": .string(RuntimeVersion.arn(runtime))]
        }
        o["LoggingConfig"] = ["LogFormat": "Text", "LogGroup": .string("/aws/lambda/\(name)")]
        return .object(o)
    }
}

/// The runtime version ARNs Lambda reports (`INIT_START Runtime Version: …`); a stable made-up
/// 64-hex per runtime, since real ones change with every patch release.
public enum RuntimeVersion {
    public static func arn(_ runtime: String, region: String = "ap-northeast-2") -> String {
        let hash = Digest.hex(Digest.sha256(Array("runtime-version:\(runtime)".utf8)))
        return "arn:aws:lambda:\(region)::runtime:\(hash)"
    }
}
