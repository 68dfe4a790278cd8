import Foundation
import SimKit
import Yams

/// Reads a template file (YAML or JSON) into `TemplateNode`s with file:line:col on every value.
///
/// YAML goes through Yams' compose API, so tags and marks survive. Scalars resolve as YAML 1.1
/// does (PyYAML, which cfn-lint and the SAM CLI use): `yes`/`no`/`on`/`off` are booleans;
/// timestamps stay strings, as CloudFormation keeps `2012-10-17`. Duplicate keys are an error
/// (PyYAML silently keeps the last one; CloudFormation rejects the template).
public enum TemplateLoader {
    /// The short-form tags CloudFormation accepts and their long-form keys.
    static let shortTags: [String: String] = [
        "!Ref": "Ref", "!Condition": "Condition",
        "!GetAtt": "Fn::GetAtt", "!Sub": "Fn::Sub", "!Join": "Fn::Join", "!Select": "Fn::Select",
        "!Split": "Fn::Split", "!If": "Fn::If", "!Equals": "Fn::Equals", "!Not": "Fn::Not",
        "!And": "Fn::And", "!Or": "Fn::Or", "!FindInMap": "Fn::FindInMap", "!Base64": "Fn::Base64",
        "!GetAZs": "Fn::GetAZs", "!ImportValue": "Fn::ImportValue", "!Cidr": "Fn::Cidr",
        "!Transform": "Fn::Transform", "!ToJsonString": "Fn::ToJsonString", "!Length": "Fn::Length",
    ]

