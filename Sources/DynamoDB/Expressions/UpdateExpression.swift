import SimKit

/// A parsed UpdateExpression, applied to an item to produce the new item.
public struct UpdateExpression: Sendable, Equatable {
    /// The actions in the order written.
    public let actions: [UpdateAction]

    /// Parses `text`, resolving placeholders from `attributes` (which records their use).
    public static func parse(_ text: String, attributes: inout ExpressionAttributes) throws(AWSError) -> UpdateExpression {
        var parser = ExpressionParser.update(text, attributes: attributes)
        let actions = try ExpressionKind.update.parse(text) { () throws(ExpressionFailure) in try parser.parseWholeUpdate() }
        attributes = parser.attributes
        return UpdateExpression(actions: actions)
    }

    /// The paths the actions write, in order.
    public var targetPaths: [DocumentPath] { actions.map(\.path) }

    /// `Cannot update attribute pk. This attribute is part of the key` when an action targets a key
    /// attribute (dynamodb-conformance `updateItem.test.ts`).
    public func keyAttributeError(keyNames: [String]) -> AWSError? {
        for path in targetPaths where keyNames.contains(path.head) {
            return DynamoDBValidation.cannotUpdateKey(path.head)
        }
        return nil
    }

    /// The item after the update, and the written paths before and after (for `ReturnValues`
    /// `UPDATED_OLD` / `UPDATED_NEW`). Runtime errors are dynalite's `actions/updateItem.js` texts.
    public func apply(to item: AttributeMap) throws(AWSError) -> UpdateResult {
        var resolved: [AttributeValue?] = []
        for action in actions {
            if case .set(_, let operand) = action { resolved.append(try Self.resolve(operand, item)) } else { resolved.append(nil) }
        }
        var new = item
        // List elements are removed highest index first so that indexes refer to the original list.
        let removals = actions.indices.filter { if case .remove = actions[$0] { true } else { false } }
            .sorted { Self.removalOrder(actions[$0].path, actions[$1].path) }
        let others = actions.indices.filter { !removals.contains($0) }
        for index in others + removals {
            let ok = try new.modify(actions[index].path) { (current) throws(AWSError) in
                try Self.perform(actions[index], resolved: resolved[index], on: current)
            }
            if !ok { throw DynamoDBValidation.error("The document path provided in the update expression is invalid for update") }
        }
        let paths = targetPaths
        return UpdateResult(item: new, updatedOld: Projection.project(item, paths), updatedNew: Projection.project(new, paths))
    }

    private static func removalOrder(_ a: DocumentPath, _ b: DocumentPath) -> Bool {
        if case .index(let x)? = a.elements.last, case .index(let y)? = b.elements.last { return x > y }
        return false
    }

    static func perform(_ action: UpdateAction, resolved: AttributeValue?, on current: AttributeValue?) throws(AWSError) -> AttributeValue? {
        switch action {
        case .set: return resolved
        case .remove: return nil
        case .add(_, let value):
            guard let current else { return value }
            switch (current, value) {
            case let (.n(a), .n(b)): return .n(try checked(a + b))
            case let (.ss(a), .ss(b)): return .ss(a + b.filter { !a.contains($0) })
            case let (.ns(a), .ns(b)): return .ns(a + b.filter { !a.contains($0) })
            case let (.bs(a), .bs(b)): return .bs(a + b.filter { !a.contains($0) })
            default: throw incorrectDataType
            }
        case .delete(_, let value):
            guard let current else { return nil }
            let remaining: AttributeValue
            switch (current, value) {
            case let (.ss(a), .ss(b)): remaining = .ss(a.filter { !b.contains($0) })
            case let (.ns(a), .ns(b)): remaining = .ns(a.filter { !b.contains($0) })
            case let (.bs(a), .bs(b)): remaining = .bs(a.filter { !b.contains($0) })
            default: throw incorrectDataType
            }
            return remaining.isEmptySet ? nil : remaining
        }
    }

    static let incorrectDataType = DynamoDBValidation.error("An operand in the update expression has an incorrect data type")

    static func checked(_ number: DynamoNumber) throws(AWSError) -> DynamoNumber {
        do {
            try number.checkLimits()
            return number
        } catch {
            throw DynamoDBValidation.error(DynamoDBValidation.message(for: error, text: number.text))
        }
    }

    /// A SET operand's value in the original item.
    static func resolve(_ operand: UpdateOperand, _ item: AttributeMap) throws(AWSError) -> AttributeValue {
        switch operand {
        case .value(let value): return value
        case .path(let path):
            guard let value = path.resolve(in: item) else {
                throw DynamoDBValidation.error("The provided expression refers to an attribute that does not exist in the item")
            }
            return value
        case let .ifNotExists(path, fallback):
            if let value = path.resolve(in: item) { return value }
            return try resolve(fallback, item)
        case let .listAppend(a, b):
            guard case .l(let x) = try resolve(a, item), case .l(let y) = try resolve(b, item) else { throw incorrectDataType }
            return .l(x + y)
        case let .plus(a, b), let .minus(a, b):
            guard case .n(let x) = try resolve(a, item), case .n(let y) = try resolve(b, item) else { throw incorrectDataType }
            if case .plus = operand { return .n(try checked(x + y)) }
            return .n(try checked(x - y))
        case .invalid:
            throw incorrectDataType
        }
    }
}

/// What an update produced.
public struct UpdateResult: Sendable, Equatable {
    /// The whole new item.
    public let item: AttributeMap
    /// The written paths as they were (`ReturnValues: UPDATED_OLD`).
    public let updatedOld: AttributeMap
    /// The written paths as they are now (`ReturnValues: UPDATED_NEW`).
    public let updatedNew: AttributeMap
}

extension AttributeValue {
    var isEmptySet: Bool {
        switch self {
        case .ss(let v): v.isEmpty
        case .ns(let v): v.isEmpty
        case .bs(let v): v.isEmpty
        default: false
        }
    }
}
