import SAMCLI
import SimKit

/// `workbook sam …`: SAM CLI 1.170.0's commands, flags and output on the simulated account.
public enum SAMCommandLine {
    /// The commands of SAM CLI 1.170 (`sam -h`): simulated or refused by name below.
    public static let commandNames = ["build", "validate", "deploy", "delete", "list", "local", "logs", "sync", "package", "init",
                                      "pipeline", "publish", "remote", "traces"]

    public static let version = "1.170.0"

    public static func run(_ arguments: [String], _ context: CommandContext) throws -> Int32 {
        let console = context.console
        guard let command = arguments.first else {
            console.out(usageText)
            return 0
        }
        let rest = Array(arguments.dropFirst())
        do {
            switch command {
            case "--version": console.out("SAM CLI, version \(version)\n"); return 0
            case "-h", "--help": console.out(usageText); return 0
            case "build": return try buildCommand(rest, console)
            case "validate": return try SAMValidate(context: context, arguments: rest).run()
            case "deploy": return try SAMDeploy(context: context, arguments: rest).run()
            case "delete": return try SAMDelete(context: context, arguments: rest).run()
            case "list": return try SAMList(context: context, arguments: rest).run()
            case "local" where rest.first == "invoke": return try SAMLocalInvoke(context: context, arguments: Array(rest.dropFirst())).run()
            case "logs": return try SAMLogs(context: context, arguments: rest).run()
            case "sync", "local", "package", "init", "pipeline", "publish", "remote", "traces":
                throw refusal(command, rest.first)
            default:
                return console.fail(SAMError("No such command '\(command)'.",
                                             preamble: "Usage: sam [OPTIONS] COMMAND [ARGS]...\nTry 'sam -h' for help.\n\n", exitCode: 2))
            }
        } catch let error as SAMError {
            return console.fail(error)
        }
    }

    static func buildCommand(_ arguments: [String], _ console: Console) throws -> Int32 {
        let args = try ClickArguments(command: "build", spec: ["--template-file": .value, "--use-container": .flag, "--cached": .flag,
                                                              "--parallel": .flag, "--region": .value, "--profile": .value, "--debug": .flag],
                                      aliases: ["-t": "--template-file", "--template": "--template-file", "-u": "--use-container"],
                                      arguments: arguments, positionalCount: 1)
        if args.flag("--use-container") { throw WorkbookError.notSimulated("sam build --use-container (there is no Docker here)", at: nil) }
        if let function = args.positionals.first {
            throw WorkbookError.notSimulated("sam build of a single resource (\(function))", at: nil)
        }
        return try SAMBuild(console: console, templateOption: args.value("--template-file")).run()
    }

    /// Commands the simulator does not model, named, with what to use instead.
    static func refusal(_ command: String, _ sub: String?) -> WorkbookError {
        let full = ["sam", command, sub].compactMap { $0 }.joined(separator: " ")
        let alternative: LocalizedText
        switch command {
        case "sync": alternative = LocalizedText(en: "use workbook sam build and workbook sam deploy", ko: "workbook sam build와 workbook sam deploy를 쓰세요")
        case "local": alternative = LocalizedText(en: "workbook sam local invoke runs a function locally; for an API, deploy with workbook sam deploy and call it", ko: "함수는 workbook sam local invoke로 로컬에서 실행하세요. API는 workbook sam deploy로 배포한 뒤 호출하세요")
        case "package": alternative = LocalizedText(en: "workbook sam deploy packages and uploads for you", ko: "workbook sam deploy가 패키징과 업로드를 함께 합니다")
        default: alternative = LocalizedText(en: "see workbook sam --help for what is simulated", ko: "workbook sam --help에서 시뮬레이션되는 명령을 보세요")
        }
        return WorkbookError(LocalizedText(en: "\(full) is not simulated", ko: "\(full)은(는) 시뮬레이션되지 않습니다"), fix: alternative)
    }

    static let usageText = """
        Usage: sam [OPTIONS] COMMAND [ARGS]...

          AWS Serverless Application Model (SAM) CLI, simulated by the workbook.

        Commands:
          validate  Validate an AWS SAM template.
          build     Build your AWS serverless function code.
          deploy    Deploy an AWS SAM application.
          delete    Delete an AWS SAM application and the artifacts created by sam deploy.
          list      Fetch the state of your serverless application.
          logs      Fetch logs for your AWS SAM Application or AWS Cloudformation stack - Lambda Functions/CloudWatch Log groups

        """
}
