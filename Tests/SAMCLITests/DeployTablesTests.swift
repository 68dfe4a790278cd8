import SimKit
import Testing
@testable import SAMCLI

struct DeployTablesTests {
    @Test func geometryFollowsTablePrint() {
        let narrow = TableGeometry(columnCount: 4)
        #expect(narrow.usableWidth == 97)
        #expect(narrow.columnWidths == [24, 24, 24, 23])
        #expect(narrow.wrapWidth == 22)
        let wide = TableGeometry(columnCount: 4, terminalColumns: 200)
        #expect(wide.usableWidth == 197)
        #expect(wide.columnWidths == [49, 49, 49, 48])
        let outputs = TableGeometry(columnCount: 1)
        #expect(outputs.columnWidths == [96])
        #expect(outputs.wrapWidth == 95)
        #expect(TableGeometry(columnCount: 3, terminalColumns: 101).width == 99)
    }

    @Test func changeSetGroupsAddModifyDelete() {
        let table = DeployTables().changeSet([
            ChangeSetEntry(action: .remove, logicalResourceId: "DynamoTable", resourceType: "AWS::DynamoDB::Table"),
            ChangeSetEntry(action: .modify, logicalResourceId: "Queue", resourceType: "AWS::SQS::Queue"),
            ChangeSetEntry(action: .add, logicalResourceId: "Queue2", resourceType: "AWS::SQS::Queue"),
        ])
        #expect(table == Transcripts.changeSetModify)
    }

    @Test func changeSetWithoutChangesPrintsDashes() {
        let table = DeployTables().changeSet([])
        #expect(table.contains("\n-                        -                        -                        -"))
    }

    @Test func eventsTableOfAFailedCreate() throws {
        let stack = "AWS::CloudFormation::Stack", table = "AWS::DynamoDB::Table"
        let reason = "Resource handler returned message: \"One or more parameter values were invalid: Some index key "
            + "attributes are not defined in AttributeDefinitions. Keys: [Missing], AttributeDefinitions: [ID]\" "
            + "(RequestToken: 1, HandlerErrorCode: InvalidRequest)"
        let events = [
            StackEventRow(status: "CREATE_IN_PROGRESS", resourceType: stack, logicalResourceId: "lambda-dynamodb",
                          reason: "User Initiated"),
            StackEventRow(status: "CREATE_IN_PROGRESS", resourceType: table, logicalResourceId: "DynamoTable"),
            StackEventRow(status: "CREATE_FAILED", resourceType: table, logicalResourceId: "DynamoTable", reason: reason),
            StackEventRow(status: "ROLLBACK_IN_PROGRESS", resourceType: stack, logicalResourceId: "lambda-dynamodb",
                          reason: "The following resource(s) failed to create: [DynamoTable]. Rollback requested by user."),
            StackEventRow(status: "DELETE_COMPLETE", resourceType: table, logicalResourceId: "DynamoTable"),
            StackEventRow(status: "ROLLBACK_COMPLETE", resourceType: stack, logicalResourceId: "lambda-dynamodb"),
        ]
        let time = try #require(TimeFormat.parseISO("2026-11-25 18:28:19"))
        let text = DeployMessages().waitingForStack(at: time).combined + DeployTables().events(events)
            + SAMError.deployFailed(stackName: "lambda-dynamodb", waiter: .stackCreateComplete, status: "ROLLBACK_COMPLETE").rendered
        #expect(text == Transcripts.failedDeploy)
    }

    @Test func detailedStatusJoinsTheStatusCell() {
        let rows = DeployTables(terminalColumns: 80).eventRows([
            StackEventRow(status: "CREATE_IN_PROGRESS", detailedStatus: "CONFIGURATION_COMPLETE",
                          resourceType: "AWS::Lambda::Function", logicalResourceId: "LambdaPutDynamoDB",
                          reason: "Eventual consistency check initiated"),
        ])
        let lines = rows.split(separator: "\n").map { String($0).trimmingTrailingSpaces() }
        #expect(lines == [
            "CREATE_IN_PROGRESS -     AWS::Lambda::Function    LambdaPutDynamoDB        Eventual consistency",
            "CONFIGURATION_COMPLETE                                                     check initiated",
        ])
    }

    @Test func outputsTable() {
        let text = DeployTables().outputs([
            StackOutputRow(key: "DynamoDbTable", description: "DynamoDb Table", value: "plain-sync-DynamoTable-VS8ZAODXDUPT"),
            StackOutputRow(key: "DynamoDbTableArn",
                           description: "DynamoDb Table ARN (a long value that will wrap inside the outputs table column)",
                           value: "arn:aws:dynamodb:ap-northeast-2:123456789012:table/plain-sync-DynamoTable-VS8ZAODXDUPT"),
            StackOutputRow(key: "QueueUrl",
                           value: "https://sqs.ap-northeast-2.amazonaws.com/123456789012/plain-sync-Queue-UTT3BXPM7NTB"),
        ])
        #expect(text == Transcripts.outputsTable)
    }

    @Test func colouredTablesUseClickCodes() {
        let table = DeployTables(palette: .ansi).changeSet([
            ChangeSetEntry(action: .add, logicalResourceId: "Queue2", resourceType: "AWS::SQS::Queue"),
        ])
        let dashes = String(repeating: "-", count: 97)
        let lines = table.components(separatedBy: "\n")
        #expect(lines[0] == "\u{1B}[1mCloudFormation stack changeset\u{1B}[0m")
        #expect(lines[1] == "\u{1B}[33m" + dashes + "\u{1B}[0m")
        #expect(lines[2].hasPrefix("\u{1B}[33mOperation "))
        #expect(lines[4].hasPrefix("\u{1B}[32m+ Add "))
        #expect(table.hasSuffix("\u{1B}[33m" + dashes + "\n\u{1B}[0m\n"))
        let events = DeployTables(palette: .ansi).eventsHeader()
        #expect(events.hasPrefix("\u{1B}[1m\nCloudFormation events from stack operations (refresh every 5.0 seconds)\u{1B}[0m\n"))
    }

    @Test func statusColours() {
        #expect(StackEventRow(status: "CREATE_COMPLETE", resourceType: "", logicalResourceId: "").color == .green)
        #expect(StackEventRow(status: "ROLLBACK_COMPLETE", resourceType: "", logicalResourceId: "").color == .red)
        #expect(StackEventRow(status: "UPDATE_ROLLBACK_COMPLETE", resourceType: "", logicalResourceId: "").color == .yellow)
        #expect(StackEventRow(status: "UPDATE_FAILED", resourceType: "", logicalResourceId: "").color == .yellow)
    }

    @Test func sync05SecondsHeader() {
        #expect(DeployTables().eventsHeader(pollDelaySeconds: 0.5)
            .hasPrefix("\nCloudFormation events from stack operations (refresh every 0.5 seconds)\n"))
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
