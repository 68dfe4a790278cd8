import Account
import Commands
import Foundation
import SimKit
import TestSupport

/// What one in-process command printed and returned.
struct CommandRun {
    var exitCode: Int32
    var stdout: String
    var stderr: String
    /// Both streams interleaved as a terminal shows them.
    var combined: String
}

/// A learner folder in a temporary directory with a deterministic account in
/// `.workbook/account.sqlite`: the clock frozen at `date`, ids drawn from `seed`.
final class Sandbox {
    let folder: TempFolder
    let account: Account

    /// The lesson's fixed date (nodejs12.x/14.x blocked, nodejs22.x supported).
    static let lessonDate = TimeFormat.instant(year: 2026, month: 11, day: 1, hour: 9)

    init(sample: Bool = true, date: EpochMillis = Sandbox.lessonDate, seed: UInt64 = 7) throws {
        folder = TempFolder("commands-test")
        if sample { try folder.copy(repositoryFolder: "Samples/lambda-dynamodb-2023") }
        try FileManager.default.createDirectory(atPath: "\(folder.path)/.workbook", withIntermediateDirectories: true)
        account = try Account.fresh(at: databasePath, date: date, seed: seed)
    }

    var path: String { folder.path }
    var databasePath: String { "\(folder.path)/.workbook/account.sqlite" }

    /// Every row of the account's database, to prove a command changed nothing.
    func dump() throws -> String { try DatabaseDump.dump(databasePath) }

    func context(input: [String] = [], environment: [String: String] = [:]) -> CommandContext {
        let console = Console.captured(input: input, currentDirectory: folder.path, environment: environment)
        return CommandContext(console: console, account: account, workspace: folder.path)
    }

    /// `workbook sam …` in-process.
    func sam(_ arguments: [String], input: [String] = []) throws -> CommandRun {
        let context = context(input: input)
        let code = try SAMCommandLine.run(arguments, context)
        return CommandRun(exitCode: code, stdout: context.console.stdoutText, stderr: context.console.stderrText,
                          combined: context.console.combinedText)
    }

    /// `workbook aws …` in-process.
    func aws(_ arguments: [String]) throws -> CommandRun {
        let context = context()
        let code = try AWSCommandLine.run(arguments, context)
        return CommandRun(exitCode: code, stdout: context.console.stdoutText, stderr: context.console.stderrText,
                          combined: context.console.combinedText)
    }

    /// Reads a file of the folder.
    func read(_ relative: String) throws -> String { try folder.read(relative) }

    /// Writes a file of the folder.
    func write(_ relative: String, _ text: String) throws { try folder.write(relative, text) }

    /// Rewrites `template.yaml` with one substitution (which must match).
    func editTemplate(_ old: String, _ new: String, file: String = "template.yaml") throws {
        let text = try read(file)
        precondition(text.contains(old), "\(file) has no \(old)")
        try write(file, text.replacingOccurrences(of: old, with: new))
    }

    func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: "\(folder.path)/\(relative)") }

    /// The stack's status as CloudFormation reports it (nil when there is no such live stack).
    func stackStatus(_ name: String) throws -> String? {
        try account.read { db in try account.stacks.live(named: name, in: db)?.status }
    }

    /// The sample with a runtime of our choice.
    func setRuntime(_ runtime: String) throws { try editTemplate("Runtime: nodejs12.x", "Runtime: \(runtime)") }

    /// `sam build` then `sam deploy` of the sample as stack `lambda-to-dynamodb`.
    static let deployArguments = ["deploy", "--stack-name", "lambda-to-dynamodb", "--resolve-s3", "--capabilities", "CAPABILITY_IAM"]
}

/// Shows where two long texts first differ (Swift Testing prints both in full otherwise).
func firstDifference(_ a: String, _ b: String) -> String {
    let la = a.components(separatedBy: "\n"), lb = b.components(separatedBy: "\n")
    for i in 0..<max(la.count, lb.count) {
        let x = i < la.count ? la[i] : "<end>", y = i < lb.count ? lb[i] : "<end>"
        if x != y { return "line \(i + 1):\n got:      \(x.debugDescription)\n expected: \(y.debugDescription)" }
    }
    return "identical"
}
