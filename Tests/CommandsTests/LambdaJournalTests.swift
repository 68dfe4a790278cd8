import Account
import Foundation
import SimKit
import Testing
import TestSupport

/// What Lambda did out of the learner's sight lands in the account's journal, which a check
/// prints in its trace: above all why a function's log stayed empty (issue 5, item 4).
/// Invokes run on a thread of their own (`onThread`), as the CLI runs them on its own.
struct LambdaJournalTests {
    static func deployed() throws -> Sandbox {
        let sandbox = try Sandbox(sample: false)
        try sandbox.folder.copy(repositoryFolder: "Tests/EndToEndTests/Fixtures/lambda-invoke")
        let deploy = try sandbox.sam(["deploy", "--stack-name", "journal", "--resolve-s3", "--capabilities", "CAPABILITY_IAM",
                                      "--no-confirm-changeset"])
        #expect(deploy.exitCode == 0, "\(deploy.combined)")
        _ = sandbox.account.journal.take()
        return sandbox
    }

    @Test func aRoleWithoutLogPermissionsIsNamedWithTheMissingAction() async throws {
        let sandbox = try Self.deployed()
        #expect(try await onThread { try sandbox.aws(["lambda", "invoke", "--function-name", "put-silent", "r.json"]) }.exitCode == 0)
        let entries = sandbox.account.journal.take()
        #expect(entries.map(\.actor) == ["Lambda", "CloudWatch Logs"], "\(entries)")
        #expect(entries[0].text.en.hasPrefix("put-silent invocation ") && entries[0].text.en.hasSuffix(": cold start, succeeded"))
        let logs = entries[1].text.en
        #expect(logs.hasPrefix("nothing written to /aws/lambda/put-silent: the execution role arn:aws:iam::123456789012:role/"), "\(logs)")
        #expect(logs.contains("may not logs:CreateLogGroup (no statement allows logs:CreateLogGroup on "
            + "arn:aws:logs:ap-northeast-2:123456789012:log-group:/aws/lambda/put-silent)"), "\(logs)")
        #expect(entries[1].text.ko?.contains("logs:CreateLogGroup") == true)
    }

    @Test func aDeliveredLogLeavesNoLogsEntryAndAFailureShowsItsPayload() async throws {
        let sandbox = try Self.deployed()
        #expect(try await onThread { try sandbox.aws(["lambda", "invoke", "--function-name", "put-fails", "r.json"]) }.exitCode == 0)
        let entries = sandbox.account.journal.take()
        #expect(entries.map(\.actor) == ["Lambda"], "\(entries)")
        #expect(entries[0].text.en.hasSuffix(": cold start, FunctionError Unhandled"))
        #expect(entries[0].detail.first?.hasPrefix(#"{"errorType":"Error","errorMessage":"boom""#) == true, "\(entries[0].detail)")
    }
}
