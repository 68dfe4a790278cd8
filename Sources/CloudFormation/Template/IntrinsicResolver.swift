import SimKit

/// Evaluates intrinsic functions (`Ref`, `Fn::GetAtt`, `Fn::Sub`, `Fn::If`, …) in template nodes
/// for one stack operation.
///
/// Results are `TemplateNode`s so a resolved value still points at the template text it came from
/// (providers can report `template.yaml:14:7`); `resolveJSON` gives the plain JSON. `Ref
/// AWS::NoValue` removes the map member or list item holding it; at the top level it resolves to
/// `nil` (`JSON.null` in `resolveJSON`).
///
/// Errors: `TemplateValidationError` for what CloudFormation rejects (its exact texts), and
/// `WorkbookError.notSimulated` for functions the simulator does not model (`Fn::ImportValue`,
/// `Fn::Cidr`, `Fn::Transform`, …).
public struct IntrinsicResolver: Sendable {
    /// The template whose Mappings, Conditions and resources references are checked against.
    public let template: Template
    /// Parameter values.
    public let parameters: ResolvedParameters
    /// Pseudo parameter values.
    public let pseudo: PseudoParameters
    /// Resources created so far; replace as the deploy goes on.
    public var references: ResourceReferences
    /// The value of every condition of the template.
    public private(set) var conditionValues: [String: Bool]

    /// Evaluates every condition up front (conditions may use parameters, mappings and other
    /// conditions, never resources), and checks that every `Condition` attribute names one.
    public init(template: Template, parameters: ResolvedParameters, pseudo: PseudoParameters,
                references: ResourceReferences = .none) throws {
        self.template = template
        self.parameters = parameters
        self.pseudo = pseudo
        self.references = references
        conditionValues = [:]
        conditionValues = try ConditionEvaluation(resolver: self).evaluateAll()
        for resource in template.resources {
            if let name = resource.condition, conditionValues[name.value] == nil {
                throw TemplateValidationError.unresolvedCondition(name.value, in: .resources, at: name.location)
            }
        }
        for output in template.outputs {
            if let name = output.condition, conditionValues[name.value] == nil {
                throw TemplateValidationError.unresolvedCondition(name.value, in: .outputs, at: name.location)
            }
        }
    }

    /// Whether `resource` is created (it has no `Condition`, or its condition is true).
    public func isIncluded(_ resource: Template.Resource) -> Bool {
        resource.condition.map { conditionValues[$0.value] == true } ?? true
    }

    /// Whether `output` is shown (it has no `Condition`, or its condition is true).
    public func isIncluded(_ output: Template.Output) -> Bool {
        output.condition.map { conditionValues[$0.value] == true } ?? true
    }

    /// The resources that are created, in template order.
    public var includedResources: [Template.Resource] { template.resources.filter(isIncluded) }

    /// `node` with every intrinsic evaluated; `nil` when it is `Ref AWS::NoValue`.
    public func resolve(_ node: TemplateNode, in block: TemplateBlock = .resources) throws -> TemplateNode? {
        switch node.value {
        case .list(let items):
            var resolved: [TemplateNode] = []
            for item in items { if let value = try resolve(item, in: block) { resolved.append(value) } }
            return .list(resolved, at: node.location)
        case .map(let map):
            if let call = Self.intrinsicCall(map) { return try evaluate(call.name, call.argument, at: node.location, in: block) }
            var resolved = TemplateMap()
            for entry in map {
                if let value = try resolve(entry.value, in: block) {
                    resolved.entries.append(.init(key: entry.key, keyLocation: entry.keyLocation, value: value))
                }
            }
            return .map(resolved, at: node.location)
        default:
            return node
        }
    }

    /// `resolve` as plain JSON (`null` for `AWS::NoValue`).
    public func resolveJSON(_ node: TemplateNode, in block: TemplateBlock = .resources) throws -> JSON {
        try resolve(node, in: block)?.json ?? .null
    }

    /// The properties of `resource`, resolved (an empty map when it has none).
    public func resolveProperties(of resource: Template.Resource) throws -> JSONObject {
        guard let properties = resource.properties else { return JSONObject() }
        return try resolveJSON(properties).objectValue ?? JSONObject()
    }

