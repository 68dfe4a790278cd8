import Foundation
import SAMCLI
import SimKit

/// `sam deploy`'s flags merged with `samconfig.toml` (flags win, as in SAM).
struct SAMDeployOptions {
    var guided = false
    var stackName: String?
    var templateFile: String?
    var region: String?
    var capabilities: [String] = []
    var resolveS3 = false
    var s3Bucket: String?
    var s3Prefix: String?
    var parameterOverrides: [(key: String, value: String)] = []
    var confirmChangeset = false
    var failOnEmptyChangeset = true
    var disableRollback = false
    var configFile = "samconfig.toml"
    var configEnv = "default"

    static let spec: [String: ClickArguments.Kind] = [
        "--guided": .flag, "--stack-name": .value, "--template-file": .value, "--region": .value, "--capabilities": .multiple,
        "--resolve-s3": .flag, "--s3-bucket": .value, "--s3-prefix": .value, "--parameter-overrides": .multiple,
        "--confirm-changeset": .flag, "--no-confirm-changeset": .flag, "--fail-on-empty-changeset": .flag,
        "--no-fail-on-empty-changeset": .flag, "--disable-rollback": .flag, "--no-disable-rollback": .flag,
        "--config-file": .value, "--config-env": .value, "--profile": .value, "--no-progressbar": .flag, "--force-upload": .flag,
        "--tags": .multiple, "--debug": .flag, "--use-json": .flag,
    ]
    static let aliases = ["-g": "--guided", "-t": "--template-file", "--template": "--template-file"]

    /// Parses flags and reads the config file's `deploy` parameters under them.
    static func parse(_ arguments: [String], config: DeployConfig?) throws -> (SAMDeployOptions, ClickArguments) {
        let args = try ClickArguments(command: "deploy", spec: spec, aliases: aliases, arguments: arguments)
        var o = SAMDeployOptions()
        let c = config ?? DeployConfig([:])
        o.guided = args.flag("--guided")
        o.stackName = args.value("--stack-name") ?? c.stackName
        o.templateFile = args.value("--template-file")
        o.region = args.value("--region") ?? c.region
        o.capabilities = args.list("--capabilities") ?? c.capabilities ?? []
        o.resolveS3 = args.flag("--resolve-s3") || (args.value("--s3-bucket") == nil && c.resolveS3 == true)
        o.s3Bucket = args.value("--s3-bucket") ?? (args.flag("--resolve-s3") ? nil : c.s3Bucket)
        o.s3Prefix = args.value("--s3-prefix") ?? c.s3Prefix
        if let overrides = args.list("--parameter-overrides") {
            o.parameterOverrides = try overrides.flatMap { text throws -> [(key: String, value: String)] in
                try parseOverride(text)
            }
        } else {
            o.parameterOverrides = c.parameterOverrides ?? []
        }
        o.confirmChangeset = args.flag("--confirm-changeset") || (!args.flag("--no-confirm-changeset") && c.confirmChangeset == true)
        o.failOnEmptyChangeset = !args.flag("--no-fail-on-empty-changeset") && (args.flag("--fail-on-empty-changeset") || c.failOnEmptyChangeset != false)
        o.disableRollback = args.flag("--disable-rollback") || (!args.flag("--no-disable-rollback") && c.disableRollback == true)
        o.configFile = args.value("--config-file") ?? "samconfig.toml"
        o.configEnv = args.value("--config-env") ?? "default"
        return (o, args)
    }

    /// `Key=Value` or `ParameterKey=K,ParameterValue=V`.
    static func parseOverride(_ text: String) throws -> [(key: String, value: String)] {
        if text.hasPrefix("ParameterKey=") {
            let parts = text.split(separator: ",", maxSplits: 1).map(String.init)
            guard parts.count == 2, parts[1].hasPrefix("ParameterValue=") else { throw badOverride(text) }
            return [(key: String(parts[0].dropFirst("ParameterKey=".count)), value: String(parts[1].dropFirst("ParameterValue=".count)))]
        }
        guard let eq = text.firstIndex(of: "="), eq != text.startIndex else { throw badOverride(text) }
        var value = String(text[text.index(after: eq)...])
        if value.count >= 2, (value.hasPrefix("\"") && value.hasSuffix("\"")) || (value.hasPrefix("'") && value.hasSuffix("'")) {
            value = String(value.dropFirst().dropLast())
        }
        return [(key: String(text[..<eq]), value: value)]
    }

    static func badOverride(_ text: String) -> SAMError {
        SAMError("Invalid value for '--parameter-overrides': \(text) is not a valid format. It needs to look like ParameterKey=KeyPairName,ParameterValue=MyKey ParameterKey=InstanceType,ParameterValue=t1.micro",
                 preamble: "Usage: sam deploy [OPTIONS]\nTry 'sam deploy -h' for help.\n\n", exitCode: 2)
    }
}
