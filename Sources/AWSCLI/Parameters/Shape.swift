import SimKit

/// The part of a botocore input shape the CLI needs to read a parameter: its type and, for
/// structures, the members in model order.
public indirect enum Shape: Sendable, Equatable {
    case string
    case integer
    case long
    case double
    case boolean
    /// Timestamps are given as text; the service parses them.
    case timestamp
    /// Binary: the parser yields base64 text.
    case blob
    case list(Shape)
    /// String keys, values of the given shape.
    case map(Shape)
    case structure([ShapeMember])

    /// A structure from `(name, shape)` pairs in model order.
    public static func structure(_ members: KeyValuePairs<String, Shape>) -> Shape {
        .structure(members.map { ShapeMember($0.key, $0.value) })
    }

    /// botocore's `type_name` (`structure`, `list`, `map`, `string`, …).
    public var typeName: String {
        switch self {
        case .string: "string"
        case .integer: "integer"
        case .long: "long"
        case .double: "double"
        case .boolean: "boolean"
        case .timestamp: "timestamp"
        case .blob: "blob"
        case .list: "list"
        case .map: "map"
        case .structure: "structure"
        }
    }

    /// Structures, maps and lists of those accept shorthand (`_supports_shorthand_syntax`).
    var acceptsShorthand: Bool {
        switch self {
        case .structure, .map: true
        case .list(let member): member.isComplex
        default: false
        }
    }

    var isComplex: Bool {
        switch self {
        case .structure, .map, .list: true
        default: false
        }
    }
}

/// A named member of a structure shape.
public struct ShapeMember: Sendable, Equatable {
    /// The member name as the API spells it (`AttributeName`).
    public var name: String
    /// The member's shape.
    public var shape: Shape

    /// A member called `name` of shape `shape`.
    public init(_ name: String, _ shape: Shape) {
        self.name = name
        self.shape = shape
    }
}
