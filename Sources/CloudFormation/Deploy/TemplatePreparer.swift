import SimKit

/// Turns a processed template (SAM transform already applied) into a `DeployableTemplate`:
/// model, CloudFormation's static checks, parameter values, conditions, creation order, and a
/// resolver bound to them. Every problem is thrown before any change set exists.
public enum TemplatePreparer {
    /// - Throws: `TemplateValidationError` (CloudFormation's own text) or `WorkbookError`.
    public static func prepare(_ root: TemplateNode, overrides: [String: String], stackName: String,
                               region: String, accountId: String) throws -> DeployableTemplate {
        let template = try Template(parsing: root)
        let graph = try TemplateAnalyzer.analyze(template)
        let parameters = try template.resolveParameters(overrides)
        let pseudo = PseudoParameters(region: region, accountID: accountId, stackName: stackName, stackID: "")
        // Conditions are evaluated (and checked) once here; the per-resource resolvers below
        // evaluate them again with the same inputs.
        let probe = try IntrinsicResolver(template: template, parameters: parameters, pseudo: pseudo)
        let included = Set(probe.includedResources.map(\.logicalID))
        let order = graph.creationOrder(of: included)
        let resources: [DeployableTemplate.Resource] = order.compactMap { id in
            guard let resource = template.resource(id) else { return nil }
            return DeployableTemplate.Resource(logicalId: id, type: resource.type.value, definition: resource.node,
                                               properties: resource.properties, location: resource.type.location ?? resource.location)
        }
        let outputs = template.outputs.filter(probe.isIncluded).map {
            DeployableTemplate.Output(key: $0.name, value: $0.value, description: $0.description, exportName: $0.exportName)
        }
        let resolve: @Sendable (TemplateNode, ResolvedResources) throws -> JSON = { node, created in
            var bound = pseudo
            bound.stackID = created.stackId
            let resolver = try IntrinsicResolver(
                template: template, parameters: parameters, pseudo: bound,
                references: .fixed(physicalIDs: created.physicalIds, attributes: created.attributes))
            return try resolver.resolveJSON(node)
        }
        return DeployableTemplate(
            resources: resources, outputs: outputs, description: template.description?.value,
            parameters: parameters.values.map { (key: $0.name, value: $0.noEcho ? "****" : $0.text) },
            body: root.json.serialized(), resolve: resolve)
    }

    /// Resource types the simulator cannot deploy, with where they were written: refused before
    /// any change set as the workbook's own error (exit 2), never pretended.
    public static func unsimulated(_ template: DeployableTemplate, simulates: (String) -> Bool) -> WorkbookError? {
        guard let resource = template.resources.first(where: { !simulates($0.type) }) else { return nil }
        return WorkbookError.notSimulated(resource.type, at: resource.location)
    }
}
