import GRDB
import SimKit

extension Deployer {
    /// An update: add, modify (in place or by replacement), then clean up removed and replaced
    /// resources. A failure rolls back to the previous state (UPDATE_ROLLBACK_COMPLETE).
    func update(_ plan: ChangeSetPlan, in db: Database) throws -> StackOperationResult {
        guard var stack = plan.existing else { return try create(plan, in: db) }
        let previousStack = stack
        let previousBody = try store.template(of: stack.stackId, in: db)
        let current = try store.resources(of: stack.stackId, in: db)
        let currentById = Dictionary(current.map { ($0.logicalId, $0) }, uniquingKeysWith: { a, _ in a })
        let changesById = Dictionary(plan.changes.map { ($0.logicalId, $0) }, uniquingKeysWith: { a, _ in a })
        stack.status = "UPDATE_IN_PROGRESS"
        try store.update(stack, in: db)
        let log = EventLog(stackId: stack.stackId, stackName: stack.name, now: now, ids: ids, db: db)
        try log.stack("UPDATE_IN_PROGRESS", "User Initiated")

        var resolved = ResolvedResources(stackName: stack.name, stackId: stack.stackId)
        for resource in current {
            resolved.physicalIds[resource.logicalId] = resource.physicalId
            resolved.attributes[resource.logicalId] = resource.attributes
        }
        var added: [StackResource] = []
        var modified: [StackResource] = []  // previous records of resources changed in place
        var replacedOld: [StackResource] = []
        for (position, resource) in plan.template.resources.enumerated() {
            guard let change = changesById[resource.logicalId], change.action != .remove else {
                if let record = currentById[resource.logicalId] { try store.save(record, stackId: stack.stackId, position: position, in: db) }
                continue
            }
            let old = currentById[resource.logicalId]
            let replacing = change.action == .modify && change.replacement != "False"
            let verb = change.action == .add ? "CREATE" : "UPDATE"
            if change.action == .add {
                try log.add(logicalId: resource.logicalId, physicalId: nil, type: resource.type, status: "CREATE_IN_PROGRESS")
            } else {
                try log.add(logicalId: resource.logicalId, physicalId: old?.physicalId, type: resource.type, status: "UPDATE_IN_PROGRESS",
                            reason: replacing ? "Requested update requires the creation of a new physical resource; hence creating one." : nil)
            }
            let outcome = try provision(resource, template: plan.template, stack: stack, resolved: resolved, log: log, verb: verb,
                                        existing: replacing ? nil : old, db: db, position: position)
            switch outcome {
            case .success(let record):
                if change.action == .add { added.append(record) } else if replacing, let old { replacedOld.append(old); added.append(record) } else if let old { modified.append(old) }
                resolved.physicalIds[resource.logicalId] = record.physicalId
                resolved.attributes[resource.logicalId] = record.attributes
            case .failure(let failedId):
                let verbText = change.action == .add ? "create" : "update"
                try rollbackUpdate(reason: "The following resource(s) failed to \(verbText): [\(failedId)]. ", added: added,
                                   modified: modified, replacedOld: replacedOld, previous: previousStack, previousBody: previousBody,
                                   stack: &stack, log: log, db: db, positions: current)
                return StackOperationResult(stack: stack, events: log.events, failed: true)
            }
        }
        stack.outputs = try resolveOutputs(plan.template, resolved: resolved)
        stack.status = "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS"
        try log.stack("UPDATE_COMPLETE_CLEANUP_IN_PROGRESS")
        for old in replacedOld.reversed() {
            try log.add(logicalId: old.logicalId, physicalId: old.physicalId, type: old.type, status: "DELETE_IN_PROGRESS")
            if let physicalId = old.physicalId { try? provisioner.delete(type: old.type, physicalId: physicalId, properties: old.resolved) }
            try log.add(logicalId: old.logicalId, physicalId: old.physicalId, type: old.type, status: "DELETE_COMPLETE")
        }
        for change in plan.changes.reversed() where change.action == .remove {
            if let old = currentById[change.logicalId] { try? deleteResource(old, stackId: stack.stackId, log: log, db: db) }
        }
        stack.status = "UPDATE_COMPLETE"
        stack.statusReason = nil
        stack.lastUpdatedTime = now()
        stack.parameters = plan.template.parameters
        stack.description = plan.template.description
        stack.capabilities = plan.capabilities
        try log.stack("UPDATE_COMPLETE")
        try store.update(stack, template: plan.template.body, in: db)
        return StackOperationResult(stack: stack, events: log.events, failed: false)
    }

    /// Puts modified resources back, deletes added ones, and restores the previous template.
    func rollbackUpdate(reason: String, added: [StackResource], modified: [StackResource], replacedOld: [StackResource],
                        previous: Stack, previousBody: String?, stack: inout Stack, log: EventLog, db: Database,
                        positions current: [StackResource]) throws {
        stack.status = "UPDATE_ROLLBACK_IN_PROGRESS"
        try log.stack("UPDATE_ROLLBACK_IN_PROGRESS", reason)
        for old in modified.reversed() {
            try log.add(logicalId: old.logicalId, physicalId: old.physicalId, type: old.type, status: "UPDATE_IN_PROGRESS")
            if let physicalId = old.physicalId {
                let request = ProvisionRequest(stackName: stack.name, logicalId: old.logicalId, type: old.type, properties: old.resolved)
                _ = try? provisioner.update(request, physicalId: physicalId, previous: old.resolved)
            }
            try log.add(logicalId: old.logicalId, physicalId: old.physicalId, type: old.type, status: "UPDATE_COMPLETE")
        }
        stack.status = "UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS"
        try log.stack("UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS")
        for record in added.reversed() {
            try log.add(logicalId: record.logicalId, physicalId: record.physicalId, type: record.type, status: "DELETE_IN_PROGRESS")
            if let physicalId = record.physicalId { try? provisioner.delete(type: record.type, physicalId: physicalId, properties: record.resolved) }
            try log.add(logicalId: record.logicalId, physicalId: record.physicalId, type: record.type, status: "DELETE_COMPLETE")
            try store.removeResource(record.logicalId, stackId: stack.stackId, in: db)
        }
        for (position, record) in current.enumerated() { try store.save(record, stackId: stack.stackId, position: position, in: db) }
        stack.status = "UPDATE_ROLLBACK_COMPLETE"
        stack.outputs = previous.outputs
        stack.parameters = previous.parameters
        stack.lastUpdatedTime = now()
        try log.stack("UPDATE_ROLLBACK_COMPLETE")
        try store.update(stack, template: previousBody, in: db)
    }
}
