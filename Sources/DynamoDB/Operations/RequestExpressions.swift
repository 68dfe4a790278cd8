import SimKit

/// A request's expressions, parsed together so that unused placeholders can be reported.
struct RequestExpressions {
    var condition: ConditionExpression?
    var filter: ConditionExpression?
    var update: UpdateExpression?
    var projection: Projection?
    var keyCondition: KeyCondition?

    /// The members that hold an expression.
    private static let expressionMembers = ["KeyConditionExpression", "UpdateExpression", "ConditionExpression", "FilterExpression",
                                            "ProjectionExpression"]
    /// Those, and the members that hold their placeholders.
    private static let allMembers = expressionMembers + ["ExpressionAttributeNames", "ExpressionAttributeValues"]

    /// Parses the members a request has. `keys` (partition and sort key) is given for Query.
    static func parse(_ request: Request, keys: (KeyCondition.KeyAttribute, KeyCondition.KeyAttribute?)? = nil) throws -> RequestExpressions {
        // A plain PutItem or GetItem has none of these members: nothing to parse or check.
        if allMembers.allSatisfy({ request[$0] == nil }) { return RequestExpressions() }
        var attributes = try ExpressionAttributes.parse(names: request["ExpressionAttributeNames"],
                                                        values: request["ExpressionAttributeValues"])
        var parsed = RequestExpressions()
        let present = try expressionMembers.filter { try request.string($0) != nil }
        if present.isEmpty {
            if request["ExpressionAttributeNames"] != nil {
                throw DynamoDBErrors.attributesWithoutExpressions("Names", expressionMembers(request))
            }
            if request["ExpressionAttributeValues"] != nil {
                throw DynamoDBErrors.attributesWithoutExpressions("Values", expressionMembers(request))
            }
            return parsed
        }
        if let text = try request.string("KeyConditionExpression"), let keys {
            parsed.keyCondition = try KeyCondition.parse(text, hash: keys.0, range: keys.1, attributes: &attributes)
        }
        if let text = try request.string("UpdateExpression") {
            parsed.update = try UpdateExpression.parse(text, attributes: &attributes)
        }
        if let text = try request.string("ConditionExpression") {
            parsed.condition = try ConditionExpression.parse(text, kind: .condition, attributes: &attributes)
        }
        if let text = try request.string("FilterExpression") {
            parsed.filter = try ConditionExpression.parse(text, kind: .filter, attributes: &attributes)
        }
        if let text = try request.string("ProjectionExpression") {
            parsed.projection = try Projection.parse(text, attributes: &attributes)
        }
        if let unused = attributes.checkUnused() { throw unused }
        return parsed
    }

    /// The expression members an operation accepts, for the "can only be specified" message.
    private static func expressionMembers(_ request: Request) -> [String] {
        if request["Key"] != nil && request["Item"] == nil { return ["UpdateExpression", "ConditionExpression"] }
        return ["ConditionExpression"]
    }

    /// The item as a read returns it: projected by ProjectionExpression or legacy AttributesToGet.
    static func project(_ item: AttributeMap, _ projection: Projection?, attributesToGet: [String]?) -> AttributeMap {
        if let projection { return projection.apply(to: item) }
        if let names = attributesToGet { return AttributeMap(item.members.filter { names.contains($0.name) }.map { ($0.name, $0.value) }) }
        return item
    }
}

extension Request {
    /// Legacy `AttributesToGet`.
    var attributesToGet: [String]? { self["AttributesToGet"]?.arrayValue?.compactMap(\.stringValue) }

    /// `ReturnValues`, validated against DynamoDB's enum.
    func returnValues() throws -> String {
        try choice("ReturnValues", ["NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW"], default: "NONE")
    }
}
