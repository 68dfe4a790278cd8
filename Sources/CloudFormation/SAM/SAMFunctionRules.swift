import SimKit

/// What the translator accepts on `AWS::Serverless::Function` and what the workbook simulates of it.
enum SAMFunctionRules {
    static let type = "AWS::Serverless::Function"

    /// Every property the translator knows (1.110.0 `SamFunction.property_types`), in its order.
    static let knownProperties = [
        "FunctionName", "Handler", "Runtime", "CodeUri", "ImageUri", "PackageType", "InlineCode", "DeadLetterQueue",
        "Description", "MemorySize", "Timeout", "VpcConfig", "Role", "AssumeRolePolicyDocument", "Policies",
        "RolePath", "PermissionsBoundary", "Environment", "Events", "Tags", "PropagateTags", "Tracing", "KmsKeyArn",
        "DeploymentPreference", "ReservedConcurrentExecutions", "Layers", "EventInvokeConfig", "EphemeralStorage",
        "AutoPublishAlias", "AutoPublishCodeSha256", "AutoPublishAliasAllProperties", "VersionDescription",
        "ProvisionedConcurrencyConfig", "FileSystemConfigs", "ImageConfig", "CodeSigningConfigArn", "Architectures",
        "SnapStart", "FunctionUrlConfig", "RuntimeManagementConfig", "LoggingConfig", "RecursiveLoop",
        "SourceKMSKeyArn", "CapacityProviderConfig", "FunctionScalingConfig", "VersionDeletionPolicy",
        "PublishToLatestPublished", "TenancyConfig", "DurableConfig",
    ]

    /// The properties the workbook simulates; the others are refused by name.
    static let simulated: Set<String> = [
        "FunctionName", "Handler", "Runtime", "CodeUri", "InlineCode", "Description", "MemorySize", "Timeout",
        "Role", "Policies", "Environment", "Events", "Tags", "Layers", "Architectures",
    ]

    /// How the translator checks a property's shape (`PropertyType` validators).
    enum Shape { case string, map, stringOrMap, policies, mapOfMaps, listOfStringOrMap }

    /// The checked properties among the simulated ones, in `property_types` order.
    static let shapes: [(String, Shape)] = [
        ("FunctionName", .stringOrMap), ("Role", .string), ("Policies", .policies), ("Environment", .mapOfMaps),
        ("Events", .mapOfMaps), ("Tags", .map), ("Layers", .listOfStringOrMap),
    ]

    /// Resource attributes copied onto the function (`_supported_resource_attributes`, in order).
    static let functionAttributes = ["DeletionPolicy", "UpdatePolicy", "Condition", "UpdateReplacePolicy", "Metadata"]
    /// Resource attributes copied onto generated resources such as the role (`_pass_through_attributes`).
    static let passThroughAttributes = ["Condition", "DeletionPolicy", "UpdateReplacePolicy"]
    /// Tag keys SAM reserves for itself.
    static let reservedTags = ["lambda:createdBy", "serverlessrepo:applicationId", "serverlessrepo:semanticVersion"]

    /// The translator's complaint about `value` for `name`, or nil when it passes. A one-key map
    /// always passes (the translator takes it for an intrinsic).
    static func shapeError(_ name: String, _ shape: Shape, _ value: TemplateNode) -> String? {
        if value.isNull || value.isSingleKeyMap { return nil }
        let isString = value.stringValue != nil
        let isMap = value.mapValue != nil
        switch shape {
        case .string: return isString ? nil : SAMReason.shouldBe(name, "string")
        case .map: return isMap ? nil : SAMReason.shouldBe(name, "map")
        case .stringOrMap: return isString || isMap ? nil : SAMReason.invalidType(name)
        case .mapOfMaps:
            let ok = value.mapValue?.entries.allSatisfy { $0.value.mapValue != nil } ?? false
            return ok ? nil : SAMReason.invalidType(name)
        case .listOfStringOrMap, .policies:
            if shape == .policies, isString || isMap { return nil }
            let ok = value.listValue?.allSatisfy { $0.stringValue != nil || $0.mapValue != nil } ?? false
            return ok ? nil : SAMReason.invalidType(name)
        }
    }
}
