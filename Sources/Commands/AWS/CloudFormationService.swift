import Account
import AWSCLI
import CloudFormation
import GRDB
import SimKit

/// `aws cloudformation describe-stacks | describe-stack-events | list-stack-resources |
/// get-template | delete-stack`.
struct CloudFormationService: AWSService {
    let name = "cloudformation"

    var operations: [AWSOperation] {
        [
            AWSOperation(cliName: "describe-stacks", apiName: "DescribeStacks", parameters: [.init("--stack-name", "StackName")],
                         unsimulated: AWSOperation.paginationOptions) { request, context in
                let account = try context.account()
                let offset = context.timeZoneOffset(at: account.now())
                let stacks: [Stack]
                if let name = request["StackName"]?.stringValue {
                    guard let stack = try account.read({ db in try account.stacks.find(name, in: db) }) else {
                        return .failure(Self.missing(name))
                    }
                    stacks = [stack]
                } else {
                    stacks = try account.read { db in try account.stacks.allLive(in: db) }
                }
                return .success(["Stacks": .array(stacks.map { CloudFormationJSON.stack($0, offset: offset) })])
            },
            AWSOperation(cliName: "describe-stack-events", apiName: "DescribeStackEvents",
                         parameters: [.init("--stack-name", "StackName", required: true)], unsimulated: AWSOperation.paginationOptions) { request, context in
                let account = try context.account()
                let name = request["StackName"]?.stringValue ?? ""
                guard let stack = try account.read({ db in try account.stacks.find(name, in: db) }) else { return .failure(Self.missing(name)) }
                let events = try account.read { db in try account.stacks.events(of: stack, in: db) }
                let offset = context.timeZoneOffset(at: account.now())
                return .success(["StackEvents": .array(events.reversed().map { CloudFormationJSON.event($0, offset: offset) })])
            },
            AWSOperation(cliName: "list-stack-resources", apiName: "ListStackResources",
                         parameters: [.init("--stack-name", "StackName", required: true)], unsimulated: AWSOperation.paginationOptions) { request, context in
                let account = try context.account()
                let name = request["StackName"]?.stringValue ?? ""
                guard let stack = try account.read({ db in try account.stacks.find(name, in: db) }) else { return .failure(Self.missing(name)) }
                let resources = try account.read { db in try account.stacks.resources(of: stack.stackId, in: db) }
                let offset = context.timeZoneOffset(at: account.now())
                return .success(["StackResourceSummaries": .array(resources.map { CloudFormationJSON.resource($0, offset: offset) })])
            },
            AWSOperation(cliName: "get-template", apiName: "GetTemplate", parameters: [.init("--stack-name", "StackName")],
                         unsimulated: ["--change-set-name", "--template-stage"]) { request, context in
                let account = try context.account()
                let name = request["StackName"]?.stringValue ?? ""
                guard let stack = try account.read({ db in try account.stacks.find(name, in: db) }),
                      let body = try account.read({ db in try account.stacks.template(of: stack.stackId, in: db) }) else {
                    return .failure(Self.missing(name))
                }
                return .success(["TemplateBody": (try? JSONParser.parse(body)) ?? .string(body), "StagesAvailable": ["Original", "Processed"]])
            },
            AWSOperation(cliName: "delete-stack", apiName: "DeleteStack", parameters: [.init("--stack-name", "StackName", required: true)],
                         unsimulated: ["--retain-resources", "--role-arn", "--client-request-token", "--deletion-mode"]) { request, context in
                let account = try context.account()
                let name = request["StackName"]?.stringValue ?? ""
                try account.write { db in
                    // Deleting a stack that does not exist succeeds silently on AWS.
                    guard let stack = try account.stacks.find(name, in: db), stack.status != "DELETE_COMPLETE" else { return }
                    _ = try account.deployer(db).delete(stack: stack, in: db)
                }
                return .success([:])
            },
        ]
    }

    static func missing(_ name: String) -> AWSError {
        AWSError(code: "ValidationError", message: "Stack with id \(name) does not exist")
    }
}

/// CloudFormation's response shapes in botocore member order.
enum CloudFormationJSON {
    static func stack(_ s: Stack, offset: Int) -> JSON {
        var o = JSONObject()
        o["StackId"] = .string(s.stackId)
        o["StackName"] = .string(s.name)
        if let d = s.description { o["Description"] = .string(d) }
        if !s.parameters.isEmpty {
            o["Parameters"] = .array(s.parameters.map { ["ParameterKey": .string($0.key), "ParameterValue": .string($0.value)] })
        }
        o["CreationTime"] = CLITimestamp.value(s.creationTime, offsetSeconds: offset)
        if let t = s.deletionTime { o["DeletionTime"] = CLITimestamp.value(t, offsetSeconds: offset) }
        if let t = s.lastUpdatedTime { o["LastUpdatedTime"] = CLITimestamp.value(t, offsetSeconds: offset) }
        o["RollbackConfiguration"] = [:]
        o["StackStatus"] = .string(s.status)
        if let r = s.statusReason { o["StackStatusReason"] = .string(r) }
        o["DisableRollback"] = false
        o["NotificationARNs"] = []
        if !s.capabilities.isEmpty { o["Capabilities"] = .array(s.capabilities.map(JSON.string)) }
        if !s.outputs.isEmpty {
            o["Outputs"] = .array(s.outputs.map { out in
                var x: JSONObject = ["OutputKey": .string(out.key), "OutputValue": .string(out.value)]
                if let d = out.description { x["Description"] = .string(d) }
                if let e = out.exportName { x["ExportName"] = .string(e) }
                return .object(x)
            })
        }
        o["Tags"] = []
        o["EnableTerminationProtection"] = false
        o["DriftInformation"] = ["StackDriftStatus": "NOT_CHECKED"]
        return .object(o)
    }

    static func event(_ e: StackEvent, offset: Int) -> JSON {
        var o = JSONObject()
        o["StackId"] = .string(e.stackId)
        o["EventId"] = .string(e.eventId)
        o["StackName"] = .string(e.stackName)
        o["LogicalResourceId"] = .string(e.logicalId)
        o["PhysicalResourceId"] = .string(e.physicalId ?? "")
        o["ResourceType"] = .string(e.type)
        o["Timestamp"] = CLITimestamp.value(e.timestamp, offsetSeconds: offset)
        o["ResourceStatus"] = .string(e.status)
        if let r = e.reason { o["ResourceStatusReason"] = .string(r) }
        if let d = e.detailedStatus { o["DetailedStatus"] = .string(d) }
        return .object(o)
    }

    static func resource(_ r: StackResource, offset: Int) -> JSON {
        var o = JSONObject()
        o["LogicalResourceId"] = .string(r.logicalId)
        if let p = r.physicalId { o["PhysicalResourceId"] = .string(p) }
        o["ResourceType"] = .string(r.type)
        o["LastUpdatedTimestamp"] = CLITimestamp.value(r.updated, offsetSeconds: offset)
        o["ResourceStatus"] = .string(r.status)
        if let reason = r.statusReason { o["ResourceStatusReason"] = .string(reason) }
        o["DriftInformation"] = ["StackResourceDriftStatus": "NOT_CHECKED"]
        return .object(o)
    }
}
