import Commands
import Foundation
import SimKit
import Testing
import TestSupport

/// `workbook sam logs` on the deployed sample: SAM CLI's text consumer output
/// (`<stream> <timestamp> <message>`), its option checks and errors.
@Suite("sam logs")
struct SAMLogsTests {
    static let stream = "2026/11/01/[$LATEST]0123456789abcdef0123456789abcdef"

    /// The deployed sample with three events in its function's log group (the clock stands at
    /// 2026-11-01T09:00:00Z).
    static func withLogs() throws -> (Sandbox, String) {
        let box = try Sandbox.deployed()
        let name = try #require(try box.account.read { db in try box.account.functions.list(in: db) }.first?.name)
        let group = "/aws/lambda/\(name)"
        _ = try box.aws(["logs", "create-log-group", "--log-group-name", group])
        _ = try box.aws(["logs", "create-log-stream", "--log-group-name", group, "--log-stream-name", stream])
        let events = #"[{"timestamp":1793520600000,"message":"too old for the default 10m window"},"#
            + #"{"timestamp":1793523540000,"message":"START RequestId: 6f1c Version: $LATEST"},"#
            + #"{"timestamp":1793523540250,"message":"{\"a\":1,\"b\":[true]}"}]"#
        let put = try box.aws(["logs", "put-log-events", "--log-group-name", group, "--log-stream-name", stream, "--log-events", events])
        #expect(put.exitCode == 0, "\(put.stderr)")
        return (box, name)
    }

    @Test func printsStreamTimestampAndMessageLikeSAM() throws {
        let (box, _) = try Self.withLogs()
        let run = try box.sam(["logs", "-n", "LambdaPutDynamoDB", "--stack-name", "lambda-to-dynamodb"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.stdout == """
            You can now use 'sam logs' without --name parameter, which will pull the logs from all supported resources in your stack.
            \(Self.stream) 2026-11-01T08:59:00 START RequestId: 6f1c Version: $LATEST
            \(Self.stream) 2026-11-01T08:59:00.250000 {
              "a": 1,
              "b": [
                true
              ]
            }

            """, "\(run.stdout)")
        let all = try box.sam(["logs", "--stack-name", "lambda-to-dynamodb", "-s", "1 hour ago", "--filter", "START"])
        #expect(all.stdout == "\(Self.stream) 2026-11-01T08:59:00 START RequestId: 6f1c Version: $LATEST\n", "\(all.stdout)")
        let window = try box.sam(["logs", "--stack-name", "lambda-to-dynamodb", "-s", "2026-11-01 08:00:00", "-e", "2026-11-01 08:40:00"])
        #expect(window.stdout == "\(Self.stream) 2026-11-01T08:10:00 too old for the default 10m window\n", "\(window.stdout)")
    }

    @Test func optionErrorsAreSAMs() throws {
        let (box, _) = try Self.withLogs()
        let noStack = try box.sam(["logs", "-n", "LambdaPutDynamoDB"])
        #expect(noStack.exitCode == 2)
        #expect(noStack.stderr == "Usage: sam logs [OPTIONS]\nTry 'sam logs -h' for help.\n\n"
                + "Error: Missing option. Please provide '--stack-name' when using '--name' option\n")
        let unknown = try box.sam(["logs", "--stack-name", "nope"])
        #expect(unknown.exitCode == 1)
        #expect(unknown.stderr == "Error: Invalid --stack-name parameter. Stack with id 'nope' does not exist\n")
        let resource = try box.sam(["logs", "-n", "Nope", "--stack-name", "lambda-to-dynamodb"])
        #expect(resource.exitCode == 1)
        #expect(resource.stderr == "Resource name (Nope) does not exist. Available resource names: LambdaPutDynamoDB\n"
                + "Error: No valid resources find to pull information\n")
        let time = try box.sam(["logs", "--stack-name", "lambda-to-dynamodb", "-s", "whenever"])
        #expect(time.stderr == "Error: Unable to parse the time provided by 'start-time'\n")
    }
}
