/// The string of an `Fn::Sub`, split into literal text and `${…}` variables.
///
/// `${Name}` is a variable (a parameter, a resource, a pseudo parameter or a key of the variable
/// map), `${Res.Attr}` a resource attribute, `${!Literal}` the literal text `${Literal}`. A `${`
/// without a closing `}` is literal text.
public struct SubTemplate: Sendable, Equatable {
    /// One piece of the string.
    public enum Part: Sendable, Equatable {
        case literal(String)
        case variable(String)
    }

    /// The pieces, in order.
    public var parts: [Part]

    /// Splits `text`.
    public init(_ text: String) {
        var parts: [Part] = []
        var literal = ""
        var rest = Substring(text)
        while let open = rest.range(of: "${") {
            literal += rest[..<open.lowerBound]
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.firstIndex(of: "}") else {
                literal += rest[open.lowerBound...]
                rest = ""
                break
            }
            let name = afterOpen[..<close]
            if name.hasPrefix("!") {
                literal += "${" + name.dropFirst() + "}"
            } else {
                if !literal.isEmpty { parts.append(.literal(literal)); literal = "" }
                parts.append(.variable(String(name)))
            }
            rest = afterOpen[afterOpen.index(after: close)...]
        }
        literal += rest
        if !literal.isEmpty { parts.append(.literal(literal)) }
        self.parts = parts
    }

    /// The variable names, in order.
    public var variables: [String] {
        parts.compactMap { if case .variable(let name) = $0 { name } else { nil } }
    }
}
