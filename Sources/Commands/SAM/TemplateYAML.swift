import CloudFormation
import Yams

/// Writes a template as block YAML (long-form intrinsics), as `sam build` writes
/// `.aws-sam/build/template.yaml`.
enum TemplateYAML {
    static func text(_ root: TemplateNode) throws -> String {
        try Yams.serialize(node: node(root), indent: 2, width: -1, allowUnicode: true, sortKeys: false)
    }

    static func node(_ value: TemplateNode) -> Node {
        switch value.value {
        case .null: return Node("null", Tag(.null))
        case .bool(let b): return Node(b ? "true" : "false", Tag(.bool))
        case .number(let n): return Node(n, Tag(.int))
        case .string(let s):
            // Quote anything YAML 1.1 would read back as another type (yes, 2012-10-17, 3, null…).
            let plain = Node(s)
            return Node(s, Tag(.str), Resolver.default.resolveTag(of: plain) == .str ? .any : .singleQuoted)
        case .list(let items): return Node(items.map(node))
        case .map(let map): return Node(map.entries.map { (Node($0.key), node($0.value)) })
        }
    }
}
