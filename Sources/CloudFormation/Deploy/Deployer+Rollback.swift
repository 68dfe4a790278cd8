import GRDB
import SimKit

extension Deployer {
    /// A failed first deploy: cancel, delete what was made (newest first), land in ROLLBACK_COMPLETE.
    func rollbackCreate(created: [StackResource], failed: String, failedType: String, stack: inout Stack, log: EventLog, db: Database) throws {
        stack.status = "ROLLBACK_IN_PROGRESS"
        stack.statusReason = "The following resource(s) failed to create: [\(failed)]. Rollback requested by user."
        try log.stack("ROLLBACK_IN_PROGRESS", stack.statusReason)
        try log.add(logicalId: failed, physicalId: nil, type: failedType, status: "DELETE_COMPLETE")
        for resource in created.reversed() {
            try deleteResource(resource, stackId: stack.stackId, log: log, db: db)
        }
        stack.status = "ROLLBACK_COMPLETE"
        stack.statusReason = nil
        stack.outputs = []
        try log.stack("ROLLBACK_COMPLETE")
        try store.update(stack, in: db)
    }

    /// Deletes one resource with its two events. A resource that is already gone counts as deleted,
    /// as CloudFormation's handlers treat NotFound on delete.
    func deleteResource(_ resource: StackResource, stackId: String, log: EventLog, db: Database) throws {
        try log.add(logicalId: resource.logicalId, physicalId: resource.physicalId, type: resource.type, status: "DELETE_IN_PROGRESS")
        if let physicalId = resource.physicalId {
            do {
                try provisioner.delete(type: resource.type, physicalId: physicalId, properties: resource.resolved)
            } catch let error as ProvisionFailure {
                try log.add(logicalId: resource.logicalId, physicalId: physicalId, type: resource.type, status: "DELETE_FAILED",
                            reason: error.statusReason(requestId: ids.uuid(), token: ids.uuid(), now: now()))
                throw error
            }
        }
        try log.add(logicalId: resource.logicalId, physicalId: resource.physicalId, type: resource.type, status: "DELETE_COMPLETE")
        try store.removeResource(resource.logicalId, stackId: stackId, in: db)
    }

    /// DeleteStack: every resource, newest first; the stack row stays as DELETE_COMPLETE.
    public func delete(stack: Stack, in db: Database) throws -> StackOperationResult {
        var stack = stack
        let log = EventLog(stackId: stack.stackId, stackName: stack.name, now: now, ids: ids, db: db)
        try log.stack("DELETE_IN_PROGRESS", "User Initiated")
        for resource in try store.resources(of: stack.stackId, in: db).reversed() {
            do {
                try deleteResource(resource, stackId: stack.stackId, log: log, db: db)
            } catch is ProvisionFailure {
                stack.status = "DELETE_FAILED"
                try log.stack("DELETE_FAILED", "The following resource(s) failed to delete: [\(resource.logicalId)]. ")
                try store.update(stack, in: db)
                return StackOperationResult(stack: stack, events: log.events, failed: true)
            }
        }
        stack.status = "DELETE_COMPLETE"
        stack.deletionTime = now()
        try log.stack("DELETE_COMPLETE")
        try store.update(stack, in: db)
        return StackOperationResult(stack: stack, events: log.events, failed: false)
    }

    /// Resolves the template's outputs (skipping those whose value resolves to nothing).
    func resolveOutputs(_ template: DeployableTemplate, resolved: ResolvedResources) throws -> [StackOutput] {
        try template.outputs.map { output in
            func text(_ node: TemplateNode?) throws -> String? {
                guard let node else { return nil }
                return try Self.outputText(template.resolve(node, resolved))
            }
            return StackOutput(key: output.key, value: try text(output.value) ?? "", description: try text(output.description),
                               exportName: try text(output.exportName))
        }
    }

    /// Outputs are strings; lists join with commas as CloudFormation prints them.
    static func outputText(_ json: JSON) -> String {
        switch json {
        case .string(let s): s
        case .array(let items): items.map(outputText).joined(separator: ",")
        case .null: ""
        default: json.serialized()
        }
    }
}
