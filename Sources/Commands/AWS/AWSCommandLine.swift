import AWSCLI
import Foundation
import SimKit

/// `workbook aws …`: aws CLI v2's argument rules, output formats and exit codes, over the
/// simulated services.
public enum AWSCommandLine {
    static let services: [any AWSService] = [CloudFormationService(), LogsService(), DynamoDBService(), LambdaService()]
    /// The `aws` commands (services) the workbook simulates.
    public static var serviceNames: [String] { services.map(\.name) }

    public static func run(_ arguments: [String], _ context: CommandContext) throws -> Int32 {
        do {
            return try dispatch(arguments, context)
        } catch let failure as CLIFailure {
            context.console.err(failure.stderr)
            return failure.exitCode
        }
    }

    static func dispatch(_ arguments: [String], _ context: CommandContext) throws -> Int32 {
        var globals = GlobalAWSOptions()
        let rest = try globals.extract(arguments)
        if let help = AWSHelp.text(rest, services: services) {
            context.console.out(help)
            return 0
        }
        guard rest.count >= 2 else {
            if rest.first == "--version" || arguments.contains("--version") {
                context.console.out("aws-cli/2.31.0 Python/3.13.7 Linux/x86_64 exe/x86_64 (workbook simulation)\n")
                return 0
            }
            throw CLIFailure.argparse("the following arguments are required: command" + (rest.isEmpty ? "" : ", operation"))
        }
        let (serviceName, operationName) = (rest[0], rest[1])
        guard let service = services.first(where: { $0.name == serviceName }) else {
            // A slip on a simulated service's name (`cloudfromation`) is argparse's refusal of an
            // unknown command, as the real CLI's (which lists every service; the list here is the
            // services the workbook simulates). Any other name may be a real service: say it is
            // not simulated.
            if Spelling.nearest(serviceName, in: serviceNames) != nil {
                throw GlobalAWSOptions.invalidChoice("command", serviceNames.sorted())
            }
            throw WorkbookError.notSimulated("aws \(serviceName)", at: nil)
        }
        let options = OutputOptions(format: globals.output, query: globals.query, terminalWidth: context.console.columns)
        if let custom = service.customCommands[operationName] {
            try checkRegion(globals, context)
            return try custom(Array(rest.dropFirst(2)), globals, context)
        }
        guard let operation = service.operations.first(where: { $0.cliName == operationName }) else {
            throw WorkbookError(LocalizedText(en: "aws \(serviceName) \(operationName) is not simulated",
                                              ko: "aws \(serviceName) \(operationName)은(는) 시뮬레이션되지 않습니다"),
                                fix: LocalizedText(en: "simulated: " + service.operations.map(\.cliName).joined(separator: ", "),
                                                   ko: "시뮬레이션되는 명령: " + service.operations.map(\.cliName).joined(separator: ", ")))
        }
        try CLIOutput.validate(options)
        try checkRegion(globals, context)
        let request = try parseParameters(Array(rest.dropFirst(2)), operation: operation, service: serviceName, context: context,
                                          binaryFormat: globals.binaryFormat)
        switch try operation.handler(request, context) {
        case .failure(let error):
            throw CLIFailure.service(error, operation: operation.apiName)
        case .success(let response):
            context.console.out(try CLIOutput.render(response, operation: operation.apiName, options: options))
            return 0
        }
    }

    /// `--region` must name the simulated account's region.
    static func checkRegion(_ globals: GlobalAWSOptions, _ context: CommandContext) throws {
        guard let region = globals.region else { return }
        let account = try context.account()
        guard region == account.region else {
            throw WorkbookError.notSimulated("region \(region) (the simulated account lives in \(account.region))", at: nil)
        }
    }

    /// `--name value` pairs into the request, by the operation's shapes.
    static func parseParameters(_ words: [String], operation: AWSOperation, service: String, context: CommandContext,
                                binaryFormat: BinaryFormat = .base64) throws -> JSONObject {
        try parseParameters(words, parameters: operation.parameters, refusing: operation.isUnsimulated,
                            command: "aws \(service) \(operation.cliName)", context: context, binaryFormat: binaryFormat)
    }

