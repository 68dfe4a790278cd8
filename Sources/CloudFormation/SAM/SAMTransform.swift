import SimKit

/// The SAM transform (`Transform: AWS::Serverless-2016-10-31`), turning a SAM template into plain
/// CloudFormation exactly as aws-sam-translator 1.110.0 does for the parts the workbook simulates:
/// same logical ids, types, properties and order.
///
/// Resources come out as the translator leaves them: plain resources first, in the order written,
/// then the generated ones — functions (each followed by its role) before tables. `Transform` and
/// `Globals` are removed; every other section stays where it was.
public enum SAMTransform {
    /// The transform's name in `Transform:`.
    public static let name = "AWS::Serverless-2016-10-31"

    /// SAM resource types the translator handles that the workbook does not simulate.
    static let unsimulatedTypes: Set<String> = [
        "AWS::Serverless::Api", "AWS::Serverless::HttpApi", "AWS::Serverless::WebSocketApi",
        "AWS::Serverless::Application", "AWS::Serverless::LayerVersion", "AWS::Serverless::StateMachine",
        "AWS::Serverless::Connector", "AWS::Serverless::GraphQLApi", "AWS::Serverless::CapacityProvider",
    ]

    /// Whether the template asks for the SAM transform.
    public static func isSAM(_ root: TemplateNode) -> Bool {
        transforms(root).contains { $0.stringValue == name }
    }

    /// The template as plain CloudFormation (unchanged when it does not ask for the SAM transform).
    ///
    /// Throws `SAMTransformError` when the translator would reject the template, and
    /// `WorkbookError.notSimulated` for SAM features outside the simulation.
    public static func apply(_ root: TemplateNode) throws -> TemplateNode {
        try transform(root).template
    }

    /// The transformed template plus the local code folders the deployer has to upload.
    public static func transform(_ root: TemplateNode, packaging: SAMPackaging = .workbook) throws -> SAMTransformResult {
        guard isSAM(root), let template = root.mapValue else { return SAMTransformResult(template: root, localCode: []) }
        for other in transforms(root) where other.stringValue != name {
            throw WorkbookError.notSimulated("Transform \(other.scalarText ?? other.description)", at: other.location)
        }
        let resources = try checkedResources(template, at: root.location)
        let globals = try SAMGlobals(template["Globals"])
        var generated: [SAMGeneratedResource] = []
        var localCode: [SAMLocalCode] = []
        var causes: [SAMTransformError.Cause] = []
        for entry in processingOrder(resources) {
            do {
                let output = try convert(entry, globals: globals, packaging: packaging)
                if let duplicate = output.resources.first(where: { $0.logicalId != entry.key && resources[$0.logicalId] != nil }) {
                    let type = duplicate.node["Type"]?.stringValue ?? ""
                    causes.append(.duplicate(entry.key, creates: duplicate.logicalId, type: type, at: entry.keyLocation))
                    continue
                }
                generated += output.resources
                localCode += output.localCode.map { [$0] } ?? []
            } catch let error as SAMTransformError {
                causes += error.causes
            }
        }
        if !causes.isEmpty { throw SAMTransformError(causes) }
        return SAMTransformResult(template: .map(output(template, resources, generated), at: root.location), localCode: localCode)
    }

    /// The `Transform` values (a string or a list).
    static func transforms(_ root: TemplateNode) -> [TemplateNode] {
        guard let node = root["Transform"] else { return [] }
        return node.listValue ?? [node]
    }

    /// `Parser.validate_datatypes`: a non-empty `Resources` map of maps.
    static func checkedResources(_ template: TemplateMap, at location: SourceLocation?) throws(SAMTransformError) -> TemplateMap {
        guard let resources = template["Resources"]?.mapValue, !resources.isEmpty else {
            throw SAMTransformError(.template("'Resources' section is required", at: template.location(of: "Resources") ?? location))
        }
        if let bad = resources.entries.first(where: { $0.value.mapValue == nil }) {
            throw SAMTransformError(.template("All 'Resources' must be Objects. If you're using YAML, this may be an indentation issue.", at: bad.value.location ?? bad.keyLocation))
        }
        return resources
    }

    /// SAM resources in the translator's order: functions first, then the rest (`_get_resources_to_iterate`).
    static func processingOrder(_ resources: TemplateMap) -> [TemplateMap.Entry] {
        let sam = resources.entries.filter { $0.value["Type"]?.stringValue.map(isSAMType) ?? false }
        let isFunction = { (entry: TemplateMap.Entry) in entry.value["Type"]?.stringValue == SAMFunctionRules.type }
        return sam.filter(isFunction) + sam.filter { !isFunction($0) }
    }

    /// Types the translator turns into something else; other `AWS::Serverless::*` names pass through
    /// untouched, as in the translator (CloudFormation then rejects them).
    static func isSAMType(_ type: String) -> Bool {
        type == SAMFunctionRules.type || type == SAMSimpleTable.type || unsimulatedTypes.contains(type)
    }

    /// One SAM resource → its CloudFormation resources.
    static func convert(_ entry: TemplateMap.Entry, globals: SAMGlobals, packaging: SAMPackaging) throws
        -> (resources: [SAMGeneratedResource], localCode: SAMLocalCode?)
    {
        let resource = entry.value.mapValue ?? TemplateMap()
        let type = resource["Type"]?.stringValue ?? ""
        guard type == SAMFunctionRules.type || type == SAMSimpleTable.type else {
            throw WorkbookError.notSimulated(type, at: resource["Type"]?.location ?? entry.keyLocation)
        }
        guard entry.key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw SAMTransformError(.resource(entry.key, "Logical ids must be alphanumeric.", at: entry.keyLocation))
        }
        let written = resource["Properties"]
        if let written, !written.isNull, written.mapValue == nil {
            throw SAMTransformError(.resource(entry.key, "Properties of a resource must be an object.", at: written.location))
        }
        let properties = try globals.merged(written?.mapValue ?? TemplateMap(), type: type, logicalId: entry.key,
                                            ignoring: resource["IgnoreGlobals"])
        if type == SAMSimpleTable.type {
            return ([try SAMSimpleTable(logicalId: entry.key, resource: resource, properties: properties).convert()], nil)
        }
        return try SAMFunction(logicalId: entry.key, resource: resource, properties: properties, packaging: packaging).convert()
    }

    /// The output template: sections as written minus `Transform`/`Globals`; plain resources, then generated ones.
    static func output(_ template: TemplateMap, _ resources: TemplateMap, _ generated: [SAMGeneratedResource]) -> TemplateMap {
        var plain = TemplateMap(resources.entries.filter { !($0.value["Type"]?.stringValue.map(isSAMType) ?? false) })
        for resource in generated { plain[resource.logicalId] = resource.node }
        var result = template
        result["Transform"] = nil
        result["Globals"] = nil
        if let index = result.entries.firstIndex(where: { $0.key == "Resources" }) {
            result.entries[index].value = .map(plain, at: result.entries[index].value.location)
        }
        return result
    }
}
