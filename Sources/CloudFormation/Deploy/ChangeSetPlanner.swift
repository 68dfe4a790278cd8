import GRDB
import SimKit

/// A change set: what a deploy would do to a stack.
public struct ChangeSetPlan: Sendable {
    public enum Kind: String, Sendable { case create = "CREATE", update = "UPDATE" }
    public var kind: Kind
    public var stackName: String
    /// The stack being updated, or the REVIEW_IN_PROGRESS placeholder of an earlier declined create.
    public var existing: Stack?
    public var changes: [ResourceChange]
    public var template: DeployableTemplate
    public var capabilities: [String]
    /// True when nothing at all differs from the deployed stack.
    public var isEmpty: Bool
}

/// Builds change sets, refusing them as CloudFormation's CreateChangeSet does.
public struct ChangeSetPlanner {
    public let region: String
    public let account: String
    let store = StackStore()

    public init(region: String, account: String) {
        self.region = region
        self.account = account
    }

    /// CreateChangeSet. Errors are the service's own (`ValidationError`,
    /// `InsufficientCapabilitiesException`), returned as data.
    public func plan(stackName: String, template: DeployableTemplate, capabilities: [String], in db: Database) throws -> Result<ChangeSetPlan, AWSError> {
        if let missing = missingCapability(template, granted: capabilities) {
            return .failure(AWSError(code: "InsufficientCapabilitiesException", message: "Requires capabilities : [\(missing)]"))
        }
        let existing = try store.live(named: stackName, in: db)
        if let existing, existing.status != "REVIEW_IN_PROGRESS" {
            if !Self.updatableStatuses.contains(existing.status) {
                return .failure(AWSError(code: "ValidationError",
                                         message: "Stack:\(existing.stackId) is in \(existing.status) state and can not be updated."))
            }
            let current = try store.resources(of: existing.stackId, in: db)
            let changes = diff(current: current, desired: template.resources)
            let sameBody = try store.template(of: existing.stackId, in: db) == template.body
            let sameParameters = existing.parameters.map(\.key) == template.parameters.map(\.key)
                && existing.parameters.map(\.value) == template.parameters.map(\.value)
            return .success(ChangeSetPlan(kind: .update, stackName: stackName, existing: existing, changes: changes,
                                          template: template, capabilities: capabilities,
                                          isEmpty: changes.isEmpty && sameBody && sameParameters))
        }
        let changes = template.resources.map {
            ResourceChange(action: .add, logicalId: $0.logicalId, physicalId: nil, type: $0.type, replacement: nil)
        }
        return .success(ChangeSetPlan(kind: .create, stackName: stackName, existing: existing, changes: changes,
                                      template: template, capabilities: capabilities, isEmpty: false))
    }

    /// Stack states from which an update may start.
    static let updatableStatuses: Set<String> = ["CREATE_COMPLETE", "UPDATE_COMPLETE", "UPDATE_ROLLBACK_COMPLETE", "IMPORT_COMPLETE"]

    /// IAM resources need CAPABILITY_IAM; named ones CAPABILITY_NAMED_IAM.
    func missingCapability(_ template: DeployableTemplate, granted: [String]) -> String? {
        let iam = template.resources.filter { $0.type.hasPrefix("AWS::IAM::") }
        guard !iam.isEmpty else { return nil }
        let named = iam.contains { $0.properties?["RoleName"] != nil || $0.properties?["UserName"] != nil || $0.properties?["GroupName"] != nil }
        if named { return granted.contains("CAPABILITY_NAMED_IAM") ? nil : "CAPABILITY_NAMED_IAM" }
        return granted.contains("CAPABILITY_IAM") || granted.contains("CAPABILITY_NAMED_IAM") ? nil : "CAPABILITY_IAM"
    }

    func diff(current: [StackResource], desired: [DeployableTemplate.Resource]) -> [ResourceChange] {
        var changes: [ResourceChange] = []
        let byId = Dictionary(current.map { ($0.logicalId, $0) }, uniquingKeysWith: { a, _ in a })
        // Resources getting a new physical id: what refers to them changes too (desired is in
        // creation order, so a dependency is always decided before its dependents).
        var replaced = Set<String>()
        for resource in desired {
            guard let old = byId[resource.logicalId] else {
                changes.append(ResourceChange(action: .add, logicalId: resource.logicalId, physicalId: nil, type: resource.type, replacement: nil))
                continue
            }
            let new = resource.definition.json
            let replacement: String?
            if old.type != resource.type {
                replacement = "True"
            } else if old.definition != new {
                replacement = ReplacementRules.replacement(type: resource.type, old: old.definition, new: new)
            } else {
                replacement = ReplacementRules.replacementThroughReferences(type: resource.type, properties: resource.properties, replaced: replaced)
            }
            guard let replacement else { continue }
            if replacement != "False" { replaced.insert(resource.logicalId) }
            changes.append(ResourceChange(action: .modify, logicalId: resource.logicalId, physicalId: old.physicalId, type: resource.type,
                                          replacement: replacement))
        }
        let desiredIds = Set(desired.map(\.logicalId))
        for old in current where !desiredIds.contains(old.logicalId) {
            changes.append(ResourceChange(action: .remove, logicalId: old.logicalId, physicalId: old.physicalId, type: old.type, replacement: nil))
        }
        return changes
    }
}
