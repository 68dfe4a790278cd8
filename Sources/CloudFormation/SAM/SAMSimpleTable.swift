import SimKit

/// `AWS::Serverless::SimpleTable` → `AWS::DynamoDB::Table` (`SamSimpleTable._construct_dynamodb_table`):
/// a single hash key (`id` of type `S` unless `PrimaryKey` says otherwise), on-demand billing unless
/// `ProvisionedThroughput` is given.
struct SAMSimpleTable {
    static let type = "AWS::Serverless::SimpleTable"
    /// The translator's properties, in its order.
    static let knownProperties = ["PointInTimeRecoverySpecification", "PrimaryKey", "ProvisionedThroughput",
                                  "TableName", "Tags", "SSESpecification"]
    /// `String`/`Number`/`Binary` → DynamoDB attribute types.
    static let attributeTypes = ["String": "S", "Number": "N", "Binary": "B"]

    let logicalId: String
    let resource: TemplateMap
    /// `Properties` after `Globals` were merged.
    let properties: TemplateMap

    /// The table resource.
    func convert() throws(SAMTransformError) -> SAMGeneratedResource {
        try check()
        let key = try primaryKey()
        var table = TemplateMap()
        table["AttributeDefinitions"] = .list([.object([("AttributeName", key.name), ("AttributeType", .string(key.type))])])
        table["KeySchema"] = .list([.object([("AttributeName", key.name), ("KeyType", .string("HASH"))])])
        if let pitr = properties.present("PointInTimeRecoverySpecification"), pitr.isTruthy {
            table["PointInTimeRecoverySpecification"] = pitr
        }
        if let throughput = properties.present("ProvisionedThroughput"), throughput.isTruthy {
            table["ProvisionedThroughput"] = throughput
        }
        if let name = properties.present("TableName"), name.isTruthy { table["TableName"] = name }
        if let tags = properties.present("Tags")?.mapValue, !tags.isEmpty { table["Tags"] = .list(samTagList(tags)) }
        if let sse = properties.present("SSESpecification"), sse.isTruthy { table["SSESpecification"] = sse }
        if properties.present("ProvisionedThroughput")?.isTruthy != true { table["BillingMode"] = .string("PAY_PER_REQUEST") }

        var node = TemplateMap()
        node["Type"] = .string("AWS::DynamoDB::Table", at: resource["Type"]?.location)
        if let depends = resource["DependsOn"], depends.isTruthy { node["DependsOn"] = depends }
        for attribute in SAMFunctionRules.functionAttributes { node.setIfPresent(attribute, resource[attribute]) }
        node["Properties"] = .map(table, at: resource["Properties"]?.location)
        return SAMGeneratedResource(logicalId: logicalId, node: .map(node, at: resource["Type"]?.location))
    }

    /// Unknown properties, then shapes, as `Resource.from_dict` checks them.
    private func check() throws(SAMTransformError) {
        for entry in properties where !Self.knownProperties.contains(entry.key) {
            throw fail(SAMReason.unknownProperty(entry.key, of: Self.type), at: entry.keyLocation)
        }
        let shapes: [(String, (TemplateNode) -> Bool, String)] = [
            ("PrimaryKey", { $0.mapValue?.entries.allSatisfy { $0.value.stringValue != nil } ?? false }, SAMReason.invalidType("PrimaryKey")),
            ("ProvisionedThroughput", { $0.mapValue?.entries.allSatisfy { $0.value.mapValue != nil || Int($0.value.scalarText ?? "") != nil && $0.value.stringValue == nil } ?? false }, SAMReason.invalidType("ProvisionedThroughput")),
            ("TableName", { $0.stringValue != nil || $0.mapValue != nil }, SAMReason.invalidType("TableName")),
            ("Tags", { $0.mapValue != nil }, SAMReason.shouldBe("Tags", "map")),
            ("SSESpecification", { $0.mapValue != nil }, SAMReason.shouldBe("SSESpecification", "map")),
        ]
        for (name, isValid, reason) in shapes {
            guard let value = properties.present(name), !value.isSingleKeyMap else { continue }
            if !isValid(value) { throw fail(reason, at: properties.location(of: name)) }
        }
    }

    /// The hash key's name node and DynamoDB type.
    private func primaryKey() throws(SAMTransformError) -> (name: TemplateNode, type: String) {
        guard let key = properties.present("PrimaryKey")?.mapValue, !key.isEmpty else { return (.string("id"), "S") }
        guard let name = key.present("Name") else { throw fail(SAMReason.required("PrimaryKey.Name"), at: properties.location(of: "PrimaryKey")) }
        guard let type = key.present("Type") else { throw fail(SAMReason.required("PrimaryKey.Type"), at: properties.location(of: "PrimaryKey")) }
        let text = type.scalarText ?? type.description
        guard let converted = Self.attributeTypes[text] else { throw fail(SAMReason.attributeType(text), at: type.location) }
        return (name, converted)
    }

    private func fail(_ reason: String, at location: SourceLocation?) -> SAMTransformError {
        SAMTransformError(.resource(logicalId, reason, at: location))
    }
}
