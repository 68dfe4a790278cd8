import SimKit

/// Which expression parameter a text came from; DynamoDB names it in every error.
public enum ExpressionKind: String, Sendable {
    case condition = "ConditionExpression"
    case filter = "FilterExpression"
    case keyCondition = "KeyConditionExpression"
    case update = "UpdateExpression"
    case projection = "ProjectionExpression"

    /// `Invalid UpdateExpression: <message>`.
    func error(_ failure: ExpressionFailure) -> AWSError {
        DynamoDBValidation.error("Invalid \(rawValue): \(failure.message)")
    }
}

/// A request's `ExpressionAttributeNames` and `ExpressionAttributeValues`, shared by all of its
/// expressions, remembering which placeholders were used so unused ones can be reported.
public struct ExpressionAttributes: Sendable {
    /// `#name` → attribute name, in request order.
    public private(set) var names: [(placeholder: String, name: String)]
    /// `:value` → value, in request order.
    public private(set) var values: [(placeholder: String, value: AttributeValue)]
    private(set) var usedNames: Set<String> = []
    private(set) var usedValues: Set<String> = []

    /// Placeholders as given; use `parse(names:values:)` for wire JSON with DynamoDB's checks.
    public init(names: [(String, String)] = [], values: [(String, AttributeValue)] = []) {
        self.names = names.map { (placeholder: $0.0, name: $0.1) }
        self.values = values.map { (placeholder: $0.0, value: $0.1) }
    }

    /// Validates the two request maps as DynamoDB does before parsing any expression
    /// (dynalite `validateExpressions`; moto `InvalidExpressionAttributeNameKey`, `ExpressionAttributeValuesEmpty`).
    public static func parse(names: JSON?, values: JSON?) throws(AWSError) -> ExpressionAttributes {
        var result = ExpressionAttributes()
        if let names, !names.isNull {
            let object = names.objectValue ?? JSONObject()
            if object.isEmpty { throw DynamoDBValidation.error("ExpressionAttributeNames must not be empty") }
            for member in object {
                guard isPlaceholder(member.key, sigil: "#"), let name = member.value.stringValue else {
                    throw DynamoDBValidation.error("ExpressionAttributeNames contains invalid key: Syntax error; key: \"\(member.key)\"")
                }
                result.names.append((member.key, name))
            }
        }
        if let values, !values.isNull {
            let object = values.objectValue ?? JSONObject()
            if object.isEmpty { throw DynamoDBValidation.error("ExpressionAttributeValues must not be empty") }
            for member in object where !isPlaceholder(member.key, sigil: ":") {
                throw DynamoDBValidation.error("ExpressionAttributeValues contains invalid key: Syntax error; key: \"\(member.key)\"")
            }
            for member in object {
                do {
                    result.values.append((member.key, try AttributeValue(dynamoJSON: member.value)))
                } catch where error.code == "ValidationException" {
                    throw DynamoDBValidation.error("ExpressionAttributeValues contains invalid value: \(error.message) for key \(member.key)")
                }
            }
        }
        return result
    }

    private static func isPlaceholder(_ key: String, sigil: Character) -> Bool {
        key.first == sigil && key.count > 1 && key.dropFirst().unicodeScalars.allSatisfy(ExpressionLexer.isWordPart)
    }

    /// The attribute a `#placeholder` stands for, marking it used.
    mutating func name(_ placeholder: String) -> String? {
        guard let name = names.first(where: { $0.placeholder == placeholder })?.name else { return nil }
        usedNames.insert(placeholder)
        return name
    }

    /// The value a `:placeholder` stands for, marking it used.
    mutating func value(_ placeholder: String) -> AttributeValue? {
        guard let value = values.first(where: { $0.placeholder == placeholder })?.value else { return nil }
        usedValues.insert(placeholder)
        return value
    }

    /// After every expression of the request is parsed: `Value provided in ExpressionAttributeNames
    /// unused in expressions: keys: {#a, #b}` (names first), dynamodb-conformance `updateItem.test.ts`.
    public func checkUnused() -> AWSError? {
        let names = names.map(\.placeholder).filter { !usedNames.contains($0) }
        if !names.isEmpty {
            return DynamoDBValidation.error("Value provided in ExpressionAttributeNames unused in expressions: keys: {\(names.joined(separator: ", "))}")
        }
        let values = values.map(\.placeholder).filter { !usedValues.contains($0) }
        if !values.isEmpty {
            return DynamoDBValidation.error("Value provided in ExpressionAttributeValues unused in expressions: keys: {\(values.joined(separator: ", "))}")
        }
        return nil
    }
}
