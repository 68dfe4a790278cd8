import SimKit

/// The template's `Globals:` section, merged into each SAM resource as the translator does
/// (`plugins/globals/globals.py`): local scalars win, maps merge key by key (global keys first),
/// lists concatenate global + local, and an intrinsic counts as a scalar.
struct SAMGlobals {
    /// Section names the translator accepts, sorted as its error text lists them.
    static let sectionNames = ["Api", "CapacityProvider", "Function", "HttpApi", "LayerVersion",
                               "SimpleTable", "StateMachine", "WebSocketApi"]

    /// `Globals: Function:` keys the translator accepts, in its order (shown in its error text).
    static let functionKeys = [
        "Handler", "Runtime", "CodeUri", "DeadLetterQueue", "Description", "MemorySize", "Timeout", "VpcConfig",
        "Environment", "Tags", "PropagateTags", "Tracing", "KmsKeyArn", "AutoPublishAlias",
        "AutoPublishAliasAllProperties", "Layers", "DeploymentPreference", "RolePath", "PermissionsBoundary",
        "ReservedConcurrentExecutions", "ProvisionedConcurrencyConfig", "AssumeRolePolicyDocument",
        "EventInvokeConfig", "FileSystemConfigs", "CodeSigningConfigArn", "Architectures", "SnapStart",
        "EphemeralStorage", "FunctionUrlConfig", "RuntimeManagementConfig", "LoggingConfig", "RecursiveLoop",
        "SourceKMSKeyArn", "TenancyConfig", "DurableConfig", "CapacityProviderConfig", "FunctionScalingConfig",
        "PublishToLatestPublished", "VersionDeletionPolicy",
    ]

    /// Keys checked per section; sections we do not simulate are accepted without checks, since any
    /// resource they would apply to is refused by name anyway.
    static let checkedKeys: [String: [String]] = ["Function": functionKeys, "SimpleTable": ["SSESpecification"]]

    /// Properties per resource type (`AWS::Serverless::Function` …).
    private var sections: [String: TemplateMap] = [:]

    /// Parses `Globals:`; the translator's errors come out as `SAMTransformError`.
    init(_ node: TemplateNode?) throws(SAMTransformError) {
        guard let node else { return }
        guard let map = node.mapValue, !map.isEmpty else {
            throw SAMTransformError(.globals("It must be a non-empty dictionary", at: node.location))
        }
        for entry in map {
            guard Self.sectionNames.contains(entry.key) else {
                throw SAMTransformError(.globals(
                    "'\(entry.key)' is not supported. Must be one of the following values - \(SAMReason.pythonList(Self.sectionNames))",
                    at: entry.keyLocation))
            }
            // The translator really prints "${section}" here (a Python f-string it forgot).
            guard let properties = entry.value.mapValue else {
                throw SAMTransformError(.globals("Value of ${section} must be a dictionary", at: entry.value.location))
            }
            if let allowed = Self.checkedKeys[entry.key] {
                for property in properties where !allowed.contains(property.key) {
                    throw SAMTransformError(.globals(
                        "'\(property.key)' is not a supported property of '\(entry.key)'. Must be one of the following values - \(SAMReason.pythonList(allowed))",
                        at: property.keyLocation))
                }
            }
            sections["AWS::Serverless::" + entry.key] = properties
        }
    }

    /// `properties` with the globals for `type` merged in, minus those named by `IgnoreGlobals`.
    func merged(_ properties: TemplateMap, type: String, logicalId: String,
                ignoring ignore: TemplateNode?) throws(SAMTransformError) -> TemplateMap {
        guard var globals = sections[type] else { return properties }
        if let ignore, !ignore.isNull {
            if ignore.stringValue == "*" { return properties }
            guard let names = ignore.listValue else {
                throw SAMTransformError(.resource(logicalId, "Resource \(logicalId) has invalid resource attribute 'IgnoreGlobals'.", at: ignore.location))
            }
            for name in names {
                let key = name.scalarText ?? name.description
                guard globals[key] != nil else {
                    throw SAMTransformError(.resource(logicalId, "Resource \(logicalId) has invalid resource attribute 'IgnoreGlobals' on item '\(key)'.", at: name.location))
                }
                globals[key] = nil
            }
        }
        return Self.mergeMaps(globals, properties)
    }

    /// `GlobalProperties._merge_dict`: global entries first (local values merged in place), then local-only keys.
    static func mergeMaps(_ global: TemplateMap, _ local: TemplateMap) -> TemplateMap {
        var result = global
        for entry in local {
            if let existing = result[entry.key] {
                result[entry.key] = merge(existing, entry.value)
            } else {
                result.entries.append(entry)
            }
        }
        return result
    }

    static func merge(_ global: TemplateNode, _ local: TemplateNode) -> TemplateNode {
        switch (global.value, local.value) {
        case (.map(let g), .map(let l)) where !global.isIntrinsic && !local.isIntrinsic:
            return .map(mergeMaps(g, l), at: local.location)
        case (.list(let g), .list(let l)):
            return .list(g + l, at: local.location)
        default:
            return local
        }
    }
}

/// `Globals` merging for tools that read a template without transforming it (`sam local invoke`).
public enum SAMGlobalMerge {
    /// A serverless resource's property with its global counterpart merged in, as the
    /// translator merges them; nil when neither is set.
    public static func merge(global: TemplateNode?, local: TemplateNode?) -> TemplateNode? {
        guard let global else { return local }
        guard let local else { return global }
        return SAMGlobals.merge(global, local)
    }
}
