import SimKit

/// One generated CloudFormation resource.
struct SAMGeneratedResource {
    var logicalId: String
    var node: TemplateNode
}

/// `AWS::Serverless::Function` → `AWS::Lambda::Function` (+ `<Id>Role` when no `Role` is given),
/// following `SamFunction.to_cloudformation` step by step so the first error is the translator's.
struct SAMFunction {
    let logicalId: String
    /// The resource as written (`Type`, `Properties`, attributes).
    let resource: TemplateMap
    /// `Properties` after `Globals` were merged.
    var properties: TemplateMap
    let packaging: SAMPackaging

    /// The function (and role) resources, and the local code folder when `CodeUri` is one.
    func convert() throws -> (resources: [SAMGeneratedResource], localCode: SAMLocalCode?) {
        var properties = self.properties
        if let policies = try expandedPolicies() { properties["Policies"] = policies }
        try checkProperties(properties)
        let (code, localCode) = try SAMCode.code(logicalId: logicalId, properties: properties, packaging: packaging).get()
        let tags = try tagList(properties)
        guard properties.present("Runtime")?.isTruthy == true, properties.present("Handler")?.isTruthy == true else {
            throw SAMTransformError(.resource(logicalId, SAMReason.runtimeAndHandler, at: resource.location(of: "Type")))
        }
        let role = try SAMFunctionRole(logicalId: logicalId, properties: properties, tags: tags).build()
        var lambda = TemplateMap()
        lambda["Code"] = code
        for key in ["Description", "FunctionName", "Handler", "MemorySize"] { lambda.setIfPresent(key, properties.present(key)) }
        let givenRole = properties.present("Role")
        if let givenRole, givenRole.mapValue?["Fn::If"] != nil {
            throw WorkbookError.notSimulated("Fn::If in a SAM function's Role", at: givenRole.location)
        }
        lambda["Role"] = givenRole ?? .getAtt(logicalId + "Role", "Arn")
        for key in ["Runtime", "Timeout", "Environment"] { lambda.setIfPresent(key, properties.present(key)) }
        lambda["Tags"] = .list(tags)
        for key in ["Layers", "Architectures"] { lambda.setIfPresent(key, properties.present(key)) }

        var generated = [SAMGeneratedResource(logicalId: logicalId, node: wrap("AWS::Lambda::Function", lambda, attributes: SAMFunctionRules.functionAttributes, dependsOn: true))]
        if givenRole == nil {
            generated.append(SAMGeneratedResource(logicalId: logicalId + "Role", node: wrap("AWS::IAM::Role", role, attributes: SAMFunctionRules.passThroughAttributes, dependsOn: false)))
        }
        return (generated, localCode)
    }

    /// `Policies` with SAM policy templates replaced by their statements (nil when there are none).
    private func expandedPolicies() throws -> TemplateNode? {
        guard let policies = properties.present("Policies"), policies.isTruthy else { return nil }
        let entries = policies.listValue ?? [policies]
        let expanded = try entries.map { policy -> TemplateNode in
            if let map = policy.mapValue, map["Fn::If"] != nil, map.count == 1 {
                throw WorkbookError.notSimulated("Fn::If in a SAM function's Policies", at: policy.location)
            }
            if policy.isIntrinsic || policy.mapValue?["Statement"] != nil { return policy }
            return SAMPolicyTemplates.isTemplate(policy) ? try SAMPolicyTemplates.expand(policy, logicalId: logicalId) : policy
        }
        return .list(expanded, at: policies.location)
    }

    /// Unknown properties and wrong shapes (the translator's errors), then what we do not simulate.
    private func checkProperties(_ properties: TemplateMap) throws {
        for entry in properties where !SAMFunctionRules.knownProperties.contains(entry.key) {
            throw SAMTransformError(.resource(logicalId, SAMReason.unknownProperty(entry.key, of: SAMFunctionRules.type), at: entry.keyLocation))
        }
        for (name, shape) in SAMFunctionRules.shapes {
            if let value = properties[name], let reason = SAMFunctionRules.shapeError(name, shape, value) {
                throw SAMTransformError(.resource(logicalId, reason, at: properties.location(of: name)))
            }
        }
        for entry in properties where !SAMFunctionRules.simulated.contains(entry.key) && !entry.value.isNull {
            throw WorkbookError.notSimulated("\(SAMFunctionRules.type) property \(entry.key)", at: entry.keyLocation)
        }
        for event in properties.present("Events")?.mapValue ?? TemplateMap() {
            let type = event.value["Type"]?.scalarText ?? "(no Type)"
            throw WorkbookError.notSimulated("\(SAMFunctionRules.type) event type \(type)", at: event.value["Type"]?.location ?? event.keyLocation)
        }
    }

    /// `_construct_tag_list`: `lambda:createdBy: SAM` first, then the function's own tags.
    private func tagList(_ properties: TemplateMap) throws(SAMTransformError) -> [TemplateNode] {
        let tags = properties.present("Tags")?.mapValue ?? TemplateMap()
        for reserved in SAMFunctionRules.reservedTags where tags[reserved] != nil {
            throw SAMTransformError(.resource(logicalId, SAMReason.reservedTag(reserved), at: tags.location(of: reserved)))
        }
        return samTagList(TemplateMap([TemplateMap.Entry(key: "lambda:createdBy", value: .string("SAM"))])) + samTagList(tags)
    }

    /// `{Type, DependsOn?, attributes…, Properties}` as `Resource._generate_resource_dict` orders them.
    private func wrap(_ type: String, _ properties: TemplateMap, attributes: [String], dependsOn: Bool) -> TemplateNode {
        var node = TemplateMap()
        node["Type"] = .string(type, at: resource["Type"]?.location)
        if dependsOn, let depends = resource["DependsOn"], depends.isTruthy { node["DependsOn"] = depends }
        for attribute in attributes { node.setIfPresent(attribute, resource[attribute]) }
        node["Properties"] = .map(properties, at: resource["Properties"]?.location)
        return .map(node, at: resource["Type"]?.location)
    }
}
