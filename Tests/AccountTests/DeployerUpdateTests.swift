import Account
import CloudFormation
import Foundation
import GRDB
import SimKit
import Testing

/// Updates: in place, additions, removals, replacements, and a failed update rolled back.
@Suite struct DeployerUpdateTests {
    /// v1 plus a log group that v2 drops.
    static let v1 = Fixtures.app(tableExtra: """
          Logs:
            Type: AWS::Logs::LogGroup
            Properties:
              RetentionInDays: 14
        """)

    /// Table renamed (replacement), Fn memory changed (in place), Logs removed, Extra added.
    static let v2 = Fixtures.app(functionExtra: "      MemorySize: 256", tableExtra: """
              TableName: orders-v2
          Extra:
            Type: AWS::DynamoDB::Table
            Properties:
              TableName: extra
              BillingMode: PAY_PER_REQUEST
              AttributeDefinitions: [{AttributeName: K, AttributeType: S}]
              KeySchema: [{AttributeName: K, KeyType: HASH}]
        """)

    @Test func planShowsAddModifyRemoveWithReplacement() throws {
        let sim = try Sim.standard()
        _ = try sim.deploy(Self.v1)
        let plan = try sim.plan(Self.v2).get()
        #expect(plan.kind == .update)
        #expect(!plan.isEmpty)
        let summary = plan.changes.map { "\($0.action.rawValue) \($0.logicalId) \($0.replacement ?? "N/A")" }
        #expect(summary == ["Modify Table True", "Add Extra N/A", "Modify Fn False", "Remove Logs N/A"])
        let oldTable = try #require(try sim.resources().first { $0.logicalId == "Table" }?.physicalId)
        #expect(plan.changes.first?.physicalId == oldTable)
    }

