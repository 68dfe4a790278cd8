import SimKit

/// A name one part of a template uses, found without evaluating anything.
public struct TemplateReference: Sendable, Equatable {
    /// How the name is used.
    public enum Kind: Sendable, Equatable {
        /// `Ref Name`.
        case ref
        /// `Fn::GetAtt [Name, Attribute]` or `!GetAtt Name.Attribute`.
        case getAtt(attribute: String)
        /// `${Name}` or `${Name.Attribute}` in an `Fn::Sub` string (not a key of its variable map).
        case subVariable
        /// `DependsOn: Name`.
        case dependsOn
        /// The condition name of an `Fn::If`.
        case ifCondition
        /// `{Condition: Name}` inside a condition expression.
        case condition
        /// A `Fn::…` key CloudFormation does not know (`Fn::Foo`, `fn::GetAtt`).
        case unsupportedFunction
    }

    /// The kind of use.
    public var kind: Kind
    /// The name used (a logical id, parameter, pseudo parameter, condition, or function name).
    public var name: String
    /// Where the use was written.
    public var location: SourceLocation?

    /// Every name `node` uses, in the order written.
    public static func collect(in node: TemplateNode) -> [TemplateReference] {
        var found: [TemplateReference] = []
        collect(node, into: &found)
        return found
    }

    static func collect(_ node: TemplateNode, into found: inout [TemplateReference]) {
        switch node.value {
        case .list(let items):
            for item in items { collect(item, into: &found) }
        case .map(let map):
            if let call = IntrinsicResolver.intrinsicCall(map) {
                collectCall(call.name, call.argument, at: node.location, into: &found)
            } else if map.count == 1, let entry = map.entries.first, entry.key == "Condition", let name = entry.value.stringValue {
                found.append(.init(kind: .condition, name: name, location: entry.value.location ?? node.location))
            } else {
                for entry in map { collect(entry.value, into: &found) }
            }
        default:
            break
        }
    }

    static func collectCall(_ name: String, _ argument: TemplateNode, at location: SourceLocation?, into found: inout [TemplateReference]) {
        switch name {
        case "Ref":
            if let target = argument.stringValue { found.append(.init(kind: .ref, name: target, location: argument.location ?? location)) }
        case "Fn::GetAtt":
            if let text = argument.stringValue, let dot = text.firstIndex(of: ".") {
                found.append(.init(kind: .getAtt(attribute: String(text[text.index(after: dot)...])), name: String(text[..<dot]), location: location))
            } else if let items = argument.listValue, let target = items.first?.stringValue {
                found.append(.init(kind: .getAtt(attribute: items.dropFirst().first?.stringValue ?? ""), name: target, location: items.first?.location ?? location))
                for item in items.dropFirst() { collect(item, into: &found) }
            }
        case "Fn::Sub":
            collectSub(argument, at: location, into: &found)
        case "Fn::If":
            guard let items = argument.listValue, let condition = items.first?.stringValue else { collect(argument, into: &found); return }
            found.append(.init(kind: .ifCondition, name: condition, location: items.first?.location ?? location))
            for item in items.dropFirst() { collect(item, into: &found) }
        default:
            if !TemplateValidationError.supportedFunctions.contains(name), !IntrinsicResolver.unsimulatedFunctions.contains(name) {
                found.append(.init(kind: .unsupportedFunction, name: name, location: location))
            }
            collect(argument, into: &found)
        }
    }

    static func collectSub(_ argument: TemplateNode, at location: SourceLocation?, into found: inout [TemplateReference]) {
        var text = argument.stringValue
        var local = Set<String>()
        if let items = argument.listValue, items.count == 2 {
            text = items[0].stringValue
            local = Set(items[1].mapValue?.keys ?? [])
            collect(items[1], into: &found)
        }
        let place = argument.location ?? location
        for variable in SubTemplate(text ?? "").variables where !local.contains(variable) {
            found.append(.init(kind: .subVariable, name: variable, location: place))
        }
    }
}
