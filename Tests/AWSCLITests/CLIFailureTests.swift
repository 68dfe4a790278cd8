import SimKit
import Testing

@testable import AWSCLI

/// Error texts and exit codes of aws CLI v2.
struct CLIFailureTests {
    /// cli-transcripts.md §2.2 text; v2's client-error exit code 254 (§2.6).
    @Test func serviceErrorIsBlankLineThenTheBotocoreMessage() {
        let error = AWSError(code: "ResourceNotFoundException", message: "Requested resource not found")
        let failure = CLIFailure.service(error, operation: "GetItem")
        #expect(failure.stderr == "\nAn error occurred (ResourceNotFoundException) when calling the GetItem operation: "
            + "Requested resource not found\n")
        #expect(failure.exitCode == CLIExit.serviceError)
        #expect(CLIExit.serviceError == 254)
    }

    /// awscli v2 `argparser.py`: `error()` raises `ArgParseException(usage + "\n" + "aws: error: …\n")`,
    /// which `errorhandler.py` prints between newlines with exit 252.
    @Test func missingArgumentsUseV2UsageBanner() {
        let failure = CLIFailure.missingArguments(["--table-name", "--key"])
        #expect(failure.exitCode == 252)
        #expect(failure.stderr == """

            usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]
            To see help text, you can run:

              aws help
              aws <command> help
              aws <command> <subcommand> help

            aws: error: the following arguments are required: --table-name, --key


            """)
    }

    @Test func unknownOptionsFollowTheUsage() {
        let failure = CLIFailure.unknownOptions(["--table-nam", "Items"])
        #expect(failure.exitCode == 252)
        #expect(failure.stderr.hasPrefix("\nusage: aws [options]"))
        #expect(failure.stderr.hasSuffix("  aws <command> <subcommand> help\n\nUnknown options: --table-nam, Items\n\n"))
    }

    @Test func timestampsRenderTheV2Way() {
        let instant = TimeFormat.instant(year: 2026, month: 11, day: 25, hour: 18, minute: 23, second: 44, millisecond: 59)
        #expect(CLITimestamp.value(instant) == "2026-11-25T18:23:44.059000+00:00")
        #expect(CLITimestamp.value(instant, offsetSeconds: 9 * 3600) == "2026-11-26T03:23:44.059000+09:00")
        #expect(CLITimestamp.value(instant, format: .none) == .double(1795631024.059))
        #expect(CLITimestamp.value(instant - 59, format: .none) == .int(1795631024))
    }
}
