import Foundation
import Testing
import TestSupport

/// `--workspace`, `--lang`, `--json`, `--plain`, `--deterministic` go before or after any
/// subcommand, the `sam`/`aws` namespaces included (issue 3 item 7); bad flags are bad usage (2).
@Suite("Global flags")
struct GlobalFlagsTests {
    static var clockLine: Regex<Substring> { #/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z \(interactive: .+\)\n$/# }

    @Test func workspaceBeforeOrAfterTheSubcommand() throws {
        let workspace = TempFolder("workbook-e2e-ws"), elsewhere = TempFolder("workbook-e2e-cwd")
        let before = try workbook(["--workspace", workspace.path, "clock", "show"], in: elsewhere.path)
        #expect(before.exitCode == 0, "\(before.transcript)")
        #expect(before.stdout.wholeMatch(of: Self.clockLine) != nil, "\(before.stdout)")
        let after = try workbook(["clock", "show", "--workspace", workspace.path], in: elsewhere.path)
        #expect(after.exitCode == 0, "\(after.transcript)")
        #expect(after.stdout.wholeMatch(of: Self.clockLine) != nil, "\(after.stdout)")
        let equals = try workbook(["clock", "show", "--workspace=\(workspace.path)"], in: elsewhere.path)
        #expect(equals.exitCode == 0, "\(equals.transcript)")

        // Both spellings reach the same account: a clock set through one shows through the other.
        #expect(try workbook(["--workspace", workspace.path, "clock", "set", "2023-05-10T00:00:00Z"], in: elsewhere.path).exitCode == 0)
        let shown = try workbook(["clock", "show", "--workspace", workspace.path], in: elsewhere.path)
        #expect(shown.stdout.hasPrefix("2023-05-10T00:00:0"), "\(shown.stdout)")
        #expect(!Files.exists("\(elsewhere.path)/.workbook"), "the current directory is left alone")
    }

    @Test func aWorkspaceWithoutStateGetsOne() throws {
        let workspace = TempFolder("workbook-e2e-ws"), elsewhere = TempFolder("workbook-e2e-cwd")
        #expect(!Files.exists("\(workspace.path)/.workbook"))
        let run = try workbook(["--workspace", workspace.path, "clock", "show"], in: elsewhere.path)
        #expect(run.exitCode == 0, "\(run.transcript)")
        #expect(Files.exists("\(workspace.path)/.workbook"))
    }

    @Test func workspaceReachesTheSamAndAwsNamespaces() throws {
        let workspace = TempFolder("workbook-e2e-ws"), elsewhere = TempFolder("workbook-e2e-cwd")
        let version = try workbook(["--workspace", workspace.path, "sam", "--version"], in: elsewhere.path)
        #expect(version.exitCode == 0, "\(version.transcript)")
        #expect(version.stdout == "SAM CLI, version 1.170.0\n")
        let versionAfter = try workbook(["sam", "--version", "--workspace", workspace.path], in: elsewhere.path)
        #expect(versionAfter.stdout == "SAM CLI, version 1.170.0\n")

        for arguments in [["--workspace", workspace.path, "aws", "cloudformation", "describe-stacks"],
                          ["aws", "cloudformation", "describe-stacks", "--workspace", workspace.path]] {
            let run = try workbook(arguments, in: elsewhere.path)
            #expect(run.exitCode == 0, "\(run.transcript)")
            #expect(run.stdout == "{\n    \"Stacks\": []\n}\n", "\(arguments)")
        }
        #expect(Files.exists("\(workspace.path)/.workbook"))
        #expect(!Files.exists("\(elsewhere.path)/.workbook"))
    }

    @Test func langBeforeOrAfterTheSubcommand() throws {
        let learner = try LearnerFolder()
        for arguments in [["--lang", "ko", "list"], ["list", "--lang", "ko"], ["list", "--lang=ko"]] {
            let run = try workbook(arguments, in: learner.sprint)
            #expect(run.exitCode == 0, "\(run.transcript)")
            #expect(run.stdout.contains("SAM으로 스프린트 앱 배포하기"), "\(arguments)")
        }
        let english = try workbook(["--lang", "en", "list"], in: learner.sprint, environment: ["LANG": "ko_KR.UTF-8"])
        #expect(english.stdout.contains("Deploy the sprint's app with SAM"))
        // The default follows LANG.
        let fromEnvironment = try workbook(["list"], in: learner.sprint, environment: ["LANG": "ko_KR.UTF-8"])
        #expect(fromEnvironment.stdout.contains("SAM으로 스프린트 앱 배포하기"))
    }

    @Test(arguments: [
        ["--bogus"],
        ["list", "--bogus"],
        ["check", "01", "--bogus"],
        ["clock", "show", "--bogus"],
        ["no-such-command"],
    ])
    func aBadFlagIsOneClearErrorAndExitTwo(arguments: [String]) throws {
        let learner = try LearnerFolder()
        let run = try workbook(arguments, in: learner.sprint)
        #expect(run.exitCode == 2, "\(run.transcript)")
        #expect(run.stdout.isEmpty, "\(run.transcript)")
        let errors = run.stderr.components(separatedBy: "\n").filter { $0.hasPrefix("Error:") || $0.hasPrefix("error:") }
        #expect(errors.count == 1, "exactly one error line:\n\(run.stderr)")
        for crash in ["Fatal error", "Stack dump", "Swift runtime failure", "#0 ", "Backtrace"] {
            #expect(!run.stderr.contains(crash), "\(run.transcript)")
        }
    }

    /// `--help`, `-h` and `help` print the help of the command they name (they all printed the
    /// `help` command's own help once), on stdout, exit 0.
    @Test(arguments: [
        (["--help"], "OVERVIEW: Serverless Sprint Workbook"), (["-h"], "OVERVIEW: Serverless Sprint Workbook"),
        (["help"], "OVERVIEW: Serverless Sprint Workbook"), (["check", "--help"], "USAGE: workbook check [<lesson>]"),
        (["help", "check"], "USAGE: workbook check [<lesson>]"), (["help", "clock"], "USAGE: workbook clock <subcommand>"),
        (["reset", "-h"], "USAGE: workbook reset"),
    ])
    func helpPrintsTheNamedCommandsHelp(arguments: [String], expected: String) throws {
        let learner = try LearnerFolder()
        let run = try workbook(arguments, in: learner.sprint)
        #expect(run.exitCode == 0, "\(run.transcript)")
        #expect(run.stdout.contains(expected), "\(run.transcript)")
        #expect(!run.stdout.contains("Show subcommand help information"), "\(run.transcript)")
    }

    /// A first word that is no workbook command says so, with the command it looks like, or the
    /// simulated tool it belongs to; exit 2, one error line.
    @Test(arguments: [
        (["checkk", "01"], "fix: did you mean workbook check?"), (["lambda", "invoke"], "fix: aws commands go through the simulated aws CLI: workbook aws lambda"),
        (["deploy"], "fix: SAM commands go through the simulated SAM CLI: workbook sam deploy"), (["frobnicate"], "fix: workbook --help lists every command"),
    ])
    func anUnknownCommandSaysWhatItLooksLike(arguments: [String], fix: String) throws {
        let learner = try LearnerFolder()
        let run = try workbook(arguments, in: learner.sprint)
        #expect(run.exitCode == 2, "\(run.transcript)")
        #expect(run.stderr.hasPrefix("error: unknown command '\(arguments[0])'\n"), "\(run.transcript)")
        #expect(run.stderr.contains(fix), "\(run.transcript)")
    }

    /// `aws cloudfromation`: argparse's refusal of an unknown command, as the real CLI's (a slip
    /// on a simulated service); `aws s3`: a real service the workbook does not simulate.
    @Test func anAWSServiceSlipIsInvalidChoiceAndAnUnsimulatedServiceSaysSo() throws {
        let learner = try LearnerFolder()
        let slip = try workbook(["aws", "cloudfromation", "describe-stacks"], in: learner.sprint)
        #expect(slip.exitCode == 252, "\(slip.transcript)")
        #expect(slip.stderr.contains("aws: error: argument command: Invalid choice, valid choices are:\n\ncloudformation "), "\(slip.transcript)")
        let s3 = try workbook(["aws", "s3", "ls"], in: learner.sprint)
        #expect(s3.exitCode == 2)
        #expect(s3.stderr.hasPrefix("error: aws s3 is not simulated\n  fix: leave it out here"), "\(s3.transcript)")
    }

    /// `aws help` (which the usage banner recommends) and its service and operation forms print
    /// what the simulation models, exit 0, instead of failing.
    @Test func awsHelpListsWhatIsSimulated() throws {
        let learner = try LearnerFolder()
        let top = try workbook(["aws", "help"], in: learner.sprint)
        #expect(top.exitCode == 0, "\(top.transcript)")
        #expect(top.stdout.contains("  cloudformation\n  dynamodb\n  lambda\n  logs\n"), "\(top.transcript)")
        let service = try workbook(["aws", "dynamodb", "help"], in: learner.sprint)
        #expect(service.exitCode == 0 && service.stdout.contains("  put-item\n"), "\(service.transcript)")
        let operation = try workbook(["aws", "dynamodb", "put-item", "help"], in: learner.sprint)
        #expect(operation.exitCode == 0 && operation.stdout.contains("  --table-name  (required)\n"), "\(operation.transcript)")
        #expect(operation.stdout.contains("refuses: --expected"), "\(operation.transcript)")
    }

    @Test func aBadFlagGoldens() throws {
        let learner = try LearnerFolder()
        try Golden.assertMatches(learner.mask.apply(try workbook(["list", "--bogus"], in: learner.sprint).transcript), "bad-flag")
        try Golden.assertMatches(learner.mask.apply(try workbook(["--lang", "xx", "list"], in: learner.sprint).transcript), "bad-lang")
    }

    @Test(arguments: [["--lang", "xx", "list"], ["list", "--lang", "xx"], ["list", "--lang"], ["list", "--workspace"]])
    func aBadGlobalFlagValueIsExitTwo(arguments: [String]) throws {
        let learner = try LearnerFolder()
        let run = try workbook(arguments, in: learner.sprint)
        #expect(run.exitCode == 2, "\(run.transcript)")
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("error: "), "\(run.stderr)")
        #expect(run.stderr.contains("fix: "), "a bad value comes with a fix line: \(run.stderr)")
    }
}
