import Account
import CloudFormation
import Foundation
import Lambda
import SAMCLI
import SimKit

/// `sam local invoke [FUNCTION_LOGICAL_ID] [-e event.json | --no-event] [-t template] [-n env.json]`:
/// runs a function of the local template in the same execution environments as deployed
/// functions, with no deploy. As SAM CLI does, the runtime's log goes to stderr and the
/// function's result to stdout, and the command exits 0 even when the function fails.
///
/// Differences from SAM CLI, on purpose: there is no Docker image, so SAM's image and mount
/// lines are not printed; the REPORT line is Lambda's (SAM's emulator orders its fields
/// differently); the handler's clock is the account's virtual clock.
struct SAMLocalInvoke {
    let context: CommandContext
    let arguments: [String]
    var console: Console { context.console }

    /// SAM CLI 1.170.0's options that only steer Docker or debuggers: refused by name.
    static let dockerOptions: Set<String> = [
        "--docker-network", "--container-env-vars", "-d", "--debug-port", "--debugger-path", "--debug-args", "--docker-volume-basedir",
        "-v", "--skip-pull-image", "--layer-cache-basedir", "--force-image-build", "--invoke-image", "--add-host", "--container-host",
        "--container-host-interface", "--shutdown", "--mount-symlinks", "--no-mount-symlinks", "--runtime", "--hook-name",
        "--skip-prepare-infra", "--terraform-plan-file", "--log-file", "-l", "--beta-features",
    ]

    func run() throws -> Int32 {
        if let option = arguments.first(where: { Self.dockerOptions.contains($0.split(separator: "=").first.map(String.init) ?? $0) }) {
            throw WorkbookError.notSimulated("sam local invoke \(option) (there is no Docker here: functions run in the workbook's own execution environments)", at: nil)
        }
        let args = try ClickArguments(command: "local invoke", spec: [
            "--event": .value, "--no-event": .flag, "--template-file": .value, "--env-vars": .value, "--parameter-overrides": .multiple,
            "--region": .value, "--profile": .value, "--config-file": .value, "--config-env": .value, "--debug": .flag,
        ], aliases: ["-e": "--event", "-t": "--template-file", "--template": "--template-file", "-n": "--env-vars"],
           arguments: arguments, positionalCount: 1)
        if args.value("--event") != nil, args.flag("--no-event") {
            throw args.usage("--no-event and --event can not be used together. Please provide only one.")
        }
        let templatePath = SAMTemplateFile.locateBuiltFirst(args.value("--template-file"), console: console)
        let root = try SAMTemplateFile.load(templatePath, console: console)
        let source = try function(args.positionals.first, in: root)
        let event = try self.event(args.value("--event"))
        let account = try context.account()
        let folder = ((templatePath as NSString).deletingLastPathComponent as NSString).appendingPathComponent(source.codeUri)
        let code = try CodeArchive.read(folder: folder)
        let overrides = try ParameterOverrides.parse(args.list("--parameter-overrides") ?? []).dictionary
        let properties = LocalFunctionProperties(root: root, logicalId: source.logicalId, parameters: overrides,
                                                 region: account.region, accountId: account.accountId)
        let environment = try properties.environment(overrides: args.value("--env-vars").map { try Self.envVars(console.path($0), for: source.logicalId) })
        let function = FunctionConfiguration.local(
            logicalId: source.logicalId, runtime: source.runtime, handler: source.handler, timeout: properties.timeout,
            memorySize: properties.memorySize, environment: environment, architecture: source.architecture, code: code,
            region: account.region, account: account.accountId, now: account.now(), revisionId: account.ids.uuid())
        console.err("Invoking \(source.handler ?? "") (\(source.runtime ?? ""))\n")
        let requestID = account.ids.uuid()
        let result = try AsyncBridge.run {
            // SAM runs the function with the developer's credentials, not its execution role.
            try await account.withLambdaPool(callers: .localDeveloper) { pool in
                try await pool.invoke(function, code: code, payload: event, requestID: requestID)
            }
        }
        // Saves the ids drawn and the clock moved, so the next run gets new ones.
        try account.write { _ in }
        for line in result.logs { console.err(line.message + "\n") }
        console.out(result.payloadText + "\n")
        return 0
    }

    /// The function to run: the one named, or the template's only function.
    func function(_ logicalId: String?, in root: TemplateNode) throws -> SAMFunctionSource {
        let functions = SAMFunctionSource.all(in: root)
        if let logicalId {
            guard let found = functions.first(where: { $0.logicalId == logicalId }) else {
                throw SAMError("Unable to find a function or layer with name '\(logicalId)'")
            }
            return found
        }
        guard functions.count == 1, let only = functions.first else {
            if functions.isEmpty { throw SAMError("Unable to find a function or layer in the template") }
            throw SAMError("You must provide a function logical ID when there are more than one functions in your template. "
                + "Possible options in your template: [" + functions.map { "'\($0.logicalId)'" }.joined(separator: ", ") + "]")
        }
        return only
    }

    /// The event bytes: the file (`-` reads stdin), or `{}`; it must be JSON.
    func event(_ path: String?) throws -> [UInt8] {
        guard let path else { return Array("{}".utf8) }
        let bytes: [UInt8]
        if path == "-" {
            bytes = Array(FileHandle.standardInput.readDataToEndOfFile())
        } else {
            guard let data = FileManager.default.contents(atPath: console.path(path)) else {
                throw SAMError("Invalid value for '--event' / '-e': File '\(path)' does not exist.", exitCode: 2)
            }
            bytes = Array(data)
        }
        do {
            _ = try JSONParser.parse(bytes: bytes)
            return bytes
        } catch {
            throw WorkbookError(LocalizedText(en: "the event in \(path) is not JSON: \(error.message)", ko: "\(path)의 이벤트가 JSON이 아닙니다: \(error.message)"),
                                at: SourceLocation(file: path, line: error.line, column: error.column),
                                fix: LocalizedText(en: "fix the JSON, or leave -e out to send {}", ko: "JSON을 고치거나 -e를 빼서 {}를 보내세요"))
        }
    }

    /// `--env-vars` (`{"Function": {"VAR": "value"}, "Parameters": {…}}`): the variables for
    /// `logicalId`, the `Parameters` block applying to every function.
    static func envVars(_ path: String, for logicalId: String) throws -> JSONObject {
        guard let data = FileManager.default.contents(atPath: path), let json = try? JSONParser.parse(bytes: Array(data)) else {
            throw SAMError("Could not read environment variables overrides from file \(path)")
        }
        var merged = json.objectValue?["Parameters"]?.objectValue ?? JSONObject()
        for (key, value) in json.objectValue?[logicalId]?.objectValue ?? JSONObject() { merged[key] = value }
        return merged
    }
}
