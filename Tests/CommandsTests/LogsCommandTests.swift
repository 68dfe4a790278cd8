import Commands
import Foundation
import SimKit
import Testing
import TestSupport

/// `workbook aws logs …` against cli-transcripts.md §2.4, in-process. The account's clock is
/// frozen at the transcript's ingestion instant, so `ingestionTime` and `creationTime` match it.
@Suite("aws logs: groups, streams, events")
struct LogsCommandTests {
    static let ingested: EpochMillis = 1_795_631_141_867
    static let group = "/aws/lambda/LambdaPutDynamoDB"
    static let stream = "2024/05/01/[$LATEST]0123456789abcdef0123456789abcdef"

    /// A sandbox holding the transcript's group, stream and three events.
    static func seeded() throws -> Sandbox {
        let box = try Sandbox(sample: false, date: ingested)
        #expect(try box.aws(["logs", "create-log-group", "--log-group-name", group]).exitCode == 0)
        #expect(try box.aws(["logs", "create-log-stream", "--log-group-name", group, "--log-stream-name", stream]).exitCode == 0)
        let put = try box.aws(["logs", "put-log-events", "--log-group-name", group, "--log-stream-name", stream, "--log-events",
                               "timestamp=1795631140000,message=START RequestId: 6f1c Version: $LATEST",
                               "timestamp=1795631140005,message=INFO put ok", "timestamp=1795631140009,message=END RequestId: 6f1c"])
        #expect(put.stdout == "{\n    \"nextSequenceToken\": \"00000000000000000000000000000000000000000000000000000001\"\n}\n", "\(put.combined)")
        return box
    }

    /// An event id as ours are built: timestamp (20 digits), stream id (16), row id (20).
    static func eventId(_ timestamp: EpochMillis, row: Int) -> String {
        String(timestamp).leftPadded(to: 20) + "1".leftPadded(to: 16) + String(row).leftPadded(to: 20)
    }

    static func filteredEvent(_ timestamp: EpochMillis, _ message: String, row: Int) -> String {
        """
                {
                    "logStreamName": "\(stream)",
                    "timestamp": \(timestamp),
                    "message": "\(message)",
                    "ingestionTime": \(ingested),
                    "eventId": "\(eventId(timestamp, row: row))"
                }
        """
    }

    @Test func createPutAndFilterPrintAsTheCLIDoes() throws {
        let box = try Self.seeded()
        let run = try box.aws(["logs", "filter-log-events", "--log-group-name", Self.group])
        #expect(run.exitCode == 0)
        let expected = "{\n    \"events\": [\n" + [
            Self.filteredEvent(1_795_631_140_000, "START RequestId: 6f1c Version: $LATEST", row: 1),
            Self.filteredEvent(1_795_631_140_005, "INFO put ok", row: 2),
            Self.filteredEvent(1_795_631_140_009, "END RequestId: 6f1c", row: 3),
        ].joined(separator: ",\n") + "\n    ],\n    \"searchedLogStreams\": []\n}\n"
        #expect(run.stdout == expected, "\(firstDifference(run.stdout, expected))")
        let pattern = try box.aws(["logs", "filter-log-events", "--log-group-name", Self.group, "--filter-pattern", "put"])
        #expect(pattern.stdout.contains("INFO put ok") && !pattern.stdout.contains("START"), "\(pattern.stdout)")
    }

