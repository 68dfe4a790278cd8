import Account
import Foundation
import CloudFormation
import GRDB
import SimKit
import Testing

/// First deploys: events in CloudFormation's order, rollback of a failed create, delete-stack.
@Suite struct DeployerCreateTests {
    @Test func createSuccessEventsInOrder() throws {
        let sim = try Sim.standard()
        let result = try sim.deploy(Fixtures.app())
        #expect(!result.failed)
        #expect(result.stack.status == "CREATE_COMPLETE")
        #expect(lines(result.events) == [
            "CREATE_IN_PROGRESS app User Initiated",
            "CREATE_IN_PROGRESS Table -",
            "CREATE_IN_PROGRESS Table Resource creation Initiated",
            "CREATE_COMPLETE Table -",
            "CREATE_IN_PROGRESS FnRole -",
            "CREATE_IN_PROGRESS FnRole Resource creation Initiated",
            "CREATE_COMPLETE FnRole -",
            "CREATE_IN_PROGRESS Fn -",
            "CREATE_IN_PROGRESS Fn Resource creation Initiated",
            "CREATE_IN_PROGRESS Fn [CONFIGURATION_COMPLETE] Eventual consistency check initiated",
            "CREATE_COMPLETE Fn -",
            "CREATE_COMPLETE app -",
        ])
        let stackEvents = result.events.filter { $0.type == "AWS::CloudFormation::Stack" }
        #expect(stackEvents.allSatisfy { $0.physicalId == result.stack.stackId })
        #expect(result.stack.stackId.wholeMatch(of: /arn:aws:cloudformation:ap-northeast-2:123456789012:stack\/app\/[0-9a-f-]{36}/) != nil)
        // The first event of a resource has no physical id yet; later ones do.
        let fn = result.events.filter { $0.logicalId == "Fn" }
        #expect(fn.first?.physicalId == nil)
        #expect(fn.dropFirst().allSatisfy { $0.physicalId?.hasPrefix("app-Fn-") == true })
        #expect(result.events.allSatisfy { $0.timestamp == TimeFormat.instant(year: 2026, month: 11, day: 25) })

        // Stored events equal the returned ones.
        let stored = try sim.account.read { db in try sim.account.stacks.events(of: result.stack, in: db) }
        #expect(stored == result.events)
    }

    @Test func createStoresResourcesOutputsAndServiceState() throws {
        let sim = try Sim.standard()
        let result = try sim.deploy(Fixtures.app())
        let resources = try sim.resources()
        #expect(resources.map(\.logicalId) == ["Table", "FnRole", "Fn"])
        #expect(resources.allSatisfy { $0.status == "CREATE_COMPLETE" })
        let table = try #require(resources.first { $0.logicalId == "Table" }?.physicalId)
        let role = try #require(resources.first { $0.logicalId == "FnRole" }?.physicalId)
        let fn = try #require(resources.first { $0.logicalId == "Fn" }?.physicalId)
        #expect(table.wholeMatch(of: /app-Table-[A-Z0-9]{13}/) != nil)
        #expect(role.wholeMatch(of: /app-FnRole-[A-Za-z0-9]{12}/) != nil)
        #expect(fn.wholeMatch(of: /app-Fn-[A-Za-z0-9]{12}/) != nil)
        #expect(try sim.serviceState() == ServiceState(roles: [role], functions: [fn], tables: [table]))

        // Ref and Fn::GetAtt between resources.
        let config = try #require(try sim.account.read { db in try sim.account.functions.get(fn, in: db) })
        #expect(config.role == "arn:aws:iam::123456789012:role/\(role)")
        #expect(config.environment["TABLE"] == .string(table))

        #expect(result.stack.outputs.map(\.key) == ["TableName", "FnArn"])
        #expect(result.stack.outputs.map(\.value) == [table, "arn:aws:lambda:ap-northeast-2:123456789012:function:\(fn)"])
        #expect(result.stack.outputs.map(\.description) == ["the table", nil])
        #expect(try sim.stack()?.outputs == result.stack.outputs)
        #expect(try sim.stack()?.description == "sample")
    }

    static var failedReason: Regex<Substring> { #/Resource handler returned message: "The runtime parameter of nodejs12.x is no longer supported for creating or updating AWS Lambda functions. We recommend you use a supported runtime while creating or updating functions. \(Service: Lambda, Status Code: 400, Request ID: [0-9a-f-]{36}\) \(SDK Attempt Count: 1\)" \(RequestToken: [0-9a-f-]{36}, HandlerErrorCode: InvalidRequest\)/# }

    @Test func createFailureRollsBackNewestFirst() throws {
        let sim = try Sim.standard()
        let result = try sim.deploy(Fixtures.app(runtime: "nodejs12.x"))
        #expect(result.failed)
        #expect(result.stack.status == "ROLLBACK_COMPLETE")
        #expect(lines(result.events).map(maskingUUIDs) == [
            "CREATE_IN_PROGRESS app User Initiated",
            "CREATE_IN_PROGRESS Table -",
            "CREATE_IN_PROGRESS Table Resource creation Initiated",
            "CREATE_COMPLETE Table -",
            "CREATE_IN_PROGRESS FnRole -",
            "CREATE_IN_PROGRESS FnRole Resource creation Initiated",
            "CREATE_COMPLETE FnRole -",
            "CREATE_IN_PROGRESS Fn -",
            "CREATE_FAILED Fn " + #"Resource handler returned message: "The runtime parameter of nodejs12.x is no longer supported for creating or updating AWS Lambda functions. We recommend you use a supported runtime while creating or updating functions. (Service: Lambda, Status Code: 400, Request ID: <uuid>) (SDK Attempt Count: 1)" (RequestToken: <uuid>, HandlerErrorCode: InvalidRequest)"#,
            "ROLLBACK_IN_PROGRESS app The following resource(s) failed to create: [Fn]. Rollback requested by user.",
            "DELETE_COMPLETE Fn -",
            "DELETE_IN_PROGRESS FnRole -",
            "DELETE_COMPLETE FnRole -",
            "DELETE_IN_PROGRESS Table -",
            "DELETE_COMPLETE Table -",
            "ROLLBACK_COMPLETE app -",
        ])
        let reason = try #require(result.events.first { $0.status == "CREATE_FAILED" }?.reason)
        #expect(reason.wholeMatch(of: Self.failedReason) != nil)
        #expect(try sim.serviceState() == .empty)
        #expect(try sim.resources().isEmpty)
        #expect(try sim.stack()?.status == "ROLLBACK_COMPLETE")
        #expect(try sim.stack()?.outputs == [])
    }

    @Test func failureTextBefore2024HasNoSDKAttemptCountAndTheOlderLambdaText() throws {
        let sim = try Sim.at(2023, 6, 1)
        let result = try sim.deploy(Fixtures.app(runtime: "nodejs12.x"))
        let reason = maskingUUIDs(try #require(result.events.first { $0.status == "CREATE_FAILED" }?.reason))
        #expect(reason == #"Resource handler returned message: "The runtime parameter of nodejs12.x is no longer supported for creating or updating AWS Lambda functions. We recommend you use the new runtime (nodejs18.x) while creating or updating functions. (Service: Lambda, Status Code: 400, Request ID: <uuid>)" (RequestToken: <uuid>, HandlerErrorCode: InvalidRequest)"#)
    }

    @Test func firstResourceFailingLeavesOnlyItsOwnDeleteComplete() throws {
        let sim = try Sim.standard()
        let bad = Fixtures.app().replacingOccurrences(of: "{AttributeName: ID, KeyType: HASH}", with: "{AttributeName: Missing, KeyType: HASH}")
        let result = try sim.deploy(bad, stack: "lambda-dynamodb")
        #expect(lines(result.events).map(maskingUUIDs) == [
            "CREATE_IN_PROGRESS lambda-dynamodb User Initiated",
            "CREATE_IN_PROGRESS Table -",
            "CREATE_FAILED Table " + #"Resource handler returned message: "One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: [Missing], AttributeDefinitions: [ID] (Service: DynamoDb, Status Code: 400, Request ID: <uuid>) (SDK Attempt Count: 1)" (RequestToken: <uuid>, HandlerErrorCode: InvalidRequest)"#,
            "ROLLBACK_IN_PROGRESS lambda-dynamodb The following resource(s) failed to create: [Table]. Rollback requested by user.",
            "DELETE_COMPLETE Table -",
            "ROLLBACK_COMPLETE lambda-dynamodb -",
        ])
        #expect(try sim.serviceState() == .empty)
    }

    @Test func malformedPolicySurfacesAsCreateFailedReason() throws {
        let sim = try Sim.standard()
        let managed = "      ManagedPolicyArns:\n        - arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
        let broken = """
                  Policies:
                    - PolicyName: broken
                      PolicyDocument:
                        Version: '2012-10-17'
                        Statement:
                          - Effect: Allow
                            Action: dynamodb:GetItem
            """
        #expect(Fixtures.app().contains(managed))
        let yaml = Fixtures.app().replacingOccurrences(of: managed, with: broken)
        #expect(yaml.contains("PolicyName: broken"))
        let result = try sim.deploy(yaml)
        let failed = try #require(result.events.first { $0.status == "CREATE_FAILED" })
        #expect(failed.logicalId == "FnRole")
        #expect(maskingUUIDs(failed.reason ?? "") == #"Resource handler returned message: "Policy statement must contain resources. (Service: Iam, Status Code: 400, Request ID: <uuid>) (SDK Attempt Count: 1)" (RequestToken: <uuid>, HandlerErrorCode: InvalidRequest)"#)
        #expect(result.stack.status == "ROLLBACK_COMPLETE")
        #expect(result.stack.statusReason == nil)
        #expect(try sim.serviceState() == .empty)
    }

    @Test func deleteStackRemovesEverythingNewestFirst() throws {
        let sim = try Sim.standard()
        let created = try sim.deploy(Fixtures.app())
        let deleted = try sim.deleteStack()
        #expect(!deleted.failed)
        #expect(lines(deleted.events) == [
            "DELETE_IN_PROGRESS app User Initiated",
            "DELETE_IN_PROGRESS Fn -",
            "DELETE_COMPLETE Fn -",
            "DELETE_IN_PROGRESS FnRole -",
            "DELETE_COMPLETE FnRole -",
            "DELETE_IN_PROGRESS Table -",
            "DELETE_COMPLETE Table -",
            "DELETE_COMPLETE app -",
        ])
        #expect(try sim.serviceState() == .empty)
        #expect(try sim.stack() == nil)
        let byId = try sim.account.read { db in try sim.account.stacks.find(created.stack.stackId, in: db) }
        #expect(byId?.status == "DELETE_COMPLETE")
        #expect(byId?.deletionTime == sim.account.now())
    }

    @Test func aStackInRollbackCompleteCanBeDeletedAndRecreated() throws {
        let sim = try Sim.standard()
        let failed = try sim.deploy(Fixtures.app(runtime: "nodejs12.x"))
        let deleted = try sim.deleteStack()
        #expect(lines(deleted.events) == ["DELETE_IN_PROGRESS app User Initiated", "DELETE_COMPLETE app -"])
        let again = try sim.deploy(Fixtures.app())
        #expect(again.stack.status == "CREATE_COMPLETE")
        #expect(again.stack.stackId != failed.stack.stackId)
    }

    @Test func parametersDefaultsOverridesAndFalseConditions() throws {
        let yaml = """
            Parameters:
              Stage:
                Type: String
                Default: dev
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
            Resources:
              Table:
                Type: AWS::DynamoDB::Table
                Properties:
                  TableName: !Sub "orders-${Stage}"
                  BillingMode: PAY_PER_REQUEST
                  AttributeDefinitions: [{AttributeName: ID, AttributeType: S}]
                  KeySchema: [{AttributeName: ID, KeyType: HASH}]
              Audit:
                Type: AWS::Logs::LogGroup
                Condition: IsProd
                Properties:
                  LogGroupName: !Sub "/audit/${AWS::StackName}/${Table}"
                  RetentionInDays: 7
            Outputs:
              Arn:
                Value: !GetAtt Table.Arn
              Region:
                Value: !Sub "${AWS::Region}:${AWS::AccountId}"
            """
        let dev = try Sim.standard()
        let devResult = try dev.deploy(yaml)
        #expect(try dev.serviceState() == ServiceState(tables: ["orders-dev"]))
        #expect(!devResult.events.contains { $0.logicalId == "Audit" })
        #expect(devResult.stack.parameters.map(\.key) == ["Stage"])
        #expect(devResult.stack.parameters.map(\.value) == ["dev"])
        #expect(devResult.stack.outputs.map(\.value) == ["arn:aws:dynamodb:ap-northeast-2:123456789012:table/orders-dev",
                                                         "ap-northeast-2:123456789012"])

        let prod = try Sim.standard()
        let prodResult = try prod.deploy(yaml, stack: "shop", overrides: ["Stage": "prod"])
        #expect(try prod.serviceState() == ServiceState(tables: ["orders-prod"], logGroups: ["/audit/shop/orders-prod"]))
        #expect(prodResult.stack.parameters.map(\.value) == ["prod"])
        let group = try prod.account.read { db in try prod.account.logGroups.get("/audit/shop/orders-prod", in: db) }
        #expect(group?.retentionDays == 7)
    }

    @Test func samFunctionDeploysWithItsGeneratedRole() throws {
        let sim = try Sim.standard()
        let yaml = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              HelloFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: nodejs22.x
                  Handler: index.handler
                  InlineCode: "exports.handler = async () => 'hi';"
            """
        let result = try sim.deploy(yaml, stack: "sam-app", capabilities: ["CAPABILITY_IAM"])
        #expect(result.stack.status == "CREATE_COMPLETE")
        let order = result.events.filter { $0.reason == nil && $0.status == "CREATE_COMPLETE" }.map(\.logicalId)
        #expect(order == ["HelloFunctionRole", "HelloFunction", "sam-app"])
        let state = try sim.serviceState()
        #expect(state.functions.count == 1)
        #expect(state.functions.first?.wholeMatch(of: /sam-app-HelloFunction-[A-Za-z0-9]{12}/) != nil)
    }
}
