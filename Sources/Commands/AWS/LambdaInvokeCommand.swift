import Account
import AWSCLI
import Foundation
import SimKit

/// `aws lambda invoke … outfile`: the CLI's one command with a positional argument. The
/// response's `Payload` goes to `outfile` (created even when empty), the other members to stdout
/// in botocore's order `StatusCode, FunctionError, LogResult, ExecutedVersion`.
enum LambdaInvokeCommand {
    typealias P = AWSOperation.Parameter

    static let parameters = [
        P("--function-name", "FunctionName", required: true), P("--invocation-type", "InvocationType"),
        P("--log-type", "LogType"), P("--payload", "Payload", .blob), P("--qualifier", "Qualifier"),
    ]
    /// Real options the simulation does not model, refused by name.
    static let unsimulated = ["--client-context", "--durable-execution-name", "--tenant-id"]

    @Sendable static func run(_ words: [String], _ globals: GlobalAWSOptions, _ context: CommandContext) throws -> Int32 {
        let (options, outfile) = try splitOutfile(words)
        let request = try AWSCommandLine.parseParameters(options, parameters: parameters, refusing: { unsimulated.contains($0) },
                                                         command: "aws lambda invoke", context: context, binaryFormat: globals.binaryFormat)
        let outputOptions = OutputOptions(format: globals.output, query: globals.query, terminalWidth: context.console.columns)
        try CLIOutput.validate(outputOptions)
        let invocation = try invokeRequest(request)
        let account = try context.account()
        // Printed inside `withLambda`, before it runs an Event invocation's first attempt: the
        // 202 comes at once, as on AWS, and the attempt runs before the command exits.
        let printed = try AsyncBridge.run { [context] in
            try await account.withLambda { invoker in
                let response = try await invoker.invoke(invocation)
                return try Self.print(response, outfile: outfile, options: outputOptions, context)
            }
        }
        return printed
    }

    /// Writes the payload to the outfile and the rest to stdout; a service error as the CLI shows it.
    static func print(_ response: Result<LambdaInvokeResponse, AWSError>, outfile: String, options: OutputOptions,
                      _ context: CommandContext) throws -> Int32 {
        switch response {
        case .failure(let error):
            throw CLIFailure.service(error, operation: "Invoke")
        case .success(let response):
            try write(response.payload, to: outfile, context)
            context.console.out(try CLIOutput.render(stdoutJSON(response), operation: "Invoke", options: options))
            return 0
        }
    }

    /// The one word that is neither an option nor an option's value is the outfile.
    static func splitOutfile(_ words: [String]) throws -> (options: [String], outfile: String) {
        var options: [String] = []
        var positional: [String] = []
        var index = 0
        while index < words.count {
            let word = words[index]
            if word.hasPrefix("--") {
                options.append(word)
                if index + 1 < words.count, !words[index + 1].hasPrefix("--") {
                    options.append(words[index + 1])
                    index += 1
                }
            } else {
                positional.append(word)
            }
            index += 1
        }
        guard let outfile = positional.first else {
            let missing = parameters.filter { $0.required && !options.contains($0.cliName) }.map(\.cliName) + ["outfile"]
            throw CLIFailure.missingArguments(missing)
        }
        if positional.count > 1 { throw CLIFailure.unknownOptions(Array(positional.dropFirst())) }
        return (options, outfile)
    }

    /// The API request; enum members are checked as Lambda's front end checks them.
    static func invokeRequest(_ request: JSONObject) throws -> LambdaInvokeRequest {
        let typeText = request["InvocationType"]?.stringValue ?? "RequestResponse"
        guard let type = InvocationType(rawValue: typeText) else {
            throw CLIFailure.service(enumError(typeText, member: "invocationType", values: ["Event", "RequestResponse", "DryRun"]),
                                     operation: "Invoke")
        }
        let logType = request["LogType"]?.stringValue ?? "None"
        guard ["None", "Tail"].contains(logType) else {
            throw CLIFailure.service(enumError(logType, member: "logType", values: ["None", "Tail"]), operation: "Invoke")
        }
        let payload = request["Payload"]?.stringValue.flatMap(Base64.decode)
        return LambdaInvokeRequest(functionName: request["FunctionName"]?.stringValue ?? "", qualifier: request["Qualifier"]?.stringValue,
                                   type: type, payload: payload, logTail: logType == "Tail")
    }

    /// Lambda's `ValidationException` for a value outside an enum.
    static func enumError(_ value: String, member: String, values: [String]) -> AWSError {
        AWSError(code: "ValidationException", message: "1 validation error detected: Value '\(value)' at '\(member)' failed to satisfy "
            + "constraint: Member must satisfy enum value set: [\(values.joined(separator: ", "))]")
    }

    /// stdout's members, in botocore's `InvocationResponse` order.
    static func stdoutJSON(_ response: LambdaInvokeResponse) -> JSON {
        var o = JSONObject()
        o["StatusCode"] = .int(Int64(response.statusCode))
        if let error = response.functionError { o["FunctionError"] = .string(error) }
        if let log = response.logResult { o["LogResult"] = .string(log) }
        if let version = response.executedVersion { o["ExecutedVersion"] = .string(version) }
        return .object(o)
    }

    /// Writes the payload to `outfile` (relative to the current folder) as Python's
    /// `open(outfile, 'wb')` does: through the path (so `/dev/stdout` works), truncating it.
    static func write(_ payload: [UInt8], to outfile: String, _ context: CommandContext) throws {
        let path = outfile.hasPrefix("/") ? outfile : (context.console.currentDirectory as NSString).appendingPathComponent(outfile)
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o666)
        guard fd >= 0 else {
            // The CLI's error for an outfile it cannot open: Python's OSError text.
            let number = errno
            throw CLIFailure.general("[Errno \(number)] \(String(cString: strerror(number))): '\(outfile)'")
        }
        defer { close(fd) }
        var written = 0
        while written < payload.count {
            let n = payload.withUnsafeBytes { Foundation.write(fd, $0.baseAddress! + written, payload.count - written) }
            guard n > 0 else { throw CLIFailure.general("[Errno \(errno)] \(String(cString: strerror(errno))): '\(outfile)'") }
            written += n
        }
    }
}
