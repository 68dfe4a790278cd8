/// One step of a document path: a map member or a list index.
public enum PathElement: Sendable, Hashable {
    case name(String)
    case index(Int)
}

/// A document path such as `a.b[0].c`, with `#placeholders` already replaced.
public struct DocumentPath: Sendable, Hashable, CustomStringConvertible {
    /// The steps, top-level attribute first.
    public var elements: [PathElement]

    /// A path of these steps.
    public init(_ elements: [PathElement]) { self.elements = elements }

    /// The top-level attribute name.
    public var head: String {
        if case .name(let name) = elements.first { return name }
        return ""
    }

    /// DynamoDB's rendering in errors: `[a, [1], b]` (dynalite `pathStr`; moto `DuplicateUpdateExpression`).
    public var description: String {
        "[" + elements.map {
            switch $0 {
            case .name(let name): name
            case .index(let index): "[\(index)]"
            }
        }.joined(separator: ", ") + "]"
    }

    /// How two target paths collide, DynamoDB's "overlap" (one is a prefix of the other) or "conflict"
    /// (a name and an index at the same depth), else nil (dynalite `updateParser.pegjs` `checkPaths`).
    func collision(with other: DocumentPath) -> String? {
        for (a, b) in zip(elements, other.elements) {
            switch (a, b) {
            case (.name, .index), (.index, .name): return "conflict"
            default: if a != b { return nil }
            }
        }
        return "overlap"
    }

    /// The value at this path in `item`, or nil when any step is missing or of the wrong type.
    public func resolve(in item: AttributeMap) -> AttributeValue? {
        guard case .name(let first) = elements.first, var current = item[first] else { return nil }
        for element in elements.dropFirst() {
            switch (element, current) {
            case let (.name(name), .m(map)):
                guard let next = map[name] else { return nil }
                current = next
            case let (.index(index), .l(list)):
                guard index < list.count else { return nil }
                current = list[index]
            default:
                return nil
            }
        }
        return current
    }
}

/// `Two document paths overlap with each other; …` for the first colliding pair, in the order written.
func checkCollisions(_ paths: [DocumentPath]) -> ExpressionFailure? {
    var seen: [DocumentPath] = []
    var conflict: ExpressionFailure?
    for path in paths {
        for earlier in seen {
            guard let kind = earlier.collision(with: path) else { continue }
            let failure = ExpressionFailure.semantic("Two document paths \(kind) with each other; must remove or rewrite one of these paths; path one: \(earlier), path two: \(path)")
            if kind == "overlap" { return failure }
            conflict = conflict ?? failure
        }
        seen.append(path)
    }
    return conflict
}