    @Test func describeLogGroupsSumsStoredBytesInMemberOrder() throws {
        let box = try Self.seeded()
        let run = try box.aws(["logs", "describe-log-groups"])
        #expect(run.stdout == """
            {
                "logGroups": [
                    {
                        "logGroupName": "/aws/lambda/LambdaPutDynamoDB",
                        "creationTime": \(Self.ingested),
                        "metricFilterCount": 0,
                        "arn": "arn:aws:logs:ap-northeast-2:123456789012:log-group:/aws/lambda/LambdaPutDynamoDB:*",
                        "storedBytes": 68,
                        "logGroupClass": "STANDARD",
                        "logGroupArn": "arn:aws:logs:ap-northeast-2:123456789012:log-group:/aws/lambda/LambdaPutDynamoDB"
                    }
                ]
            }

            """)
        let none = try box.aws(["logs", "describe-log-groups", "--log-group-name-prefix", "/aws/lambda/Other"])
        #expect(none.stdout == "{\n    \"logGroups\": []\n}\n")
    }

    @Test func errorsAreTheServicesExactLines() throws {
        let box = try Self.seeded()
        let again = try box.aws(["logs", "create-log-group", "--log-group-name", Self.group])
        #expect(again.exitCode == 254)
        #expect(again.stderr == "\nAn error occurred (ResourceAlreadyExistsException) when calling the CreateLogGroup operation: The specified log group already exists\n")
        let missing = try box.aws(["logs", "filter-log-events", "--log-group-name", "/aws/lambda/nope"])
        #expect(missing.stderr == "\nAn error occurred (ResourceNotFoundException) when calling the FilterLogEvents operation: The specified log group does not exist.\n")
        let noStream = try box.aws(["logs", "put-log-events", "--log-group-name", Self.group, "--log-stream-name", "nostream",
                                    "--log-events", "timestamp=1795631140000,message=x"])
        #expect(noStream.stderr == "\nAn error occurred (ResourceNotFoundException) when calling the PutLogEvents operation: The specified log stream does not exist.\n")
        let dupStream = try box.aws(["logs", "create-log-stream", "--log-group-name", Self.group, "--log-stream-name", Self.stream])
        #expect(dupStream.stderr.contains("(ResourceAlreadyExistsException) when calling the CreateLogStream operation: The specified log stream already exists"))
        let noGroupStream = try box.aws(["logs", "create-log-stream", "--log-group-name", "nope", "--log-stream-name", "s"])
        #expect(noGroupStream.stderr.contains("The specified log group does not exist."))
    }

    @Test func aBadFilterPatternFailsWithAHintNeverMatchingEverything() throws {
        let box = try Self.seeded()
        let run = try box.aws(["logs", "filter-log-events", "--log-group-name", Self.group, "--filter-pattern", "{ $.level = }"])
        #expect(run.exitCode == 254)
        #expect(run.stdout.isEmpty)
        let lines = run.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4, "\(run.stderr)")
        #expect(run.stderr.hasPrefix("\nAn error occurred (InvalidParameterException) when calling the FilterLogEvents operation: Invalid filter pattern\nhint: filter pattern column "))
    }

    @Test func jsonPatternsSelectJSONEvents() throws {
        let box = try Sandbox(sample: false, date: Self.ingested)
        _ = try box.aws(["logs", "create-log-group", "--log-group-name", "g"])
        _ = try box.aws(["logs", "create-log-stream", "--log-group-name", "g", "--log-stream-name", "s"])
        let put = try box.aws(["logs", "put-log-events", "--log-group-name", "g", "--log-stream-name", "s", "--log-events",
                               #"[{"timestamp": 1795631140000, "message": "{\"level\":\"ERROR\",\"latency\":1500}"}, {"timestamp": 1795631140001, "message": "plain ERROR"}, {"timestamp": 1795631140002, "message": "{\"level\":\"INFO\"}"}]"#])
        #expect(put.exitCode == 0, "\(put.combined)")
        let run = try box.aws(["logs", "filter-log-events", "--log-group-name", "g", "--filter-pattern", "{ $.latency > 1000 }",
                               "--query", "events[].message", "--output", "text"])
        #expect(run.stdout == "{\"level\":\"ERROR\",\"latency\":1500}\n", "\(run.combined)")
    }
}

/// Real `aws logs` options the simulation does not model are refused by name (exit 2).
@Suite struct LogsUnsimulatedOptionTests {
    @Test(arguments: [
        (["describe-log-groups", "--log-group-class", "STANDARD"], "aws logs describe-log-groups --log-group-class is not simulated"),
        (["filter-log-events", "--log-group-name", "g", "--unmask"], "aws logs filter-log-events --unmask is not simulated"),
        (["filter-log-events", "--log-group-name", "g", "--max-items", "3"], "aws logs filter-log-events --max-items is not simulated"),
        (["create-log-group", "--log-group-name", "g", "--deletion-protection-enabled"],
         "aws logs create-log-group --deletion-protection-enabled is not simulated"),
    ])
    func refusedByName(words: [String], message: String) throws {
        let box = try Sandbox(sample: false)
        let error = try #require(throws: WorkbookError.self) { try box.aws(["logs"] + words) }
        #expect(error.what.en == message)
        #expect(error.exitCode == 2)
    }
}
