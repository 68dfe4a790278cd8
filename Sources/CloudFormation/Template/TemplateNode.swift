import SimKit

/// One value of a CloudFormation template, with where it was written.
///
/// Short-form tags (`!Ref X`, `!GetAtt A.B`, `!Sub …`) are turned into their long form
/// (`{"Ref": "X"}`, `{"Fn::GetAtt": ["A", "B"]}`) by the loader, so everything after loading
/// sees one shape. Equality ignores locations: two templates that say the same thing are equal.
public struct TemplateNode: Sendable, CustomStringConvertible {
    public indirect enum Value: Sendable, Equatable {
        case null
        case bool(Bool)
        /// A number, kept as written (`3`, `0.5`, `1e3`): CloudFormation passes most as strings.
        case number(String)
        case string(String)
        case list([TemplateNode])
        case map(TemplateMap)
    }

    public var value: Value
    public var location: SourceLocation?

    public init(_ value: Value, at location: SourceLocation? = nil) {
        self.value = value
        self.location = location
    }

    public static func string(_ s: String, at location: SourceLocation? = nil) -> TemplateNode { .init(.string(s), at: location) }
    public static func map(_ m: TemplateMap, at location: SourceLocation? = nil) -> TemplateNode { .init(.map(m), at: location) }
    public static func list(_ l: [TemplateNode], at location: SourceLocation? = nil) -> TemplateNode { .init(.list(l), at: location) }

    public var stringValue: String? { if case .string(let s) = value { s } else { nil } }
    public var mapValue: TemplateMap? { if case .map(let m) = value { m } else { nil } }
    public var listValue: [TemplateNode]? { if case .list(let l) = value { l } else { nil } }

    /// The scalar as text, the way CloudFormation stringifies it (`true`, `3`, `text`).
    public var scalarText: String? {
        switch value {
        case .string(let s): s
        case .number(let n): n
        case .bool(let b): b ? "true" : "false"
        default: nil
        }
    }

    /// Member lookup on maps.
    public subscript(key: String) -> TemplateNode? { mapValue?[key] }

    /// The value as JSON (numbers as numbers, locations dropped).
    public var json: JSON {
        switch value {
        case .null: .null
        case .bool(let b): .bool(b)
        case .number(let n): Int64(n).map(JSON.int) ?? Double(n).map(JSON.double) ?? .string(n)
        case .string(let s): .string(s)
        case .list(let l): .array(l.map(\.json))
        case .map(let m): .object(JSONObject(m.entries.map { ($0.key, $0.value.json) }))
        }
    }

    /// Builds a node from JSON (no locations).
    public init(json: JSON, at location: SourceLocation? = nil) {
        self.location = location
        switch json {
        case .null: value = .null
        case .bool(let b): value = .bool(b)
        case .int(let i): value = .number(String(i))
        case .double(let d): value = .number(JSON.double(d).serialized())
        case .string(let s): value = .string(s)
        case .array(let a): value = .list(a.map { TemplateNode(json: $0, at: location) })
        case .object(let o):
            value = .map(TemplateMap(o.members.map { TemplateMap.Entry(key: $0.key, keyLocation: location, value: TemplateNode(json: $0.value, at: location)) }))
        }
    }

    public var description: String { json.serialized() }
}

extension TemplateNode: Equatable {
    public static func == (lhs: TemplateNode, rhs: TemplateNode) -> Bool { lhs.value == rhs.value }
}

/// The entries of a template map, in the order written; keys are unique (the loader rejects
/// duplicates).
public struct TemplateMap: Sendable, Equatable, Sequence {
    public struct Entry: Sendable, Equatable {
        public var key: String
        public var keyLocation: SourceLocation?
        public var value: TemplateNode

        public init(key: String, keyLocation: SourceLocation? = nil, value: TemplateNode) {
            self.key = key
            self.keyLocation = keyLocation
            self.value = value
        }
        public static func == (lhs: Entry, rhs: Entry) -> Bool { lhs.key == rhs.key && lhs.value == rhs.value }
    }

    public var entries: [Entry]

    public init(_ entries: [Entry] = []) { self.entries = entries }

    public var keys: [String] { entries.map(\.key) }
    public var isEmpty: Bool { entries.isEmpty }
    public var count: Int { entries.count }

    public subscript(key: String) -> TemplateNode? {
        get { entries.first(where: { $0.key == key })?.value }
        set {
            if let i = entries.firstIndex(where: { $0.key == key }) {
                if let newValue { entries[i].value = newValue } else { entries.remove(at: i) }
            } else if let newValue {
                entries.append(Entry(key: key, keyLocation: newValue.location, value: newValue))
            }
        }
    }

    public func entry(_ key: String) -> Entry? { entries.first(where: { $0.key == key }) }

    public func makeIterator() -> IndexingIterator<[Entry]> { entries.makeIterator() }
}
