import Commands
import Foundation
import SimKit
import Testing
import TestSupport

/// `aws logs tail` without `--follow`, in-process: the renderings of cli-transcripts.md §3.
@Suite("aws logs tail")
struct LogsTailTests {
    typealias T = LogsCommandTests

    /// The transcript's five events: §2.4's three, a JSON message and a REPORT line with TABs.
    static func sandbox() throws -> Sandbox {
        let box = try T.seeded()
        let put = try box.aws(["logs", "put-log-events", "--log-group-name", T.group, "--log-stream-name", T.stream, "--log-events",
                               #"[{"timestamp": 1795631140020, "message": "{\"level\":\"INFO\",\"msg\":\"stored\",\"id\":\"4711\"}\n"}, {"timestamp": 1795631140025, "message": "REPORT RequestId: 6f1c\tDuration: 12.34 ms\tBilled Duration: 13 ms\n"}]"#])
        #expect(put.exitCode == 0, "\(put.combined)")
        return box
    }

    static let stream = T.stream

    @Test func shortFormat() throws {
        let run = try Self.sandbox().aws(["logs", "tail", T.group, "--format", "short"])
        #expect(run.exitCode == 0)
        #expect(run.stdout == """
            2026-11-25T18:25:40 START RequestId: 6f1c Version: $LATEST
            2026-11-25T18:25:40 INFO put ok
            2026-11-25T18:25:40 END RequestId: 6f1c
            2026-11-25T18:25:40 {"level":"INFO","msg":"stored","id":"4711"}
            2026-11-25T18:25:40 REPORT RequestId: 6f1c\tDuration: 12.34 ms\tBilled Duration: 13 ms

            """, "\(firstDifference(run.stdout, ""))")
    }

    @Test func detailedIsTheDefault() throws {
        let run = try Self.sandbox().aws(["logs", "tail", T.group])
        let s = Self.stream
        #expect(run.stdout == """
            2026-11-25T18:25:40.000000+00:00 \(s) START RequestId: 6f1c Version: $LATEST
            2026-11-25T18:25:40.005000+00:00 \(s) INFO put ok
            2026-11-25T18:25:40.009000+00:00 \(s) END RequestId: 6f1c
            2026-11-25T18:25:40.020000+00:00 \(s) {"level":"INFO","msg":"stored","id":"4711"}
            2026-11-25T18:25:40.025000+00:00 \(s) REPORT RequestId: 6f1c\tDuration: 12.34 ms\tBilled Duration: 13 ms

            """)
    }

    @Test func jsonFormatPrettyPrintsJSONMessages() throws {
        let run = try Self.sandbox().aws(["logs", "tail", T.group, "--format", "json"])
        let s = Self.stream
        #expect(run.stdout == """
            2026-11-25T18:25:40+00:00 \(s) START RequestId: 6f1c Version: $LATEST
            2026-11-25T18:25:40.005000+00:00 \(s) INFO put ok
            2026-11-25T18:25:40.009000+00:00 \(s) END RequestId: 6f1c
            2026-11-25T18:25:40.020000+00:00 \(s) \("")
            {
                "level": "INFO",
                "msg": "stored",
                "id": "4711"
            }
            2026-11-25T18:25:40.025000+00:00 \(s) REPORT RequestId: 6f1c\tDuration: 12.34 ms\tBilled Duration: 13 ms

            """)
    }

    @Test func sinceAndFilterPatternNarrowTheEvents() throws {
        let box = try Self.sandbox()
        let late = try box.aws(["logs", "tail", T.group, "--since", "2026-11-25T18:25:40.010", "--format", "short"])
        #expect(late.stdout.split(separator: "\n").count == 2, "\(late.stdout)")
        let recent = try box.aws(["logs", "tail", T.group, "--since", "1s", "--format", "short"])
        #expect(recent.stdout.isEmpty, "the events are 1.8 s older than the account's now")
        let matched = try box.aws(["logs", "tail", T.group, "--filter-pattern", "{ $.id = \"4711\" }", "--format", "short"])
        #expect(matched.stdout == "2026-11-25T18:25:40 {\"level\":\"INFO\",\"msg\":\"stored\",\"id\":\"4711\"}\n")
        let streams = try box.aws(["logs", "tail", T.group, "--log-stream-names", "other", "--format", "short"])
        #expect(streams.stdout.isEmpty)
    }

    @Test func failuresPrintAsTheCLIDoes() throws {
        let box = try Self.sandbox()
        let missing = try box.aws(["logs", "tail", "/aws/lambda/nope"])
        #expect(missing.exitCode == 254)
        #expect(missing.stderr == "\nAn error occurred (ResourceNotFoundException) when calling the FilterLogEvents operation: The specified log group does not exist.\n")
        let bad = try box.aws(["logs", "tail", T.group, "--filter-pattern", "\"unclosed"])
        #expect(bad.exitCode == 254)
        #expect(bad.stderr.contains("Invalid filter pattern\nhint: filter pattern column 1: this quote is never closed\n"), "\(bad.stderr)")
        let noGroup = try box.aws(["logs", "tail"])
        #expect(noGroup.exitCode == 252 && noGroup.stderr.contains("the following arguments are required: group_name"))
        let since = try box.aws(["logs", "tail", T.group, "--since", "5h30m"])
        #expect(since.exitCode == 255 && since.stderr.contains("Invalid timestamp \"5h30m\""))
    }
}