    @Test func updateSuccessEventsAndState() throws {
        let sim = try Sim.standard()
        let first = try sim.deploy(Self.v1)
        let before = try sim.resources()
        let oldTable = try #require(before.first { $0.logicalId == "Table" }?.physicalId)
        let fn = try #require(before.first { $0.logicalId == "Fn" }?.physicalId)
        let logs = try #require(before.first { $0.logicalId == "Logs" }?.physicalId)
        #expect(logs.wholeMatch(of: /app-Logs-[A-Za-z0-9]{12}/) != nil)

        sim.account.clock.advance(by: 60_000)
        let result = try sim.deploy(Self.v2)
        #expect(!result.failed)
        #expect(result.stack.status == "UPDATE_COMPLETE")
        #expect(lines(result.events) == [
            "UPDATE_IN_PROGRESS app User Initiated",
            "UPDATE_IN_PROGRESS Table Requested update requires the creation of a new physical resource; hence creating one.",
            "UPDATE_IN_PROGRESS Table Resource creation Initiated",
            "UPDATE_COMPLETE Table -",
            "CREATE_IN_PROGRESS Extra -",
            "CREATE_IN_PROGRESS Extra Resource creation Initiated",
            "CREATE_COMPLETE Extra -",
            "UPDATE_IN_PROGRESS Fn -",
            "UPDATE_IN_PROGRESS Fn [CONFIGURATION_COMPLETE] Eventual consistency check initiated",
            "UPDATE_COMPLETE Fn -",
            "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS app -",
            "DELETE_IN_PROGRESS Table -",
            "DELETE_COMPLETE Table -",
            "DELETE_IN_PROGRESS Logs -",
            "DELETE_COMPLETE Logs -",
            "UPDATE_COMPLETE app -",
        ])
        // The replaced table's events carry the old physical id while it is replaced and deleted.
        let tableEvents = result.events.filter { $0.logicalId == "Table" }
        #expect(tableEvents.first?.physicalId == oldTable)
        #expect(tableEvents[1].physicalId == "orders-v2")
        #expect(tableEvents.suffix(2).allSatisfy { $0.physicalId == oldTable })

        #expect(try sim.serviceState() == ServiceState(roles: try sim.serviceState().roles, functions: [fn], tables: ["extra", "orders-v2"]))
        let after = try sim.resources()
        #expect(Set(after.map(\.logicalId)) == ["Table", "Extra", "FnRole", "Fn"])
        #expect(after.first { $0.logicalId == "Table" }?.physicalId == "orders-v2")
        #expect(after.first { $0.logicalId == "Fn" }?.physicalId == fn)
        let config = try #require(try sim.account.read { db in try sim.account.functions.get(fn, in: db) })
        #expect(config.memorySize == 256)
        #expect(config.environment["TABLE"] == "orders-v2")
        #expect(result.stack.outputs.first { $0.key == "TableName" }?.value == "orders-v2")
        #expect(result.stack.lastUpdatedTime == first.stack.creationTime + 60_000)
        let stored = try #require(try sim.stack())
        #expect(stored.status == "UPDATE_COMPLETE")
        #expect(stored.outputs == result.stack.outputs)
    }

    @Test func updateFailureRollsBackResourcesOutputsAndTemplate() throws {
        let sim = try Sim.standard()
        let first = try sim.deploy(Self.v1)
        let before = try sim.resources()
        let stateBefore = try sim.serviceState()
        let bodyBefore = try sim.account.read { db in try sim.account.stacks.template(of: first.stack.stackId, in: db) }
        let fn = try #require(before.first { $0.logicalId == "Fn" }?.physicalId)

        // Fn's memory changes in place (succeeds), then a new function on a blocked runtime fails.
        let v3 = Fixtures.app(functionExtra: """
                  MemorySize: 512
              Old:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: nodejs12.x
                  Handler: index.handler
                  Role: !GetAtt FnRole.Arn
                  Code: {ZipFile: "exports.handler = 1"}
            """, tableExtra: """
              Logs:
                Type: AWS::Logs::LogGroup
                Properties:
                  RetentionInDays: 14
            """)
        let result = try sim.deploy(v3)
        #expect(result.failed)
        #expect(result.stack.status == "UPDATE_ROLLBACK_COMPLETE")
        #expect(lines(result.events).map(maskingUUIDs) == [
            "UPDATE_IN_PROGRESS app User Initiated",
            "UPDATE_IN_PROGRESS Fn -",
            "UPDATE_IN_PROGRESS Fn [CONFIGURATION_COMPLETE] Eventual consistency check initiated",
            "UPDATE_COMPLETE Fn -",
            "CREATE_IN_PROGRESS Old -",
            "CREATE_FAILED Old " + #"Resource handler returned message: "The runtime parameter of nodejs12.x is no longer supported for creating or updating AWS Lambda functions. We recommend you use a supported runtime while creating or updating functions. (Service: Lambda, Status Code: 400, Request ID: <uuid>) (SDK Attempt Count: 1)" (RequestToken: <uuid>, HandlerErrorCode: InvalidRequest)"#,
            "UPDATE_ROLLBACK_IN_PROGRESS app The following resource(s) failed to create: [Old]. ",
            "UPDATE_IN_PROGRESS Fn -",
            "UPDATE_COMPLETE Fn -",
            "UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS app -",
            "UPDATE_ROLLBACK_COMPLETE app -",
        ])
        #expect(try sim.serviceState() == stateBefore)
        let config = try #require(try sim.account.read { db in try sim.account.functions.get(fn, in: db) })
        #expect(config.memorySize == 128)
        let after = try sim.resources()
        #expect(after.map(\.logicalId) == before.map(\.logicalId))
        #expect(after.map(\.physicalId) == before.map(\.physicalId))
        #expect(after.map(\.definition) == before.map(\.definition))
        let stored = try #require(try sim.stack())
        #expect(stored.outputs == first.stack.outputs)
        #expect(try sim.account.read { db in try sim.account.stacks.template(of: stored.stackId, in: db) } == bodyBefore)

        // UPDATE_ROLLBACK_COMPLETE may be updated again, and the same v1 is now an empty change set.
        #expect(try sim.plan(Self.v1).get().isEmpty)
        #expect(try sim.deploy(Self.v2).stack.status == "UPDATE_COMPLETE")
    }

    @Test func failedReplacementDeletesTheNewResourceAndKeepsTheOld() throws {
        let sim = try Sim.standard()
        _ = try sim.deploy(Self.v1)
        let oldTable = try #require(try sim.resources().first { $0.logicalId == "Table" }?.physicalId)
        // The table is replaced; then the function update fails (memory out of range).
        let v4 = Fixtures.app(functionExtra: "      MemorySize: 64", tableExtra: """
                  TableName: orders-v4
              Logs:
                Type: AWS::Logs::LogGroup
                Properties:
                  RetentionInDays: 14
            """)
        let result = try sim.deploy(v4)
        #expect(result.stack.status == "UPDATE_ROLLBACK_COMPLETE")
        let rollback = lines(result.events).drop { !$0.hasPrefix("UPDATE_ROLLBACK_IN_PROGRESS") }
        #expect(Array(rollback) == [
            "UPDATE_ROLLBACK_IN_PROGRESS app The following resource(s) failed to update: [Fn]. ",
            "UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS app -",
            "DELETE_IN_PROGRESS Table -",
            "DELETE_COMPLETE Table -",
            "UPDATE_ROLLBACK_COMPLETE app -",
        ])
        #expect(try sim.serviceState().tables == [oldTable])
        #expect(try sim.resources().first { $0.logicalId == "Table" }?.physicalId == oldTable)
        let fnConfig = try sim.account.read { db in try sim.account.functions.list(in: db).first }
        #expect(fnConfig?.environment["TABLE"] == .string(oldTable))
    }

    @Test func rollbackCompleteStackRefusesUpdates() throws {
        let sim = try Sim.standard()
        let failed = try sim.deploy(Fixtures.app(runtime: "nodejs12.x"))
        let refusal = try #require(throws: AWSError.self) { try sim.plan(Fixtures.app()).get() }
        #expect(refusal.code == "ValidationError")
        #expect(refusal.message == "Stack:\(failed.stack.stackId) is in ROLLBACK_COMPLETE state and can not be updated.")
        #expect(refusal.message.hasPrefix("Stack:arn:aws:cloudformation:ap-northeast-2:123456789012:stack/app/"))
    }
}

