import SimKit

/// The checks CloudFormation makes on a template before any change set, none of which need
/// parameter values: functions, resource types, references, conditions, cycles. The result is the
/// dependency graph the deploy engine orders resources by.
public enum TemplateAnalyzer {
    /// Checks `template` and builds its dependency graph; the first problem is thrown with
    /// CloudFormation's text and the location of the offending node.
    ///
    /// `AWS::Serverless::*` types pass only when the template declares the SAM transform (the
    /// SAM module expands them before deploy; run this again on its result).
    public static func analyze(_ template: Template, catalog: ResourceTypeCatalog = .bundled) throws(TemplateValidationError) -> DependencyGraph {
        try Template.checkNoNullValues(template.root)
        let resourceUses = template.resources.map { resource in
            (resource, resource.properties.map(TemplateReference.collect) ?? [])
        }
        let outputUses = template.outputs.flatMap { output in
            [output.value, output.exportName].compactMap { $0 }.flatMap(TemplateReference.collect)
        }
        let conditionUses = template.conditions.entries.flatMap { TemplateReference.collect(in: $0.value) }
        let all = resourceUses.flatMap(\.1) + outputUses + conditionUses
        if let bad = all.first(where: { $0.kind == .unsupportedFunction }) { throw .unsupportedFunction(bad.name, at: bad.location) }
        try checkTypes(template, catalog: catalog)
        try checkConditions(template, uses: conditionUses)
        try checkConditionNames(template, uses: resourceUses.flatMap(\.1) + outputUses)
        let graph = try buildGraph(template, resourceUses: resourceUses)
        try checkNames(template, uses: outputUses, in: .outputs)
        let cyclic = graph.cyclicNodes
        if let first = cyclic.first { throw .circular(cyclic, at: template.resource(first)?.location) }
        return graph
    }

    static func checkTypes(_ template: Template, catalog: ResourceTypeCatalog) throws(TemplateValidationError) {
        let samAllowed = template.declaresSAMTransform
        var unknown: [Located<String>] = []
        for resource in template.resources {
            let type = resource.type.value
            let known = catalog.isCloudFormationType(type) || (samAllowed && ResourceTypeCatalog.isSAMType(type))
            if !known, !unknown.contains(where: { $0.value == type }) { unknown.append(resource.type) }
        }
        if let first = unknown.first { throw .unrecognizedTypes(unknown.map(\.value), at: first.location) }
    }

    /// Conditions may `Ref` parameters and pseudo parameters only, and name declared conditions
    /// without a cycle.
    static func checkConditions(_ template: Template, uses: [TemplateReference]) throws(TemplateValidationError) {
        let declared = Set(template.parameters.map(\.name)).union(PseudoParameters.names)
        let resources = uses.filter { $0.kind == .ref && !declared.contains($0.name) }
        if let first = resources.first { throw .resourceInConditions(unique(resources.map(\.name)), at: first.location) }
        var edges: [String: [String]] = [:]
        for entry in template.conditions {
            let named = TemplateReference.collect(in: entry.value).filter { $0.kind == .condition }
            if let missing = named.first(where: { template.conditions[$0.name] == nil }) {
                throw .unresolvedCondition(missing.name, in: .conditions, at: missing.location)
            }
            edges[entry.key] = named.map(\.name)
        }
        let graph = DependencyGraph(nodes: template.conditions.keys, dependencies: edges)
        let cyclic = graph.cyclicNodes
        if let first = cyclic.first { throw .circularConditions(cyclic, at: template.conditions.entry(first)?.keyLocation) }
    }

    /// `Condition` attributes and `Fn::If` must name declared conditions.
    static func checkConditionNames(_ template: Template, uses: [TemplateReference]) throws(TemplateValidationError) {
        for resource in template.resources {
            if let name = resource.condition, template.conditions[name.value] == nil {
                throw .unresolvedCondition(name.value, in: .resources, at: name.location)
            }
        }
        for output in template.outputs {
            if let name = output.condition, template.conditions[name.value] == nil {
                throw .unresolvedCondition(name.value, in: .outputs, at: name.location)
            }
        }
        if let missing = uses.first(where: { $0.kind == .ifCondition && template.conditions[$0.name] == nil }) {
            throw .unresolvedConditionInIf(missing.name, at: missing.location)
        }
    }

    static func buildGraph(_ template: Template, resourceUses: [(Template.Resource, [TemplateReference])]) throws(TemplateValidationError) -> DependencyGraph {
        var edges: [String: [String]] = [:]
        for (resource, uses) in resourceUses {
            let dependsOn = resource.dependsOn.map { TemplateReference(kind: .dependsOn, name: $0.value, location: $0.location) }
            edges[resource.logicalID] = unique((uses + dependsOn).compactMap { resourceName(of: $0, in: template) })
        }
        try checkNames(template, uses: resourceUses.flatMap { $0.0.dependsOn.map { TemplateReference(kind: .dependsOn, name: $0.value, location: $0.location) } + $0.1 }, in: .resources)
        return DependencyGraph(nodes: template.resources.map(\.logicalID), dependencies: edges)
    }

    /// Every `Ref`, `${…}` and `DependsOn` must name something declared (reported together), then
    /// every `Fn::GetAtt` a resource.
    static func checkNames(_ template: Template, uses: [TemplateReference], in block: TemplateBlock) throws(TemplateValidationError) {
        let values = Set(template.parameters.map(\.name)).union(PseudoParameters.names)
        var unresolved: [TemplateReference] = []
        for use in uses {
            switch use.kind {
            case .ref where !values.contains(use.name) && template.resource(use.name) == nil,
                 .dependsOn where template.resource(use.name) == nil:
                unresolved.append(use)
            case .subVariable where !values.contains(use.name) && resourceName(of: use, in: template) == nil:
                unresolved.append(TemplateReference(kind: .subVariable, name: use.name.split(separator: ".").first.map(String.init) ?? use.name, location: use.location))
            default: continue
            }
        }
        if let first = unresolved.first { throw .unresolvedDependencies(unique(unresolved.map(\.name)), in: block, at: first.location) }
        for use in uses {
            if case .getAtt = use.kind, template.resource(use.name) == nil { throw .getAttUndefined(use.name, at: use.location) }
        }
    }

    /// The resource a use depends on, if it names one (`${Res.Attr}` depends on `Res`).
    static func resourceName(of use: TemplateReference, in template: Template) -> String? {
        switch use.kind {
        case .ref, .dependsOn, .getAtt:
            return template.resource(use.name) != nil ? use.name : nil
        case .subVariable:
            if template.resource(use.name) != nil { return use.name }
            guard let dot = use.name.firstIndex(of: ".") else { return nil }
            let name = String(use.name[..<dot])
            return template.resource(name) != nil ? name : nil
        default:
            return nil
        }
    }

    static func unique(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }
}
