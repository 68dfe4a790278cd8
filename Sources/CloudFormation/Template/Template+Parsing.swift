import SimKit

extension Template {
    /// Sections CloudFormation accepts at the top level; `Globals` only with the SAM transform.
    static let topLevelKeys: Set<String> = [
        "AWSTemplateFormatVersion", "Description", "Metadata", "Parameters", "Rules", "Mappings",
        "Conditions", "Transform", "Resources", "Outputs", "Hooks",
    ]
    /// Resource attributes CloudFormation accepts beside `Type`.
    static let resourceAttributes: Set<String> = [
        "Type", "Properties", "DependsOn", "Condition", "DeletionPolicy", "UpdateReplacePolicy",
        "Metadata", "CreationPolicy", "UpdatePolicy", "Version",
    ]

    /// Reads the sections of a loaded template, checking their shape as CloudFormation does
    /// before it looks at parameter values.
    public init(parsing root: TemplateNode) throws(TemplateValidationError) {
        guard let map = root.mapValue else { throw .unsupportedStructure(at: root.location) }
        self.root = root
        transforms = try Self.parseTransforms(map["Transform"])
        let allowed = transforms.contains { $0.value == Self.samTransform }
            ? Self.topLevelKeys.union(["Globals"]) : Self.topLevelKeys
        let unknown = map.entries.filter { !allowed.contains($0.key) }
        if let first = unknown.first { throw .invalidTopLevel(unknown.map(\.key), at: first.keyLocation) }
        // A SAM template may hold nulls the transform removes; TemplateAnalyzer checks the result.
        if !transforms.contains(where: { $0.value == Self.samTransform }) { try Self.checkNoNullValues(root) }
        formatVersion = try Self.parseFormatVersion(map.entry("AWSTemplateFormatVersion"))
        description = map["Description"].flatMap { node in node.scalarText.map { Located($0, at: node.location) } }
        parameters = try Self.parseParameters(map["Parameters"])
        mappings = try Self.parseMappings(map["Mappings"])
        conditions = map["Conditions"]?.mapValue ?? TemplateMap()
        resources = try Self.parseResources(map.entry("Resources"), at: root.location)
        outputs = try Self.parseOutputs(map["Outputs"])
    }

    /// Rejects the first `null` anywhere in the template, as CloudFormation does
    /// (`[/Outputs/MyOutput/Value] 'null' values are not allowed in templates`).
    public static func checkNoNullValues(_ root: TemplateNode) throws(TemplateValidationError) {
        if let (pointer, location) = firstNull(in: root, pointer: "") { throw .nullValue(pointer: pointer, at: location) }
    }

    static func firstNull(in node: TemplateNode, pointer: String) -> (String, SourceLocation?)? {
        switch node.value {
        case .null: return (pointer, node.location)
        case .list(let items):
            for (index, item) in items.enumerated() {
                if let found = firstNull(in: item, pointer: "\(pointer)/\(index)") { return found }
            }
        case .map(let map):
            for entry in map {
                if let found = firstNull(in: entry.value, pointer: "\(pointer)/\(entry.key)") { return found }
            }
        default: break
        }
        return nil
    }

