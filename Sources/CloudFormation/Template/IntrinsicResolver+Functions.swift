import Foundation
import SimKit

extension IntrinsicResolver {
    /// `Fn::GetAtt [Res, Attr]` or `Fn::GetAtt "Res.Attr"` (split at the first dot, so
    /// `Db.Endpoint.Address` is attribute `Endpoint.Address`); the attribute may be a `Ref`.
    func getAtt(_ argument: TemplateNode, at location: SourceLocation?, in block: TemplateBlock) throws -> TemplateNode {
        let names: [String]
        if let text = argument.stringValue, let dot = text.firstIndex(of: ".") {
            names = [String(text[..<dot]), String(text[text.index(after: dot)...])]
        } else if let items = argument.listValue, items.count == 2, let name = items[0].stringValue {
            let attributeNode = try resolve(items[1], in: block)
            names = [name, attributeNode?.stringValue ?? ""]
        } else {
            names = []
        }
        guard names.count == 2, !names[0].isEmpty, !names[1].isEmpty else { throw TemplateValidationError.getAttArguments(at: location) }
        return try attribute(names[0], names[1], at: location, in: block)
    }

    /// `Fn::Sub "text"` or `Fn::Sub ["text", {Var: value}]`.
    func sub(_ argument: TemplateNode, at location: SourceLocation?, in block: TemplateBlock) throws -> TemplateNode {
        var text = argument.stringValue
        var variables = TemplateMap()
        if let items = argument.listValue, items.count == 2, let first = items[0].stringValue, let map = items[1].mapValue {
            text = first
            variables = map
        }
        guard let text else { throw TemplateValidationError.subArguments(at: location) }
        var result = ""
        for part in SubTemplate(text).parts {
            switch part {
            case .literal(let literal): result += literal
            case .variable(let name): result += try subValue(name, variables: variables, at: location, in: block)
            }
        }
        return .string(result, at: location)
    }

    func subValue(_ name: String, variables: TemplateMap, at location: SourceLocation?, in block: TemplateBlock) throws -> String {
        let value: TemplateNode?
        if let given = variables[name] {
            value = try resolve(given, in: block)
        } else if pseudo.value(name, at: location) != nil || parameters[name] != nil || template.resource(name) != nil {
            value = try ref(.string(name, at: location), at: location, in: block)
        } else if let dot = name.firstIndex(of: "."), template.resource(String(name[..<dot])) != nil {
            value = try attribute(String(name[..<dot]), String(name[name.index(after: dot)...]), at: location, in: block)
        } else {
            throw TemplateValidationError.unresolvedDependencies([name], in: block, at: location)
        }
        guard let text = value?.scalarText else { throw TemplateValidationError.subArguments(at: location) }
        return text
    }

    /// `Fn::Join [delimiter, [values…]]`.
    func join(_ argument: TemplateNode, at location: SourceLocation?, in block: TemplateBlock) throws -> TemplateNode {
        guard let items = argument.listValue, items.count == 2, let delimiter = items[0].stringValue,
              let values = try resolve(items[1], in: block)?.listValue else { throw TemplateValidationError.joinArguments(at: location) }
        var texts: [String] = []
        for value in values {
            guard let text = value.scalarText else { throw TemplateValidationError.joinArguments(at: location) }
            texts.append(text)
        }
        return .string(texts.joined(separator: delimiter), at: location)
    }

    /// `Fn::Select [index, [values…]]`; the index may be a number or a numeric string.
    func select(_ argument: TemplateNode, at location: SourceLocation?, in block: TemplateBlock) throws -> TemplateNode? {
        guard let items = argument.listValue, items.count == 2,
              let indexText = try resolve(items[0], in: block)?.scalarText, let index = Int(indexText),
              let values = try resolve(items[1], in: block)?.listValue else { throw TemplateValidationError.selectArguments(at: location) }
        guard values.indices.contains(index) else { throw TemplateValidationError.selectIndex(index, at: location) }
        return values[index]
    }

    /// `Fn::Split [delimiter, text]`.
    func split(_ argument: TemplateNode, at location: SourceLocation?, in block: TemplateBlock) throws -> TemplateNode {
        guard let items = argument.listValue, items.count == 2, let delimiter = items[0].stringValue, !delimiter.isEmpty,
              let text = try resolve(items[1], in: block)?.scalarText else { throw TemplateValidationError.splitArguments(at: location) }
        let pieces = text.components(separatedBy: delimiter)
        return .list(pieces.map { .string($0, at: location) }, at: location)
    }

    /// `Fn::FindInMap [Map, TopKey, SecondKey]`; each name may be an intrinsic.
    func findInMap(_ argument: TemplateNode, at location: SourceLocation?, in block: TemplateBlock) throws -> TemplateNode {
        guard let items = argument.listValue, items.count == 3 else { throw TemplateValidationError.findInMapArguments(at: location) }
        var keys: [String] = []
        for item in items {
            guard let key = try resolve(item, in: block)?.scalarText else { throw TemplateValidationError.findInMapArguments(at: location) }
            keys.append(key)
        }
        guard let mapping = template.mappings[keys[0]] else { throw TemplateValidationError.mappingMissing(keys[0], at: location) }
        guard let value = mapping[keys[1]]?[keys[2]] else {
            throw TemplateValidationError.mappingLookup(keys.joined(separator: "::"), at: location)
        }
        var result = value
        result.location = location
        return result
    }

    /// `Fn::Base64 text`.
    func base64(_ argument: TemplateNode, at location: SourceLocation?, in block: TemplateBlock) throws -> TemplateNode {
        guard let text = try resolve(argument, in: block)?.scalarText else { throw TemplateValidationError.base64Argument(at: location) }
        return .string(Data(text.utf8).base64EncodedString(), at: location)
    }

    /// `Fn::GetAZs ""` (the stack's region) or `Fn::GetAZs region`.
    func getAZs(_ argument: TemplateNode, at location: SourceLocation?, in block: TemplateBlock) throws -> TemplateNode {
        guard let given = try resolve(argument, in: block)?.scalarText else { throw TemplateValidationError.getAZsArgument(at: location) }
        let region = given.isEmpty ? pseudo.region : given
        guard let zones = PseudoParameters.availabilityZones(region) else {
            throw WorkbookError.notSimulated("Fn::GetAZs for region \(region)", at: location)
        }
        return .list(zones.map { .string($0, at: location) }, at: location)
    }

    /// `Fn::If [Condition, valueIfTrue, valueIfFalse]`; either value may be `Ref AWS::NoValue`.
    func ifValue(_ argument: TemplateNode, at location: SourceLocation?, in block: TemplateBlock) throws -> TemplateNode? {
        guard let items = argument.listValue, items.count == 3, let name = items[0].stringValue else {
            throw TemplateValidationError.ifArguments(at: location)
        }
        guard let value = conditionValues[name] else { throw TemplateValidationError.unresolvedConditionInIf(name, at: items[0].location) }
        return try resolve(value ? items[1] : items[2], in: block)
    }
}
