import GRDB
import SimKit

/// The outcome of executing a change set or deleting a stack.
public struct StackOperationResult: Sendable {
    public var stack: Stack
    /// This operation's events, oldest first.
    public var events: [StackEvent]
    /// True when the stack ended in a failure state (ROLLBACK_COMPLETE, UPDATE_ROLLBACK_COMPLETE…).
    public var failed: Bool
}

/// Executes change sets and deletes stacks, emitting CloudFormation's events in its order
/// (reference/aws-behavior.md §5.2). The caller runs it inside one database transaction, so a
/// crash never leaves half a deployment; a *failed* deployment is a real outcome and is kept.
public struct Deployer {
    public let region: String
    public let account: String
    public let provisioner: any ResourceProvisioner
    public let now: () -> EpochMillis
    public let ids: IDGenerator
    let store = StackStore()

    public init(region: String, account: String, provisioner: any ResourceProvisioner, now: @escaping () -> EpochMillis, ids: IDGenerator) {
        self.region = region
        self.account = account
        self.provisioner = provisioner
        self.now = now
        self.ids = ids
    }

    /// Records a change set the user declined: a new stack stays REVIEW_IN_PROGRESS, as on AWS.
    public func recordDeclined(_ plan: ChangeSetPlan, in db: Database) throws {
        guard plan.kind == .create, plan.existing == nil else { return }
        let stack = newStack(plan, status: "REVIEW_IN_PROGRESS")
        try store.insert(stack, template: plan.template.body, in: db)
    }

    /// ExecuteChangeSet.
    public func execute(_ plan: ChangeSetPlan, in db: Database) throws -> StackOperationResult {
        switch plan.kind {
        case .create: try create(plan, in: db)
        case .update: try update(plan, in: db)
        }
    }

    func newStack(_ plan: ChangeSetPlan, status: String) -> Stack {
        Stack(stackId: "arn:aws:cloudformation:\(region):\(account):stack/\(plan.stackName)/\(ids.uuid())", name: plan.stackName,
              status: status, statusReason: nil, description: plan.template.description, parameters: plan.template.parameters,
              outputs: [], capabilities: plan.capabilities, creationTime: now(), lastUpdatedTime: nil, deletionTime: nil)
    }

    // MARK: Create

    func create(_ plan: ChangeSetPlan, in db: Database) throws -> StackOperationResult {
        var stack: Stack
        if let placeholder = plan.existing {
            stack = placeholder
            stack.status = "CREATE_IN_PROGRESS"
            stack.parameters = plan.template.parameters
            stack.description = plan.template.description
            stack.capabilities = plan.capabilities
            try store.update(stack, template: plan.template.body, in: db)
        } else {
            stack = newStack(plan, status: "CREATE_IN_PROGRESS")
            try store.insert(stack, template: plan.template.body, in: db)
        }
        let log = EventLog(stackId: stack.stackId, stackName: stack.name, now: now, ids: ids, db: db)
        try log.stack("CREATE_IN_PROGRESS", "User Initiated")
        var resolved = ResolvedResources(stackName: stack.name, stackId: stack.stackId)
        var created: [StackResource] = []
        for (position, resource) in plan.template.resources.enumerated() {
            try log.add(logicalId: resource.logicalId, physicalId: nil, type: resource.type, status: "CREATE_IN_PROGRESS")
            switch try provision(resource, template: plan.template, stack: stack, resolved: resolved, log: log, verb: "CREATE", existing: nil, db: db, position: position) {
            case .success(let record):
                created.append(record)
                resolved.physicalIds[resource.logicalId] = record.physicalId
                resolved.attributes[resource.logicalId] = record.attributes
            case .failure(let failedId):
                try rollbackCreate(created: created, failed: failedId, failedType: resource.type, stack: &stack, log: log, db: db)
                return StackOperationResult(stack: stack, events: log.events, failed: true)
            }
        }
        stack.outputs = try resolveOutputs(plan.template, resolved: resolved)
        stack.status = "CREATE_COMPLETE"
        try log.stack("CREATE_COMPLETE")
        try store.update(stack, in: db)
        return StackOperationResult(stack: stack, events: log.events, failed: false)
    }

    enum ProvisionOutcome { case success(StackResource), failure(String) }

    /// Creates (or updates in place) one resource, writing its events.
    func provision(_ resource: DeployableTemplate.Resource, template: DeployableTemplate, stack: Stack, resolved: ResolvedResources, log: EventLog, verb: String,
                   existing: StackResource?, db: Database, position: Int) throws -> ProvisionOutcome {
        let fail: (String) throws -> ProvisionOutcome = { reason in
            try log.add(logicalId: resource.logicalId, physicalId: existing?.physicalId, type: resource.type, status: "\(verb)_FAILED", reason: reason)
            return .failure(resource.logicalId)
        }
        let properties: JSONObject
        do {
            properties = try resource.properties.map { try resolveProperties($0, template: template, resolved: resolved) } ?? JSONObject()
        } catch let failure as ProvisionFailure {
            return try fail(failure.message)
        }
        let request = ProvisionRequest(stackName: stack.name, logicalId: resource.logicalId, type: resource.type, properties: properties)
        let result: ProvisionResult
        do {
            if let existing, let physicalId = existing.physicalId {
                result = try provisioner.update(request, physicalId: physicalId, previous: existing.resolved)
            } else {
                result = try provisioner.create(request)
            }
        } catch let error as ProvisionFailure {
            return try fail(error.statusReason(requestId: ids.uuid(), token: ids.uuid(), now: now()))
        }
        // Every new physical resource says `Resource creation Initiated`: a create, and also the new
        // half of a replacement (as UPDATE_IN_PROGRESS, already carrying the new physical id).
        if existing == nil {
            try log.add(logicalId: resource.logicalId, physicalId: result.physicalId, type: resource.type, status: "\(verb)_IN_PROGRESS", reason: "Resource creation Initiated")
        }
        if resource.type == "AWS::Lambda::Function" {
            try log.add(logicalId: resource.logicalId, physicalId: result.physicalId, type: resource.type, status: "\(verb)_IN_PROGRESS",
                        reason: "Eventual consistency check initiated", detailed: "CONFIGURATION_COMPLETE")
        }
        try log.add(logicalId: resource.logicalId, physicalId: result.physicalId, type: resource.type, status: "\(verb)_COMPLETE")
        let record = StackResource(logicalId: resource.logicalId, physicalId: result.physicalId, type: resource.type,
                                   status: "\(verb)_COMPLETE", statusReason: nil, definition: resource.definition.json,
                                   resolved: properties, attributes: result.attributes, updated: now())
        try store.save(record, stackId: stack.stackId, position: position, in: db)
        return .success(record)
    }

    /// Resolves a resource's properties; a resolution problem fails the resource as CloudFormation would.
    func resolveProperties(_ node: TemplateNode, template: DeployableTemplate, resolved: ResolvedResources) throws -> JSONObject {
        do {
            guard case .object(let object) = try template.resolve(node, resolved) else {
                throw ProvisionFailure(message: "Properties must be an object")
            }
            return object
        } catch let failure as ProvisionFailure {
            throw failure
        } catch let validation as TemplateValidationError {
            throw ProvisionFailure(message: validation.message)
        }
    }
}
