import SimKit

/// Writing through document paths, as UpdateExpression's actions do.
extension AttributeMap {
    /// Applies `change` to the value at `path` (nil when absent; returning nil removes it).
    /// Returns false when a parent step is missing or of the wrong type, which DynamoDB rejects with
    /// "The document path provided in the update expression is invalid for update".
    mutating func modify(_ path: DocumentPath, _ change: (AttributeValue?) throws(AWSError) -> AttributeValue?) throws(AWSError) -> Bool {
        guard case .name(let head)? = path.elements.first else { return false }
        let rest = Array(path.elements.dropFirst())
        if rest.isEmpty {
            self[head] = try change(self[head])
            return true
        }
        guard var child = self[head] else { return false }
        let ok = try child.modify(rest, change)
        if ok { self[head] = child }
        return ok
    }
}

extension AttributeValue {
    mutating func modify(_ path: [PathElement], _ change: (AttributeValue?) throws(AWSError) -> AttributeValue?) throws(AWSError) -> Bool {
        guard let step = path.first else { return false }
        let rest = Array(path.dropFirst())
        switch (step, self) {
        case (.name(let name), .m(var map)):
            if rest.isEmpty {
                map[name] = try change(map[name])
            } else {
                guard var child = map[name], try child.modify(rest, change) else { return false }
                map[name] = child
            }
            self = .m(map)
            return true
        case (.index(let index), .l(var list)):
            if rest.isEmpty {
                // SET past the end appends; REMOVE past the end does nothing (DynamoDB developer guide,
                // "Adding elements to a list" / "Removing elements from a list").
                let current = index < list.count ? list[index] : nil
                let new = try change(current)
                if index < list.count {
                    if let new { list[index] = new } else { list.remove(at: index) }
                } else if let new {
                    list.append(new)
                }
            } else {
                guard index < list.count else { return false }
                var child = list[index]
                guard try child.modify(rest, change) else { return false }
                list[index] = child
            }
            self = .l(list)
            return true
        default:
            return false
        }
    }
}
