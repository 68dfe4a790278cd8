import Foundation
import Testing
import TestSupport

/// `workbook aws cloudformation …` (aws CLI v2 output, deterministic mode: UTC).
@Suite struct AWSCloudFormationTests {
    static let stack = "lambda-to-dynamodb"

    static func deployed() throws -> Sandbox { try Sandbox.deployed() }

    @Test func describeStacksInBotocoreOrder() throws {
        let box = try Self.deployed()
        let run = try box.aws(["cloudformation", "describe-stacks", "--stack-name", Self.stack])
        #expect(run.exitCode == 0)
        let text = normalized(run.stdout)
            .replacing(/LambdaPutDynamoDB-[A-Za-z0-9]{12}/, with: "LambdaPutDynamoDB-<id>")
            .replacing(/DynamoTable-[A-Z0-9]{13}/, with: "DynamoTable-<id>")
        #expect(text == """
            {
                "Stacks": [
                    {
                        "StackId": "arn:aws:cloudformation:ap-northeast-2:123456789012:stack/lambda-to-dynamodb/<uuid>",
                        "StackName": "lambda-to-dynamodb",
                        "Description": "Persist an item to a DynamoDB table from Lambda",
                        "CreationTime": "2026-11-01T09:00:00+00:00",
                        "RollbackConfiguration": {},
                        "StackStatus": "CREATE_COMPLETE",
                        "DisableRollback": false,
                        "NotificationARNs": [],
                        "Capabilities": [
                            "CAPABILITY_IAM"
                        ],
                        "Outputs": [
                            {
                                "OutputKey": "LambdFunction",
                                "OutputValue": "lambda-to-dynamodb-LambdaPutDynamoDB-<id>",
                                "Description": "LambdaPutDynamoDB function  Arn"
                            },
                            {
                                "OutputKey": "DynamoDbTable",
                                "OutputValue": "lambda-to-dynamodb-DynamoTable-<id>",
                                "Description": "DynamoDb Table"
                            }
                        ],
                        "Tags": [],
                        "EnableTerminationProtection": false,
                        "DriftInformation": {
                            "StackDriftStatus": "NOT_CHECKED"
                        }
                    }
                ]
            }

            """, "\(firstDifference(text, ""))")
    }

    @Test func queryOutputsAndTextOutput() throws {
        let box = try Self.deployed()
        let table = try #require(try box.account.read { db in
            try box.account.stacks.live(named: Self.stack, in: db)?.outputs.first { $0.key == "DynamoDbTable" }?.value
        })
        let query = try box.aws(["cloudformation", "describe-stacks", "--stack-name", Self.stack,
                                 "--query", "Stacks[0].Outputs[?OutputKey=='DynamoDbTable'].OutputValue", "--output", "text"])
        #expect(query.exitCode == 0)
        #expect(query.stdout == "\(table)\n")
        let outputs = try box.aws(["cloudformation", "describe-stacks", "--stack-name", Self.stack, "--query", "Stacks[0].Outputs"])
        #expect(outputs.stdout.hasPrefix("[\n    {\n        \"OutputKey\": \"LambdFunction\",\n"))
    }

    @Test func stackEventsNewestFirstAndResources() throws {
        let box = try Self.deployed()
        let events = try box.aws(["cloudformation", "describe-stack-events", "--stack-name", Self.stack,
                                  "--query", "StackEvents[].[LogicalResourceId,ResourceStatus]", "--output", "text"])
        #expect(events.exitCode == 0)
        let lines = events.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "lambda-to-dynamodb\tCREATE_COMPLETE")
        #expect(lines.last == "lambda-to-dynamodb\tCREATE_IN_PROGRESS")
        #expect(lines.count == 12)  // stack 2, table 3, role 3, function 4

        let resources = try box.aws(["cloudformation", "list-stack-resources", "--stack-name", Self.stack, "--output", "text"])
        let rows = resources.stdout.split(separator: "\n").map(String.init)
        #expect(rows.count == 6)
        #expect(rows[0].hasPrefix("STACKRESOURCESUMMARIES\t2026-11-01T09:00:00+00:00\tDynamoTable\tlambda-to-dynamodb-DynamoTable-"))
        #expect(rows[0].hasSuffix("\tCREATE_COMPLETE\tAWS::DynamoDB::Table"))
        #expect(rows[1] == "DRIFTINFORMATION\tNOT_CHECKED")
    }

    @Test func deleteStackThenDescribeIsMissing() throws {
        let box = try Self.deployed()
        let deleted = try box.aws(["cloudformation", "delete-stack", "--stack-name", Self.stack])
        #expect(deleted.exitCode == 0)
        #expect(deleted.stdout.isEmpty)
        #expect(try box.stackStatus(Self.stack) == nil)
        #expect(try box.count("lambda_functions") == 0)
        // Deleting again is silently fine, as on AWS.
        #expect(try box.aws(["cloudformation", "delete-stack", "--stack-name", Self.stack]).exitCode == 0)
    }

    @Test func missingStackIsAValidationError() throws {
        let box = try Sandbox()
        let run = try box.aws(["cloudformation", "describe-stacks", "--stack-name", "nope"])
        #expect(run.exitCode == 254)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == "\nAn error occurred (ValidationError) when calling the DescribeStacks operation: Stack with id nope does not exist\n")
    }

    @Test func unknownOptionIsExit252() throws {
        let box = try Sandbox()
        let run = try box.aws(["cloudformation", "describe-stacks", "--stak-name", "x"])
        #expect(run.exitCode == 252)
        #expect(run.stderr.contains("Unknown options: --stak-name, x"), "\(run.stderr)")
    }
}
