import SimKit

/// A template ready to deploy: transform applied, validated, conditions evaluated, resources in
/// creation order. Built by `TemplatePreparer`; consumed by `Deployer`.
public struct DeployableTemplate: Sendable {
    public struct Resource: Sendable {
        public var logicalId: String
        public var type: String
        /// The whole resource definition (Type, Properties, DependsOn…), unresolved: compared
        /// between deploys to find what changed.
        public var definition: TemplateNode
        public var properties: TemplateNode?
        public var location: SourceLocation?
    }
    public struct Output: Sendable {
        public var key: String
        public var value: TemplateNode
        public var description: TemplateNode?
        public var exportName: TemplateNode?
    }

    /// Resources in creation order (dependencies first; ties in template order).
    public var resources: [Resource]
    public var outputs: [Output]
    public var description: String?
    /// Parameter values after defaults and overrides, in template order.
    public var parameters: [(key: String, value: String)]
    /// The processed template body stored with the stack (`get-template` returns it).
    public var body: String
    /// Resolves a node's intrinsics given what has been created so far.
    public var resolve: @Sendable (TemplateNode, ResolvedResources) throws -> JSON

    public init(resources: [Resource], outputs: [Output], description: String?, parameters: [(key: String, value: String)],
                body: String, resolve: @escaping @Sendable (TemplateNode, ResolvedResources) throws -> JSON) {
        self.resources = resources
        self.outputs = outputs
        self.description = description
        self.parameters = parameters
        self.body = body
        self.resolve = resolve
    }
}

/// The physical ids and attributes of the resources created so far (what `Ref`/`Fn::GetAtt` see).
public struct ResolvedResources: Sendable {
    public var physicalIds: [String: String] = [:]
    public var attributes: [String: JSONObject] = [:]
    public var stackName: String
    public var stackId: String

    public init(stackName: String, stackId: String) {
        self.stackName = stackName
        self.stackId = stackId
    }
}
