import Commands
import Foundation
import SimKit
import Testing
import TestSupport

/// get-log-events tokens, describe-log-streams, PutLogEvents' batch rules, retention and
/// delete-log-group, in-process.
@Suite("aws logs: paging, batches, retention")
struct LogsEventPagingTests {
    typealias T = LogsCommandTests

    @Test func getLogEventsPagesWithForwardAndBackwardTokens() throws {
        let box = try T.seeded()
        let all = try box.aws(["logs", "get-log-events", "--log-group-name", T.group, "--log-stream-name", T.stream])
        #expect(all.stdout.hasPrefix("""
            {
                "events": [
                    {
                        "timestamp": 1795631140000,
                        "message": "START RequestId: 6f1c Version: $LATEST",
                        "ingestionTime": \(T.ingested)
                    },
            """), "\(all.stdout)")
        #expect(all.stdout.contains("\"nextForwardToken\": \"f/\(T.eventId(1_795_631_140_009, row: 3))/s\",\n    \"nextBackwardToken\": \"b/\(T.eventId(1_795_631_140_000, row: 1))/s\"\n}\n"))
        let head = try box.aws(["logs", "get-log-events", "--log-group-name", T.group, "--log-stream-name", T.stream, "--start-from-head",
                                "--limit", "1", "--query", "[events[].message, nextForwardToken]", "--output", "json"])
        #expect(head.stdout.contains("START RequestId"), "\(head.combined)")
        let token = "f/\(T.eventId(1_795_631_140_000, row: 1))/s"
        let next = try box.aws(["logs", "get-log-events", "--log-group-name", T.group, "--log-stream-name", T.stream, "--next-token", token,
                                "--limit", "1", "--query", "events[].message", "--output", "text"])
        #expect(next.stdout == "INFO put ok\n", "\(next.combined)")
        let tail = try box.aws(["logs", "get-log-events", "--log-group-name", T.group, "--log-stream-name", T.stream, "--limit", "1",
                                "--query", "events[].message", "--output", "text"])
        #expect(tail.stdout == "END RequestId: 6f1c\n", "without --start-from-head the newest events come back")
        let bad = try box.aws(["logs", "get-log-events", "--log-group-name", T.group, "--log-stream-name", T.stream, "--next-token", "zzz"])
        #expect(bad.exitCode == 254)
    }

    @Test func describeLogStreamsShowsEventTimes() throws {
        let box = try T.seeded()
        let run = try box.aws(["logs", "describe-log-streams", "--log-group-name", T.group])
        #expect(run.stdout == """
            {
                "logStreams": [
                    {
                        "logStreamName": "\(T.stream)",
                        "creationTime": \(T.ingested),
                        "firstEventTimestamp": 1795631140000,
                        "lastEventTimestamp": 1795631140009,
                        "lastIngestionTime": \(T.ingested),
                        "uploadSequenceToken": "00000000000000000000000000000000000000000000000000000001",
                        "arn": "arn:aws:logs:ap-northeast-2:123456789012:log-group:\(T.group):log-stream:\(T.stream)",
                        "storedBytes": 0
                    }
                ]
            }

            """, "\(run.combined)")
        let missing = try box.aws(["logs", "describe-log-streams", "--log-group-name", "nope"])
        #expect(missing.stderr.contains("(ResourceNotFoundException) when calling the DescribeLogStreams operation: The specified log group does not exist."))
    }

    @Test func tooOldAndTooNewEventsAreRejectedNotStored() throws {
        let box = try T.seeded()
        let old = T.ingested - 15 * 86_400_000, new = T.ingested + 3 * 3_600_000
        let run = try box.aws(["logs", "put-log-events", "--log-group-name", T.group, "--log-stream-name", T.stream, "--log-events",
                               "timestamp=\(old),message=old", "timestamp=\(T.ingested),message=fine", "timestamp=\(new),message=new"])
        // The batch spans more than 24 hours: the whole call fails.
        #expect(run.stderr.contains("cannot span more than 24 hours"), "\(run.combined)")
        let split = try box.aws(["logs", "put-log-events", "--log-group-name", T.group, "--log-stream-name", T.stream, "--log-events",
                                 "timestamp=\(T.ingested),message=fine", "timestamp=\(new),message=new"])
        #expect(split.stdout == """
            {
                "nextSequenceToken": "00000000000000000000000000000000000000000000000000000002",
                "rejectedLogEventsInfo": {
                    "tooNewLogEventStartIndex": 1
                }
            }

            """, "\(split.combined)")
        let messages = try box.aws(["logs", "filter-log-events", "--log-group-name", T.group, "--query", "events[].message", "--output", "text"])
        #expect(messages.stdout.contains("fine") && !messages.stdout.contains("new"))
        let backwards = try box.aws(["logs", "put-log-events", "--log-group-name", T.group, "--log-stream-name", T.stream, "--log-events",
                                     "timestamp=\(T.ingested),message=b", "timestamp=\(T.ingested - 1),message=a"])
        #expect(backwards.stderr == "\nAn error occurred (InvalidParameterException) when calling the PutLogEvents operation: Log events in a single PutLogEvents request must be in chronological order.\n")
    }

    @Test func retentionAndDeletion() throws {
        let box = try T.seeded()
        #expect(try box.aws(["logs", "put-retention-policy", "--log-group-name", T.group, "--retention-in-days", "7"]).stdout.isEmpty)
        let described = try box.aws(["logs", "describe-log-groups", "--query", "logGroups[0].retentionInDays"])
        #expect(described.stdout == "7\n")
        let bad = try box.aws(["logs", "put-retention-policy", "--log-group-name", T.group, "--retention-in-days", "2"])
        #expect(bad.exitCode == 254 && bad.stderr.contains("Member must satisfy enum value set"))
        #expect(try box.aws(["logs", "delete-retention-policy", "--log-group-name", T.group]).exitCode == 0)
        #expect(try box.aws(["logs", "delete-log-group", "--log-group-name", T.group]).exitCode == 0)
        #expect(try box.count("log_events") == 0, "deleting the group removes its streams and events")
        let again = try box.aws(["logs", "delete-log-group", "--log-group-name", T.group])
        #expect(again.stderr == "\nAn error occurred (ResourceNotFoundException) when calling the DeleteLogGroup operation: The specified log group does not exist.\n")
    }
}