/// Resources that only reference a replaced resource.
@Suite struct DeployerReferenceUpdateTests {
    @Test func dependentOfAReplacedResourceIsUpdatedWithTheNewId() throws {
        let sim = try Sim.standard()
        _ = try sim.deploy(Fixtures.app())
        let plan = try sim.plan(Fixtures.app(tableExtra: "      TableName: renamed")).get()
        #expect(plan.changes.map { "\($0.action.rawValue) \($0.logicalId) \($0.replacement ?? "N/A")" } == ["Modify Table True", "Modify Fn False"])
        let result = try sim.execute(plan)
        #expect(result.stack.status == "UPDATE_COMPLETE")
        #expect(lines(result.events).filter { $0.contains(" Fn ") } == [
            "UPDATE_IN_PROGRESS Fn -",
            "UPDATE_IN_PROGRESS Fn [CONFIGURATION_COMPLETE] Eventual consistency check initiated",
            "UPDATE_COMPLETE Fn -",
        ])
        let fn = try #require(try sim.account.read { db in try sim.account.functions.list(in: db).first })
        #expect(fn.environment["TABLE"] == "renamed")
        #expect(try sim.serviceState().tables == ["renamed"])
    }

    @Test func permissionIsAddedAndRemovedWithTheStack() throws {
        let sim = try Sim.standard()
        let yaml = Fixtures.app(functionExtra: """
              Invoke:
                Type: AWS::Lambda::Permission
                Properties:
                  FunctionName: !GetAtt Fn.Arn
                  Action: lambda:InvokeFunction
                  Principal: apigateway.amazonaws.com
                  SourceArn: !Sub "arn:aws:execute-api:${AWS::Region}:${AWS::AccountId}:abc123/*/GET/hello"
            """)
        let created = try sim.deploy(yaml)
        #expect(created.stack.status == "CREATE_COMPLETE")
        #expect(try sim.serviceState().permissions == 1)
        let order = created.events.filter { $0.status == "CREATE_COMPLETE" }.map(\.logicalId)
        #expect(order == ["Table", "FnRole", "Fn", "Invoke", "app"])

        // Renaming the function replaces it, and the permission that names it with it.
        let renamed = yaml.replacingOccurrences(of: "      Runtime: nodejs22.x", with: "      FunctionName: renamed-fn\n      Runtime: nodejs22.x")
        let plan = try sim.plan(renamed).get()
        #expect(plan.changes.map { "\($0.action.rawValue) \($0.logicalId) \($0.replacement ?? "N/A")" } == ["Modify Fn True", "Modify Invoke Conditional"])
        let updated = try sim.execute(plan)
        #expect(updated.stack.status == "UPDATE_COMPLETE")
        #expect(try sim.serviceState().functions == ["renamed-fn"])
        let permissions = try sim.account.read { db in try String.fetchAll(db, sql: "SELECT function_name FROM lambda_permissions") }
        #expect(permissions == ["renamed-fn"])

        _ = try sim.deleteStack()
        #expect(try sim.serviceState() == .empty)
    }
}
