import SimKit

/// One row of `describe-stack-events` (and of SAM's events table).
public struct StackEvent: Sendable, Equatable {
    public var eventId: String
    public var stackId: String
    public var stackName: String
    public var logicalId: String
    public var physicalId: String?
    public var type: String
    public var status: String
    public var reason: String?
    public var detailedStatus: String?
    public var timestamp: EpochMillis
}

/// One line of a change set.
public struct ResourceChange: Sendable, Equatable {
    public enum Action: String, Sendable { case add = "Add", modify = "Modify", remove = "Remove" }
    public var action: Action
    public var logicalId: String
    public var physicalId: String?
    public var type: String
    /// `True`, `False` or `Conditional` for a Modify; nil otherwise.
    public var replacement: String?
}

/// A stored stack.
public struct Stack: Sendable, Equatable {
    public var stackId: String
    public var name: String
    public var status: String
    public var statusReason: String?
    public var description: String?
    public var parameters: [(key: String, value: String)]
    public var outputs: [StackOutput]
    public var capabilities: [String]
    public var creationTime: EpochMillis
    public var lastUpdatedTime: EpochMillis?
    public var deletionTime: EpochMillis?

    /// Every field (parameters are tuples, so the comparison is written out).
    public static func == (a: Stack, b: Stack) -> Bool {
        a.stackId == b.stackId && a.name == b.name && a.status == b.status && a.statusReason == b.statusReason
            && a.description == b.description && a.parameters.map(\.key) == b.parameters.map(\.key)
            && a.parameters.map(\.value) == b.parameters.map(\.value) && a.outputs == b.outputs && a.capabilities == b.capabilities
            && a.creationTime == b.creationTime && a.lastUpdatedTime == b.lastUpdatedTime && a.deletionTime == b.deletionTime
    }
}

/// A resolved stack output.
public struct StackOutput: Sendable, Equatable {
    public var key: String
    public var value: String
    public var description: String?
    public var exportName: String?
}

/// A resource of a stack as stored.
public struct StackResource: Sendable, Equatable {
    public var logicalId: String
    public var physicalId: String?
    public var type: String
    public var status: String
    public var statusReason: String?
    /// The resource's template definition (unresolved), to detect changes.
    public var definition: JSON
    /// The properties as last sent to the provider.
    public var resolved: JSONObject
    public var attributes: JSONObject
    public var updated: EpochMillis
}