    /// Loads `text`; `file` is the name shown in locations (as the learner would type it).
    public static func load(_ text: String, file: String) throws(WorkbookError) -> TemplateNode {
        let trimmed = text.drop(while: { $0.isWhitespace })
        if trimmed.first == "{" { return try loadJSON(text, file: file) }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, Resolver.default)
        } catch let error as YamlError {
            throw yamlError(error, file: file, text: text)
        } catch {
            throw WorkbookError(LocalizedText(en: "template is not valid YAML: \(error)"), at: SourceLocation(file: file, line: 1, column: 1))
        }
        guard let root else {
            throw WorkbookError(
                LocalizedText(en: "the template is empty", ko: "템플릿이 비어 있습니다"),
                at: SourceLocation(file: file, line: 1, column: 1),
                fix: LocalizedText(en: "write a Resources section", ko: "Resources 섹션을 작성하세요"))
        }
        return try convert(root, file: file)
    }

    static func location(_ mark: Mark?, _ file: String) -> SourceLocation? {
        mark.map { SourceLocation(file: file, line: $0.line, column: $0.column) }
    }

    static func yamlError(_ error: YamlError, file: String, text: String) -> WorkbookError {
        if case .duplicatedKeysInMapping(let duplicates, let context) = error, let key = duplicates.first {
            // Yams 6 rejects duplicates itself, marking the first key; point at the second one.
            let first = SourceLocation(file: file, line: context.mark.line, column: context.mark.column)
            return duplicateKey(key, first: first, at: secondKey(key, after: first, in: text) ?? first)
        }
        let fix = LocalizedText(
            en: "check the indentation and the ':' after each key near that line (YAML uses spaces, never tabs)",
            ko: "그 줄 근처의 들여쓰기와 각 키 뒤의 ':'를 확인하세요 (YAML은 탭이 아니라 공백을 씁니다)")
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let what = [context.map { "\($0.text)" }, problem].compactMap { $0 }.joined(separator: ", ")
            return WorkbookError(
                LocalizedText(en: "invalid YAML: \(what)", ko: "잘못된 YAML: \(what)"),
                at: SourceLocation(file: file, line: mark.line, column: mark.column), fix: fix)
        default:
            return WorkbookError(LocalizedText(en: "invalid YAML: \(error)", ko: "잘못된 YAML: \(error)"),
                                 at: SourceLocation(file: file, line: 1, column: 1), fix: fix)
        }
    }

    static func duplicateKey(_ key: String, first: SourceLocation?, at location: SourceLocation?) -> WorkbookError {
        WorkbookError(
            LocalizedText(en: "duplicate key '\(key)' (first written at \(first.map(\.description) ?? "?"))",
                          ko: "중복된 키 '\(key)' (처음 위치: \(first.map(\.description) ?? "?"))"),
            at: location,
            fix: LocalizedText(en: "keep one '\(key)'; CloudFormation rejects templates with duplicate keys",
                               ko: "'\(key)'를 하나만 남기세요. CloudFormation은 중복 키가 있는 템플릿을 거부합니다"))
    }

    /// The next block-style `key:` at the same column as the first one (flow mappings fall back
    /// to the first key's location).
    static func secondKey(_ key: String, after first: SourceLocation, in text: String) -> SourceLocation? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let indent = first.column - 1
        guard first.line < lines.count, indent >= 0 else { return nil }
        for index in first.line..<lines.count {
            let line = lines[index]
            guard line.count > indent, line.prefix(indent).allSatisfy({ $0 == " " || $0 == "-" }) else { continue }
            let rest = line.dropFirst(indent)
            for spelling in [key, "\"\(key)\"", "'\(key)'"] where rest.hasPrefix(spelling) {
                if rest.dropFirst(spelling.count).drop(while: { $0 == " " }).first == ":" {
                    return SourceLocation(file: first.file, line: index + 1, column: first.column)
                }
            }
        }
        return nil
    }

    static func convert(_ node: Node, file: String) throws(WorkbookError) -> TemplateNode {
        let loc = location(node.mark, file)
        let tag = node.tag.description
        if let longForm = shortTags[tag] {
            let value: TemplateNode
            switch node {
            case .scalar(let s):
                let plain = TemplateNode.string(s.string, at: loc)
                // !GetAtt A.B is the list [A, B] in long form.
                if longForm == "Fn::GetAtt", let dot = s.string.firstIndex(of: ".") {
                    value = .list([.string(String(s.string[..<dot]), at: loc), .string(String(s.string[s.string.index(after: dot)...]), at: loc)], at: loc)
                } else {
                    value = plain
                }
            default:
                value = try convert(untagged(node), file: file)
            }
            return .map(TemplateMap([.init(key: longForm, keyLocation: loc, value: value)]), at: loc)
        }
        if tag.hasPrefix("!") && tag != "!" {
            throw WorkbookError(
                LocalizedText(en: "unknown tag \(tag)", ko: "알 수 없는 태그 \(tag)"), at: loc,
                fix: LocalizedText(en: "use one of CloudFormation's intrinsic function tags, such as !Ref, !GetAtt or !Sub",
                                   ko: "!Ref, !GetAtt, !Sub 같은 CloudFormation 내장 함수 태그를 쓰세요"))
        }
        switch node {
        case .scalar(let scalar):
            return TemplateNode(scalarValue(scalar, node: node), at: loc)
        case .sequence(let sequence):
            var items: [TemplateNode] = []
            for item in sequence { items.append(try convert(item, file: file)) }
            return .list(items, at: loc)
        case .mapping(let mapping):
            var map = TemplateMap()
            var seen: [String: SourceLocation?] = [:]
            for (keyNode, valueNode) in mapping {
                let key = keyNode.scalar?.string ?? ""
                let keyLoc = location(keyNode.mark, file)
                if let first = seen[key] { throw duplicateKey(key, first: first, at: keyLoc) }
                seen[key] = keyLoc
                map.entries.append(.init(key: key, keyLocation: keyLoc, value: try convert(valueNode, file: file)))
            }
            return .map(map, at: loc)
        case .alias:
            throw WorkbookError(LocalizedText(en: "YAML aliases are not supported in templates"), at: loc)
        }
    }

    static func untagged(_ node: Node) -> Node {
        switch node {
        case .scalar(var s): s.tag = Tag(.str); return .scalar(s)
        case .sequence(var s): s.tag = Tag(.seq); return .sequence(s)
        case .mapping(var m): m.tag = Tag(.map); return .mapping(m)
        case .alias: return node
        }
    }

    static func scalarValue(_ scalar: Node.Scalar, node: Node) -> TemplateNode.Value {
        guard scalar.style == .plain || scalar.style == .any else { return .string(scalar.string) }
        switch node.tag.rawValue {
        case Tag.Name.null.rawValue: return .null
        case Tag.Name.bool.rawValue: return .bool(node.bool ?? false)
        case Tag.Name.int.rawValue, Tag.Name.float.rawValue: return .number(scalar.string)
        default: return .string(scalar.string)
        }
    }

    /// JSON templates: parsed strictly, with the line and column of a syntax error.
    static func loadJSON(_ text: String, file: String) throws(WorkbookError) -> TemplateNode {
        do {
            let json = try JSONParser.parse(text)
            // JSON templates carry no per-value marks from our parser; re-read them through Yams
            // (JSON is YAML) for locations once the syntax is known to be good.
            if let node = try? Yams.compose(yaml: text, Resolver.default) {
                return try convert(node, file: file)
            }
            return TemplateNode(json: json, at: SourceLocation(file: file, line: 1, column: 1))
        } catch let failure as JSONParser.Failure {
            throw WorkbookError(
                LocalizedText(en: "template is not valid JSON: \(failure.message)", ko: "템플릿이 올바른 JSON이 아닙니다: \(failure.message)"),
                at: SourceLocation(file: file, line: failure.line, column: failure.column))
        } catch let error as WorkbookError {
            throw error
        } catch {
            throw WorkbookError(LocalizedText(en: "template is not valid JSON"), at: SourceLocation(file: file, line: 1, column: 1))
        }
    }
}
