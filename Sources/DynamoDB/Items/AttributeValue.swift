/// One DynamoDB attribute value, as the data plane stores and compares it.
///
/// Numbers are exact decimals (`DynamoNumber`); binaries are raw bytes (base64 on the wire);
/// sets keep the order they arrived in but compare as sets.
public enum AttributeValue: Sendable, Hashable {
    case s(String)
    case n(DynamoNumber)
    case b([UInt8])
    case bool(Bool)
    case null
    case ss([String])
    case ns([DynamoNumber])
    case bs([[UInt8]])
    case l([AttributeValue])
    case m(AttributeMap)

    /// The type descriptor DynamoDB uses on the wire and in `attribute_type`: `S`, `N`, `SS`, ….
    public var typeName: String {
        switch self {
        case .s: "S"
        case .n: "N"
        case .b: "B"
        case .bool: "BOOL"
        case .null: "NULL"
        case .ss: "SS"
        case .ns: "NS"
        case .bs: "BS"
        case .l: "L"
        case .m: "M"
        }
    }

    /// The upper-case name UpdateExpression's ADD/DELETE errors use (`STRING`, `NUMBER`, …).
    var operandTypeName: String {
        switch self {
        case .s: "STRING"
        case .n: "NUMBER"
        case .b: "BINARY"
        case .bool: "BOOLEAN"
        case .null: "NULL"
        case .l: "LIST"
        case .m: "MAP"
        case .ss, .ns, .bs: typeName
        }
    }

    /// True for the three set types.
    public var isSet: Bool {
        switch self {
        case .ss, .ns, .bs: true
        default: false
        }
    }

    /// DynamoDB equality: same type and same value; numbers by value, sets regardless of order.
    public static func == (lhs: AttributeValue, rhs: AttributeValue) -> Bool {
        switch (lhs, rhs) {
        case let (.s(a), .s(b)): a == b
        case let (.n(a), .n(b)): a == b
        case let (.b(a), .b(b)): a == b
        case let (.bool(a), .bool(b)): a == b
        case (.null, .null): true
        case let (.ss(a), .ss(b)): Set(a) == Set(b)
        case let (.ns(a), .ns(b)): Set(a) == Set(b)
        case let (.bs(a), .bs(b)): Set(a) == Set(b)
        case let (.l(a), .l(b)): a == b
        case let (.m(a), .m(b)): a.sameMembers(as: b)
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(typeName)
        switch self {
        case .s(let v): hasher.combine(v)
        case .n(let v): hasher.combine(v)
        case .b(let v): hasher.combine(v)
        case .bool(let v): hasher.combine(v)
        case .null: break
        case .ss(let v): hasher.combine(Set(v))
        case .ns(let v): hasher.combine(Set(v))
        case .bs(let v): hasher.combine(Set(v))
        case .l(let v): hasher.combine(v)
        case .m(let v): hasher.combine(v.count)
        }
    }

    /// DynamoDB's ordering for `<`, `BETWEEN` and sort keys: numbers by value, strings and binaries
    /// bytewise (UTF-8, unsigned); `nil` when the two are not both S, both N or both B.
    /// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.OperatorsAndFunctions.html#Expressions.OperatorsAndFunctions.Comparators
    public static func order(_ lhs: AttributeValue, _ rhs: AttributeValue) -> Int? {
        switch (lhs, rhs) {
        case let (.n(a), .n(b)): DynamoNumber.compare(a, b)
        case let (.s(a), .s(b)): compareBytes(Array(a.utf8), Array(b.utf8))
        case let (.b(a), .b(b)): compareBytes(a, b)
        default: nil
        }
    }

    static func compareBytes(_ a: [UInt8], _ b: [UInt8]) -> Int {
        for (x, y) in zip(a, b) where x != y { return x < y ? -1 : 1 }
        return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
    }
}

/// The attributes of an item or of an `M` value, in insertion order, names unique.
public struct AttributeMap: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    /// The members in order.
    public private(set) var members: [(name: String, value: AttributeValue)]

    /// An empty map.
    public init() { members = [] }
    /// A map of these members; a repeated name keeps its first position and last value.
    public init(_ members: [(String, AttributeValue)]) {
        self.members = []
        for (name, value) in members { self[name] = value }
    }
    public init(dictionaryLiteral elements: (String, AttributeValue)...) { self.init(elements) }

    /// Attribute names in order.
    public var names: [String] { members.map(\.name) }
    /// How many attributes.
    public var count: Int { members.count }
    /// True when there are none.
    public var isEmpty: Bool { members.isEmpty }

    /// Reads, replaces in place, appends, or (with `nil`) removes an attribute.
    public subscript(name: String) -> AttributeValue? {
        get { members.first(where: { $0.name == name })?.value }
        set {
            if let index = members.firstIndex(where: { $0.name == name }) {
                if let newValue { members[index].value = newValue } else { members.remove(at: index) }
            } else if let newValue {
                members.append((name, newValue))
            }
        }
    }

    public func makeIterator() -> IndexingIterator<[(name: String, value: AttributeValue)]> { members.makeIterator() }

    /// Same names with equal values, in any order (DynamoDB maps are unordered).
    public func sameMembers(as other: AttributeMap) -> Bool {
        count == other.count && members.allSatisfy { member in other[member.name].map { $0 == member.value } ?? false }
    }

    public static func == (lhs: AttributeMap, rhs: AttributeMap) -> Bool { lhs.sameMembers(as: rhs) }
    public func hash(into hasher: inout Hasher) { hasher.combine(count) }
}

/// An item: its attributes in insertion order.
public typealias DynamoItem = AttributeMap