    /// `--name value` pairs into the request: `parameters` by their shapes, the options
    /// `refusing` accepts named as not simulated, anything else unknown.
    static func parseParameters(_ words: [String], parameters: [AWSOperation.Parameter], refusing isUnsimulated: (String) -> Bool,
                                command: String, context: CommandContext, binaryFormat: BinaryFormat = .base64) throws -> JSONObject {
        let parser = ParameterParser(currentDirectory: context.console.currentDirectory, environment: context.console.environment,
                                     binaryFormat: binaryFormat)
        var request = JSONObject()
        var unknown: [String] = []
        var index = 0
        while index < words.count {
            let word = words[index]
            if let (member, value) = booleanFlag(word, parameters) {
                request[member] = .bool(value)
                index += 1
                continue
            }
            if isUnsimulated(word) {
                let option = "\(command) \(word)"
                let simulated = parameters.map(\.cliName).joined(separator: ", ")
                throw WorkbookError(LocalizedText(en: "\(option) is not simulated", ko: "\(option)은(는) 시뮬레이션되지 않습니다"),
                                    fix: LocalizedText(en: "leave \(word) out; the simulated options are: " + simulated,
                                                       ko: "\(word)을(를) 빼세요. 시뮬레이션되는 옵션: " + simulated))
            }
            guard let parameter = parameters.first(where: { $0.cliName == word }) else {
                unknown.append(word)
                index += 1
                continue
            }
            var values: [String] = []
            while index + 1 < words.count, !words[index + 1].hasPrefix("--") {
                index += 1
                values.append(words[index])
            }
            if values.isEmpty { throw CLIFailure.argparse("argument \(word): expected one argument") }
            request[parameter.member] = try parser.parse(values: values, shape: parameter.shape, parameterName: word)
            index += 1
        }
        if !unknown.isEmpty { throw CLIFailure.unknownOptions(unknown) }
        let missing = parameters.filter { $0.required && request[$0.member] == nil }.map(\.cliName)
        if !missing.isEmpty { throw CLIFailure.missingArguments(missing) }
        return request
    }
}

extension AWSCommandLine {
    /// Boolean parameters are flags: `--start-from-head` sets true, `--no-start-from-head` false
    /// (`awscli/arguments.py` `BooleanArgument`).
    static func booleanFlag(_ word: String, _ parameters: [AWSOperation.Parameter]) -> (member: String, value: Bool)? {
        for parameter in parameters where parameter.shape == .boolean {
            if word == parameter.cliName { return (parameter.member, true) }
            if word == "--no-" + parameter.cliName.dropFirst(2) { return (parameter.member, false) }
        }
        return nil
    }
}

/// The aws CLI's global options, taken from anywhere in the command line.
struct GlobalAWSOptions {
    var output: OutputFormat = .json
    var query: String?
    var region: String?
    /// `--cli-binary-format` (v2): how blob parameters given as text are read.
    var binaryFormat: BinaryFormat = .base64

    mutating func extract(_ arguments: [String]) throws -> [String] {
        var rest: [String] = []
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            func next() throws -> String {
                index += 1
                guard index < arguments.count else { throw CLIFailure.argparse("argument \(word): expected one argument") }
                return arguments[index]
            }
            switch word {
            case "--output":
                let value = try next()
                guard let format = OutputFormat(rawValue: value) else {
                    throw Self.invalidChoice("--output", ["json", "text", "table", "yaml", "yaml-stream", "off"])
                }
                output = format
            case "--cli-binary-format":
                guard let format = BinaryFormat(rawValue: try next()) else {
                    throw Self.invalidChoice("--cli-binary-format", ["base64", "raw-in-base64-out"])
                }
                binaryFormat = format
            case "--query": query = try next()
            case "--region": region = try next()
            case "--profile", "--endpoint-url", "--cli-read-timeout", "--cli-connect-timeout", "--color", "--ca-bundle":
                _ = try next()
            case "--no-cli-pager", "--no-paginate", "--debug", "--no-verify-ssl", "--no-sign-request", "--cli-auto-prompt", "--no-cli-auto-prompt":
                break
            default: rest.append(word)
            }
            index += 1
        }
        return rest
    }

    /// argparse's choice error as the CLI words it (`awscli/argparser.py` `_check_value`): the
    /// choices two to a line, each padded to 40 columns, joined by ` | `.
    static func invalidChoice(_ option: String, _ choices: [String]) -> CLIFailure {
        let lines = stride(from: 0, to: choices.count, by: 2).map { start in
            choices[start..<min(start + 2, choices.count)].map { $0.padding(toLength: max(40, $0.count), withPad: " ", startingAt: 0) }
                .joined(separator: " | ")
        }
        return CLIFailure.argparse("argument \(option): Invalid choice, valid choices are:\n\n" + lines.joined(separator: "\n"))
    }
}
