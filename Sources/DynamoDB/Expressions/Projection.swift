import SimKit

/// A ProjectionExpression: the document paths a read returns.
public struct Projection: Sendable, Equatable {
    /// The paths in the order written.
    public let paths: [DocumentPath]

    /// Parses `a, b.c, #d[0]`; overlapping paths are rejected as in dynalite `projectionParser.pegjs`.
    public static func parse(_ text: String, attributes: inout ExpressionAttributes) throws(AWSError) -> Projection {
        var parser = ExpressionParser(text, attributes: attributes, keywords: [], nameSlot: "attrName", valueSlot: "attrName")
        let paths = try ExpressionKind.projection.parse(text) { () throws(ExpressionFailure) in
            var paths = [try parser.parsePath()]
            while parser.tokens.accept(",") { paths.append(try parser.parsePath()) }
            try parser.expectEnd()
            if let collision = checkCollisions(paths) { parser.note("pathOverlap", collision.message) }
            if let failure = parser.firstDeferred(order: ["reserved", "attrName", "pathOverlap"]) { throw failure }
            return paths
        }
        attributes = parser.attributes
        return Projection(paths: paths)
    }

    /// The projected item.
    public func apply(to item: AttributeMap) -> AttributeMap { Self.project(item, paths) }

    /// Copies the values at `paths` out of `item`, keeping the item's order; list elements picked by
    /// index come back as a shorter list in index order, as DynamoDB returns them.
    static func project(_ item: AttributeMap, _ paths: [DocumentPath]) -> AttributeMap {
        var result = AttributeMap()
        for member in item {
            let wanted = paths.filter { $0.head == member.name }.map { Array($0.elements.dropFirst()) }
            if let value = extract(member.value, wanted) { result[member.name] = value }
        }
        return result
    }

    /// `wanted` holds the remaining steps of each path through `value`; an empty one takes it whole.
    private static func extract(_ value: AttributeValue, _ wanted: [[PathElement]]) -> AttributeValue? {
        if wanted.isEmpty { return nil }
        if wanted.contains(where: \.isEmpty) { return value }
        switch value {
        case .m(let map):
            var out = AttributeMap()
            for member in map {
                let next = wanted.filter { $0.first == .name(member.name) }.map { Array($0.dropFirst()) }
                if let picked = extract(member.value, next) { out[member.name] = picked }
            }
            return out.isEmpty ? nil : .m(out)
        case .l(let list):
            var out: [AttributeValue] = []
            for (index, element) in list.enumerated() {
                let next = wanted.filter { $0.first == .index(index) }.map { Array($0.dropFirst()) }
                if let picked = extract(element, next) { out.append(picked) }
            }
            return out.isEmpty ? nil : .l(out)
        default:
            return nil
        }
    }
}
