import SimKit

/// Small builders and tests on template nodes that the SAM transform uses everywhere.
extension TemplateNode {
    /// A map node with these entries, in order.
    static func object(_ pairs: [(String, TemplateNode)], at location: SourceLocation? = nil) -> TemplateNode {
        .map(TemplateMap(pairs.map { TemplateMap.Entry(key: $0.0, keyLocation: location, value: $0.1) }), at: location)
    }

    /// `{"Fn::GetAtt": [logicalId, attribute]}`.
    static func getAtt(_ logicalId: String, _ attribute: String) -> TemplateNode {
        .object([("Fn::GetAtt", .list([.string(logicalId), .string(attribute)]))])
    }

    /// True for YAML `null` (and `~`, or a key with nothing after it): the translator treats it as absent.
    var isNull: Bool { if case .null = value { true } else { false } }

    /// A map with exactly one key: the translator skips type checks on it, taking it for an intrinsic
    /// (`Resource._is_intrinsic_function`).
    var isSingleKeyMap: Bool { mapValue?.count == 1 }

    /// A real intrinsic: one key that is `Ref`, `Condition` or starts with `Fn::` (`is_intrinsic`).
    var isIntrinsic: Bool {
        guard let map = mapValue, map.count == 1, let key = map.keys.first else { return false }
        return key == "Ref" || key == "Condition" || key.hasPrefix("Fn::")
    }

    /// Python truthiness, which the translator uses in `if self.X:` tests.
    var isTruthy: Bool {
        switch value {
        case .null: false
        case .bool(let b): b
        case .number(let n): (Double(n) ?? 1) != 0
        case .string(let s): !s.isEmpty
        case .list(let l): !l.isEmpty
        case .map(let m): !m.isEmpty
        }
    }
}

extension TemplateMap {
    /// The value for `key` unless it is absent or YAML `null`.
    func present(_ key: String) -> TemplateNode? {
        guard let node = self[key], !node.isNull else { return nil }
        return node
    }

    /// Sets `key` only when `value` is non-nil.
    mutating func setIfPresent(_ key: String, _ value: TemplateNode?) {
        if let value { self[key] = value }
    }

    /// The location of `key` (its key, else its value).
    func location(of key: String) -> SourceLocation? {
        entry(key).flatMap { $0.keyLocation ?? $0.value.location }
    }
}

/// `get_tag_list`: a SAM tag map as CloudFormation's `[{Key, Value}]` list (null values become "").
func samTagList(_ tags: TemplateMap) -> [TemplateNode] {
    tags.entries.map { entry in
        let value = entry.value.isNull ? TemplateNode.string("") : entry.value
        return .object([("Key", .string(entry.key, at: entry.keyLocation)), ("Value", value)])
    }
}
