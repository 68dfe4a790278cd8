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

/// A workbook subcommand: runs against a context instead of the process.
protocol WorkbookRunnable: ParsableCommand {
    func run(_ context: CommandContext, globals: GlobalOptions) throws -> Int32
}
