import Testing
import Account
import Commands
import Foundation
import GRDB
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
final class Sandbox: @unchecked Sendable {
    // @unchecked: a test's own folder and account; tests hand it to `onThread` and wait for it.
    let folder: TempFolder
    let account: Account

    /// The lesson's fixed date (nodejs12.x/14.x blocked, nodejs22.x supported).
    static let lessonDate = TimeFormat.instant(year: 2026, month: 11, day: 1, hour: 9)

    init(sample: Bool = true, date: EpochMillis = Sandbox.lessonDate, seed: UInt64 = 7) throws {
        folder = TempFolder("commands-test")
        if sample { try folder.copy(repositoryFolder: "Samples/lambda-dynamodb-2023") }
        try FileManager.default.createDirectory(atPath: "\(folder.path)/.workbook", withIntermediateDirectories: true)
        account = try Account.fresh(at: "\(folder.path)/.workbook/account.sqlite", date: date, seed: seed)
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

/// Replaces the parts of SAM output that depend on file contents and ids (artifact digests and
/// sizes, change-set ARNs) with stable markers, so whole transcripts can be compared.
func normalized(_ text: String) -> String {
    text.replacing(/[0-9a-f]{32}/, with: "<md5>")
        .replacing(/\d+ \/ \d+  \(100\.00%\)/, with: "<n> / <n>  (100.00%)")
        .replacing(/changeSet\/samcli-deploy\d+\/[0-9a-f-]{36}/, with: "changeSet/samcli-deploy<epoch>/<uuid>")
        .replacing(/stack\/([A-Za-z0-9-]+)\/[0-9a-f-]{36}/) { "stack/\($0.output.1)/<uuid>" }
}

extension Sandbox {
    /// One column of the only Lambda function in the account, as text.
    func functionColumn(_ column: String) throws -> String? {
        try account.read { db in try String.fetchOne(db, sql: "SELECT CAST(\(column) AS TEXT) FROM lambda_functions") }
    }

    /// How many rows a table of the account holds.
    func count(_ table: String) throws -> Int {
        try account.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0 }
    }
}

extension Sandbox {
    /// A sandbox with the sample on nodejs22.x deployed as lambda-to-dynamodb.
    static func deployed() throws -> Sandbox {
        let box = try Sandbox()
        try box.setRuntime("nodejs22.x")
        let run = try box.sam(Sandbox.deployArguments)
        #expect(run.exitCode == 0, "\(run.stderr)")
        return box
    }
}
