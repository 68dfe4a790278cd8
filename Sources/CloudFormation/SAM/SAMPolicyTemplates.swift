import SimKit

extension SAMPolicyTemplates {
    /// The simulated templates by name.
    static let templates: [String: TemplateNode] = {
        guard let json = try? JSONParser.parse(sourceJSON), let object = json.objectValue else { return [:] }
        var result: [String: TemplateNode] = [:]
        for member in object { result[member.key] = TemplateNode(json: member.value) }
        return result
    }()

    /// Whether a one-key policy entry names a template the translator knows.
    static func isTemplate(_ policy: TemplateNode) -> Bool {
        guard let map = policy.mapValue, map.count == 1, let name = map.keys.first else { return false }
        return allNames.contains(name)
    }

    /// The policy document `{"Statement": [...]}` for one `- Name: {parameters}` entry.
    ///
    /// Throws the translator's error for missing or malformed parameters, and `WorkbookError`
    /// for a template we do not simulate.
    static func expand(_ policy: TemplateNode, logicalId: String) throws -> TemplateNode {
        guard let entry = policy.mapValue?.entries.first else { return policy }
        guard let template = templates[entry.key], let definition = template["Definition"] else {
            throw WorkbookError.notSimulated("SAM policy template \(entry.key)", at: entry.keyLocation ?? policy.location)
        }
        let parameterNames = template["Parameters"]?.mapValue?.keys ?? []
        guard let values = entry.value.mapValue else {
            throw SAMTransformError(.resource(logicalId, SAMReason.templateParameterValues(entry.key), at: entry.keyLocation))
        }
        let missing = parameterNames.filter { values[$0] == nil }
        guard missing.isEmpty else {
            throw SAMTransformError(.resource(logicalId, SAMReason.missingTemplateParameters(entry.key, missing), at: entry.keyLocation))
        }
        var parameters: [String: TemplateNode] = [:]
        for name in parameterNames { parameters[name] = values[name] }
        return substitute(definition, parameters)
    }

    /// Replaces `{"Ref": name}` for each template parameter (only `Ref`, as the translator).
    static func substitute(_ node: TemplateNode, _ parameters: [String: TemplateNode]) -> TemplateNode {
        switch node.value {
        case .map(let map):
            if map.count == 1, let ref = map["Ref"]?.stringValue, let value = parameters[ref] { return value }
            var copy = map
            for index in copy.entries.indices {
                copy.entries[index].value = substitute(copy.entries[index].value, parameters)
            }
            return .map(copy, at: node.location)
        case .list(let items):
            return .list(items.map { substitute($0, parameters) }, at: node.location)
        default:
            return node
        }
    }
}
