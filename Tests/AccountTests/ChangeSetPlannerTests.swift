import Account
import CloudFormation
import Foundation
import SimKit
import Testing

/// CreateChangeSet: refusals, capabilities, empty change sets, replacement column.
@Suite struct ChangeSetPlannerTests {
    func refusal(_ result: Result<ChangeSetPlan, AWSError>) throws -> AWSError {
        try #require(throws: AWSError.self) { try result.get() }
    }

    @Test func iamResourcesNeedCapabilityIAM() throws {
        let sim = try Sim.standard(onDisk: false)
        let error = try refusal(try sim.plan(Fixtures.app(), capabilities: []))
        #expect(error.code == "InsufficientCapabilitiesException")
        #expect(error.message == "Requires capabilities : [CAPABILITY_IAM]")
        #expect(error.cliLine(operation: "CreateChangeSet")
            == "An error occurred (InsufficientCapabilitiesException) when calling the CreateChangeSet operation: Requires capabilities : [CAPABILITY_IAM]")
        #expect(throws: Never.self) { try sim.plan(Fixtures.app(), capabilities: ["CAPABILITY_IAM"]).get() }
        #expect(throws: Never.self) { try sim.plan(Fixtures.app(), capabilities: ["CAPABILITY_NAMED_IAM"]).get() }
        // Nothing is stored for a refused or merely planned change set.
        #expect(try sim.stack() == nil)
    }

    @Test func namedRoleNeedsCapabilityNamedIAM() throws {
        let sim = try Sim.standard(onDisk: false)
        let named = Fixtures.app().replacingOccurrences(of: "      AssumeRolePolicyDocument:", with: "      RoleName: fixed-name\n      AssumeRolePolicyDocument:")
        #expect(named.contains("RoleName: fixed-name"))
        #expect(try refusal(try sim.plan(named, capabilities: [])).message == "Requires capabilities : [CAPABILITY_NAMED_IAM]")
        #expect(try refusal(try sim.plan(named, capabilities: ["CAPABILITY_IAM"])).message == "Requires capabilities : [CAPABILITY_NAMED_IAM]")
        #expect(throws: Never.self) { try sim.plan(named, capabilities: ["CAPABILITY_NAMED_IAM"]).get() }
    }

    @Test func samFunctionWithoutRoleNeedsCapabilityIAM() throws {
        let sim = try Sim.standard(onDisk: false)
        let yaml = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              HelloFunction:
                Type: AWS::Serverless::Function
                Properties: {Runtime: nodejs22.x, Handler: index.handler, InlineCode: "exports.handler = 1"}
            """
        #expect(try refusal(try sim.plan(yaml, capabilities: [])).message == "Requires capabilities : [CAPABILITY_IAM]")
    }

    @Test func templatesWithoutIAMNeedNoCapability() throws {
        let sim = try Sim.standard(onDisk: false)
        let yaml = """
            Resources:
              Logs: {Type: AWS::Logs::LogGroup}
            """
        let plan = try sim.plan(yaml, capabilities: []).get()
        #expect(plan.kind == .create)
        #expect(plan.changes.map(\.action) == [.add])
        #expect(plan.changes.first?.replacement == nil)
    }

    @Test func sameTemplateIsAnEmptyChangeSet() throws {
        let sim = try Sim.standard()
        _ = try sim.deploy(Fixtures.app())
        let plan = try sim.plan(Fixtures.app()).get()
        #expect(plan.kind == .update)
        #expect(plan.changes.isEmpty)
        #expect(plan.isEmpty)
    }

    @Test func outputOnlyChangeIsNotEmpty() throws {
        let sim = try Sim.standard()
        _ = try sim.deploy(Fixtures.app())
        let plan = try sim.plan(Fixtures.app().replacingOccurrences(of: "Description: the table", with: "Description: orders")).get()
        #expect(plan.changes.isEmpty)
        #expect(!plan.isEmpty)
        let result = try sim.execute(plan)
        #expect(result.stack.outputs.first?.description == "orders")
        #expect(lines(result.events) == ["UPDATE_IN_PROGRESS app User Initiated", "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS app -", "UPDATE_COMPLETE app -"])
    }

    static let parameterised = """
        Parameters:
          Name: {Type: String, Default: first}
        Resources:
          Table:
            Type: AWS::DynamoDB::Table
            Properties:
              TableName: !Ref Name
              BillingMode: PAY_PER_REQUEST
              AttributeDefinitions: [{AttributeName: ID, AttributeType: S}]
              KeySchema: [{AttributeName: ID, KeyType: HASH}]
        """

    @Test func parameterChangeIsNotEmpty() throws {
        let sim = try Sim.standard()
        _ = try sim.deploy(Self.parameterised)
        #expect(try sim.plan(Self.parameterised).get().isEmpty)
        #expect(try sim.plan(Self.parameterised, overrides: ["Name": "first"]).get().isEmpty)
        let changed = try sim.plan(Self.parameterised, overrides: ["Name": "second"]).get()
        #expect(!changed.isEmpty)
    }

    func replacement(from old: String, to new: String, type: String = "AWS::Lambda::Function") throws -> [String?] {
        let sim = try Sim.standard(onDisk: false)
        _ = try sim.deploy(old)
        return try sim.plan(new).get().changes.filter { $0.type == type }.map(\.replacement)
    }

    @Test func modifyReplacementTrueFalseConditional() throws {
        #expect(try replacement(from: Fixtures.app(), to: Fixtures.app(functionExtra: "      MemorySize: 512")) == ["False"])
        #expect(try replacement(from: Fixtures.app(), to: Fixtures.app(functionExtra: "      FunctionName: renamed")) == ["True"])
        #expect(try replacement(from: Fixtures.app(), to: Fixtures.app(functionExtra: "      FunctionName: !Sub '${AWS::StackName}-fn'")) == ["Conditional"])
        #expect(try replacement(from: Fixtures.app(), to: Fixtures.app(tableExtra: "      TableName: renamed"), type: "AWS::DynamoDB::Table") == ["True"])
        let billing = Fixtures.app().replacingOccurrences(of: "BillingMode: PAY_PER_REQUEST",
                                                          with: "BillingMode: PROVISIONED\n      ProvisionedThroughput: {ReadCapacityUnits: 1, WriteCapacityUnits: 1}")
        #expect(try replacement(from: Fixtures.app(), to: billing, type: "AWS::DynamoDB::Table") == ["False"])
    }

    @Test func typeChangeIsAReplacement() throws {
        let old = """
            Resources:
              Thing: {Type: AWS::Logs::LogGroup}
            """
        let new = """
            Resources:
              Thing:
                Type: AWS::DynamoDB::Table
                Properties:
                  BillingMode: PAY_PER_REQUEST
                  AttributeDefinitions: [{AttributeName: ID, AttributeType: S}]
                  KeySchema: [{AttributeName: ID, KeyType: HASH}]
            """
        #expect(try replacement(from: old, to: new, type: "AWS::DynamoDB::Table") == ["True"])
    }

    @Test func declinedCreateStaysInReviewAndIsReusedByTheNextDeploy() throws {
        let sim = try Sim.standard()
        let plan = try sim.plan(Fixtures.app()).get()
        try sim.account.write { db in try sim.deployer(db).recordDeclined(plan, in: db) }
        let review = try #require(try sim.stack())
        #expect(review.status == "REVIEW_IN_PROGRESS")
        let again = try sim.plan(Fixtures.app()).get()
        #expect(again.kind == .create)
        #expect(again.existing?.stackId == review.stackId)
        let result = try sim.execute(again)
        #expect(result.stack.stackId == review.stackId)
        #expect(result.stack.status == "CREATE_COMPLETE")
    }
}