    /// A one-member map whose key is `Ref` or starts with `Fn::` (any case, so that a misspelt
    /// `fn::GetAtt` is reported as AWS does rather than passed through as data).
    static func intrinsicCall(_ map: TemplateMap) -> (name: String, argument: TemplateNode)? {
        guard map.count == 1, let entry = map.entries.first else { return nil }
        guard entry.key == "Ref" || entry.key.lowercased().hasPrefix("fn::") else { return nil }
        return (entry.key, entry.value)
    }

    func evaluate(_ name: String, _ argument: TemplateNode, at location: SourceLocation?, in block: TemplateBlock) throws -> TemplateNode? {
        switch name {
        case "Ref": return try ref(argument, at: location, in: block)
        case "Fn::GetAtt": return try getAtt(argument, at: location, in: block)
        case "Fn::Sub": return try sub(argument, at: location, in: block)
        case "Fn::Join": return try join(argument, at: location, in: block)
        case "Fn::Select": return try select(argument, at: location, in: block)
        case "Fn::Split": return try split(argument, at: location, in: block)
        case "Fn::FindInMap": return try findInMap(argument, at: location, in: block)
        case "Fn::Base64": return try base64(argument, at: location, in: block)
        case "Fn::GetAZs": return try getAZs(argument, at: location, in: block)
        case "Fn::If": return try ifValue(argument, at: location, in: block)
        case "Fn::Equals", "Fn::And", "Fn::Or", "Fn::Not":
            let value = try ConditionEvaluation(resolver: self).boolean(.map(TemplateMap([.init(key: name, keyLocation: location, value: argument)]), at: location), at: location)
            return TemplateNode(.bool(value), at: location)
        case _ where Self.unsimulatedFunctions.contains(name):
            throw WorkbookError.notSimulated(name, at: location)
        default:
            throw TemplateValidationError.unsupportedFunction(name, at: location)
        }
    }

    /// Real functions the simulator does not evaluate.
    static let unsimulatedFunctions: Set<String> = [
        "Fn::ImportValue", "Fn::Cidr", "Fn::Transform", "Fn::Length", "Fn::ToJsonString", "Fn::ForEach",
        "Fn::Contains", "Fn::EachMemberEquals", "Fn::EachMemberIn", "Fn::ValueOf", "Fn::ValueOfAll", "Fn::RefAll",
    ]

    func ref(_ argument: TemplateNode, at location: SourceLocation?, in block: TemplateBlock) throws -> TemplateNode? {
        guard let name = argument.stringValue else { throw TemplateValidationError.refNotString(at: location) }
        if let pseudoValue = pseudo.value(name, at: location) { return pseudoValue }
        if let parameter = parameters[name] {
            var value = parameter.refValue
            value.location = location
            return value
        }
        guard template.resource(name) != nil else {
            if block == .conditions { throw TemplateValidationError.resourceInConditions([name], at: location) }
            throw TemplateValidationError.unresolvedDependencies([name], in: block, at: location)
        }
        return .string(try physicalID(name, at: location, in: block), at: location)
    }

    /// `Ref` to a resource that exists in the template.
    func physicalID(_ name: String, at location: SourceLocation?, in block: TemplateBlock) throws(TemplateValidationError) -> String {
        if block == .conditions { throw .resourceInConditions([name], at: location) }
        guard let resource = template.resource(name), isIncluded(resource), let id = references.ref(name) else {
            throw .skippedResource(name, in: block, at: location)
        }
        return id
    }

    /// `Fn::GetAtt` once its two names are known.
    func attribute(_ name: String, _ attribute: String, at location: SourceLocation?, in block: TemplateBlock) throws -> TemplateNode {
        guard let resource = template.resource(name) else { throw TemplateValidationError.getAttUndefined(name, at: location) }
        if block == .conditions { throw TemplateValidationError.resourceInConditions([name], at: location) }
        guard isIncluded(resource) else { throw TemplateValidationError.skippedResource(name, in: block, at: location) }
        switch references.attribute(name, attribute) {
        case .value(let json): return TemplateNode(json: json, at: location)
        case .unsupported: throw TemplateValidationError.unsupportedAttribute(name, attribute, at: location)
        case .notSimulated: throw WorkbookError.notSimulated("Fn::GetAtt \(name).\(attribute) (\(resource.type.value))", at: location)
        case .notCreated: throw TemplateValidationError.skippedResource(name, in: block, at: location)
        }
    }
}
