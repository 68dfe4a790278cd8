import Account
import ArgumentParser
import Commands
import Foundation
import SimKit

/// Runs one `workbook` invocation and returns its exit code. The executable calls this with the
/// process's arguments; checks call it with a captured console to replay `steps.sh`.
public enum Entry {
    /// Runs `arguments` (without the program name).
    public static func run(_ arguments: [String], console makeConsole: (Language, Bool) -> Console,
                           account: Account? = nil) -> Int32 {
        var arguments = arguments
        let globals: GlobalOptions
        do {
            globals = try GlobalOptions.extract(&arguments)
        } catch {
            let console = makeConsole(Language.fromEnvironment(ProcessInfo.processInfo.environment), true)
            console.err(error.rendered(console.language) + "\n")
            return error.exitCode
        }
        let language = globals.language ?? Language.fromEnvironment(ProcessInfo.processInfo.environment)
        let console = makeConsole(language, globals.plain || globals.json)
        let workspace = Workspace.locate(explicit: globals.workspace, from: console.currentDirectory, environment: console.environment)
        let context: CommandContext
        if let provided = account {
            context = CommandContext(console: console, account: provided, workspace: console.currentDirectory)
        } else {
            context = CommandContext(console: console, workspace: workspace, deterministic: globals.deterministic, json: globals.json)
        }
        var code = Invocation(context: context, globals: globals).run(arguments)
        code = runDueWork(context, after: code)
        return flushLogs(of: context.accountIfOpened, after: code, console)
    }

    /// Runs the work the command made due (a `clock advance` past an Event retry).
    /// Not after Ctrl-C: the learner asked to stop.
    static func runDueWork(_ context: CommandContext, after code: Int32) -> Int32 {
        guard code != 130 else { return code }
        do {
            try context.runDueWork()
            return code
        } catch {
            return 130
        }
    }

    /// Commits the log events the command buffered (DESIGN.md: "always flushed before the
    /// command exits"), whatever its exit code; a failed commit is reported and fails the command.
    static func flushLogs(of account: Account?, after code: Int32, _ console: Console) -> Int32 {
        do {
            try account?.flushLogs()
            return code
        } catch {
            console.err(WorkbookError(LocalizedText(en: "\(error)")).rendered(console.language) + "\n")
            return code == 0 ? 2 : code
        }
    }
}


/// One parsed run: ArgumentParser for the workbook's own commands; `sam` and `aws` parse like
/// the real tools and are handed their arguments untouched.
struct Invocation {
    let context: CommandContext
    let globals: GlobalOptions

    func run(_ arguments: [String]) -> Int32 {
        do {
            switch arguments.first {
            case "sam": return try SAMCommandLine.run(Array(arguments.dropFirst()), context)
            case "aws": return try AWSCommandLine.run(Array(arguments.dropFirst()), context)
            case nil: return try Status.run(context)
            default: return try runParsed(arguments)
            }
        } catch let error as WorkbookError {
            context.console.err(error.rendered(context.language) + "\n")
            return error.exitCode
        } catch is CancellationError {
            // Ctrl-C (SIGINT) or SIGTERM ended the command's async work: every child process is
            // already reaped; exit as the real tools do on Ctrl-C.
            return 130
        } catch {
            context.console.err(WorkbookError(LocalizedText(en: "\(error)")).rendered(context.language) + "\n")
            return 2
        }
    }

    func runParsed(_ arguments: [String]) throws -> Int32 {
        let command: ParsableCommand
        do {
            command = try WorkbookCommand.parseAsRoot(arguments)
        } catch {
            if let unknown = Self.unknownCommand(arguments) { throw unknown }
            let code = WorkbookCommand.exitCode(for: error)
            let message = WorkbookCommand.fullMessage(for: error)
            if code == .success {
                context.console.out(message + "\n")
                return 0
            }
            context.console.err(message + "\n")
            return 2
        }
        guard let runnable = command as? WorkbookRunnable else {
            // ArgumentParser's own `help` command, which `--help` and `-h` also parse to: its run()
            // asks for the help of the command it names, as a CleanExit carrying that text.
            // (Printing the parsed command's own help printed `help`'s, for every command.)
            var command = command
            do {
                try command.run()
            } catch {
                let message = WorkbookCommand.fullMessage(for: error)
                guard WorkbookCommand.exitCode(for: error) == .success else {
                    context.console.err(message + "\n")
                    return 2
                }
                context.console.out(message + "\n")
            }
            return 0
        }
        return try runnable.run(context, globals: globals)
    }
}

extension Invocation {
    /// The workbook's own commands, and `help`.
    static var commandNames: [String] { WorkbookCommand.configuration.subcommands.map { $0._commandName } + ["help"] }

    /// A first word that is no workbook command: said as such, with the command it looks like
    /// (ArgumentParser's own words were "2 unexpected arguments: 'checkk', '01'"). AWS and SAM
    /// words are pointed at `workbook aws` / `workbook sam`.
    static func unknownCommand(_ arguments: [String]) -> WorkbookError? {
        guard let word = arguments.first, !word.hasPrefix("-"), !commandNames.contains(word) else { return nil }
        let awsServices = AWSCommandLine.serviceNames, samCommands = SAMCommandLine.commandNames
        let fix: LocalizedText
        if awsServices.contains(word) {
            fix = LocalizedText(en: "aws commands go through the simulated aws CLI: workbook aws \(word) …",
                                ko: "aws 명령은 시뮬레이션된 aws CLI로 실행합니다: workbook aws \(word) …")
        } else if samCommands.contains(word) {
            fix = LocalizedText(en: "SAM commands go through the simulated SAM CLI: workbook sam \(word) …",
                                ko: "SAM 명령은 시뮬레이션된 SAM CLI로 실행합니다: workbook sam \(word) …")
        } else if let near = Spelling.nearest(word, in: commandNames + ["sam", "aws"]) {
            fix = LocalizedText(en: "did you mean workbook \(near)? (workbook --help lists every command)",
                                ko: "workbook \(near)을(를) 뜻했나요? (workbook --help에 모든 명령이 있습니다)")
        } else {
            fix = LocalizedText(en: "workbook --help lists every command; the simulated tools are workbook sam … and workbook aws …",
                                ko: "workbook --help에 모든 명령이 있습니다. 시뮬레이션된 도구는 workbook sam …, workbook aws …입니다")
        }
        return WorkbookError(LocalizedText(en: "unknown command '\(word)'", ko: "알 수 없는 명령 '\(word)'"), fix: fix)
    }
}

/// A workbook subcommand: runs against a context instead of the process.
protocol WorkbookRunnable: ParsableCommand {
    func run(_ context: CommandContext, globals: GlobalOptions) throws -> Int32
}