    static func isAlphanumeric(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }
    }

    static func located(_ node: TemplateNode?) -> Located<String>? {
        guard let node, let text = node.scalarText else { return nil }
        return Located(text, at: node.location)
    }

    static func parseTransforms(_ node: TemplateNode?) throws(TemplateValidationError) -> [Located<String>] {
        guard let node else { return [] }
        let items = node.listValue ?? [node]
        return items.compactMap { item in located(item) ?? located(item["Name"]) }
    }

    static func parseFormatVersion(_ entry: TemplateMap.Entry?) throws(TemplateValidationError) -> Located<String>? {
        guard let entry else { return nil }
        guard let version = entry.value.scalarText, version == "2010-09-09" else {
            throw .unsupportedFormatVersion(at: entry.value.location)
        }
        return Located(version, at: entry.value.location)
    }

    static func parseParameters(_ node: TemplateNode?) throws(TemplateValidationError) -> [Parameter] {
        guard let map = node?.mapValue else { return [] }
        var parameters: [Parameter] = []
        for entry in map {
            guard isAlphanumeric(entry.key) else { throw .nonAlphanumeric("Parameter", entry.key, at: entry.keyLocation) }
            guard let body = entry.value.mapValue else {
                throw .formatError("Any Parameters member must be an object.", at: entry.value.location)  // [I]
            }
            guard let type = located(body["Type"]) else { throw .parameterWithoutType(at: entry.keyLocation) }
            guard Self.isKnownParameterType(type.value) else { throw .unrecognizedParameterType(type.value, at: type.location) }
            parameters.append(Parameter(
                name: entry.key, location: entry.keyLocation, type: type, defaultValue: located(body["Default"]),
                allowedValues: body["AllowedValues"]?.listValue?.compactMap(\.scalarText),
                allowedPattern: body["AllowedPattern"]?.scalarText,
                minLength: body["MinLength"]?.scalarText, maxLength: body["MaxLength"]?.scalarText,
                minValue: body["MinValue"]?.scalarText, maxValue: body["MaxValue"]?.scalarText,
                noEcho: body["NoEcho"]?.scalarText?.lowercased() == "true",
                description: body["Description"]?.scalarText,
                constraintDescription: body["ConstraintDescription"]?.scalarText))
        }
        return parameters
    }

    /// `String`, `Number`, `List<Number>`, `CommaDelimitedList`, and the AWS-specific and SSM types.
    static func isKnownParameterType(_ type: String) -> Bool {
        ["String", "Number", "List<Number>", "CommaDelimitedList"].contains(type)
            || type.hasPrefix("AWS::") || type.hasPrefix("List<AWS::")
    }

    static func parseMappings(_ node: TemplateNode?) throws(TemplateValidationError) -> TemplateMap {
        guard let node else { return TemplateMap() }
        guard let map = node.mapValue else { throw .formatError("Every Mappings member must be a map", at: node.location) }
        for mapping in map {
            guard let keys = mapping.value.mapValue else { throw .mappingNotMap(mapping.key, at: mapping.value.location) }
            for key in keys {
                guard let attributes = key.value.mapValue else { throw .mappingNotMap(key.key, at: key.value.location) }
                for attribute in attributes {
                    switch attribute.value.value {
                    case .map, .null: throw .mappingAttribute(at: attribute.value.location)
                    default: continue
                    }
                }
            }
        }
        return map
    }

    static func parseResources(_ entry: TemplateMap.Entry?, at rootLocation: SourceLocation?) throws(TemplateValidationError) -> [Resource] {
        guard let entry, let map = entry.value.mapValue, !map.isEmpty else {
            throw .noResources(at: entry?.keyLocation ?? rootLocation)
        }
        var resources: [Resource] = []
        for item in map {
            guard isAlphanumeric(item.key) else { throw .nonAlphanumeric("Resource", item.key, at: item.keyLocation) }
            guard let body = item.value.mapValue else { throw .resourceNotObject(at: item.value.location) }
            guard let type = located(body["Type"]) else { throw .missingType(item.key, at: item.keyLocation) }
            if !type.value.hasPrefix("AWS::Serverless::"),
               let extra = body.entries.first(where: { !resourceAttributes.contains($0.key) }) {
                throw .invalidResourceAttribute(extra.key, at: extra.keyLocation)
            }
            let dependsOnNode = body["DependsOn"]
            let dependsOn = (dependsOnNode?.listValue ?? dependsOnNode.map { [$0] } ?? []).compactMap(located)
            resources.append(Resource(
                logicalID: item.key, location: item.keyLocation, type: type, properties: body["Properties"],
                dependsOn: dependsOn, condition: located(body["Condition"]),
                deletionPolicy: located(body["DeletionPolicy"]), updateReplacePolicy: located(body["UpdateReplacePolicy"]),
                metadata: body["Metadata"], node: item.value))
        }
        return resources
    }

    static func parseOutputs(_ node: TemplateNode?) throws(TemplateValidationError) -> [Output] {
        guard let map = node?.mapValue else { return [] }
        var outputs: [Output] = []
        for entry in map {
            guard let body = entry.value.mapValue, let value = body["Value"] else {
                throw .outputWithoutValue(at: entry.keyLocation)
            }
            outputs.append(Output(
                name: entry.key, location: entry.keyLocation, value: value, description: body["Description"],
                condition: located(body["Condition"]), exportName: body["Export"]?["Name"]))
        }
        return outputs
    }
}
