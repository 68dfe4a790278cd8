import SimKit

/// DynamoDB's non-validation errors with the `__type` namespaces of `aws-behavior.md` §3.1.
public enum DynamoDBErrors {
    /// The namespace DynamoDB's own exceptions carry on the wire.
    static let dynamoNamespace = "com.amazonaws.dynamodb.v20120810#"

    static func dynamo(_ code: String, _ message: String) -> AWSError {
        AWSError(code: code, message: message, httpStatus: 400, wireType: dynamoNamespace + code)
    }

    /// Item operations on a table that does not exist (§3.1).
    public static let resourceNotFound = dynamo("ResourceNotFoundException", "Requested resource not found")

    /// DescribeTable / DeleteTable / UpdateTable on a missing table (§3.1, §2.2 transcript).
    public static func tableNotFound(_ name: String) -> AWSError {
        dynamo("ResourceNotFoundException", "Requested resource not found: Table: \(name) not found")
    }

    /// A condition that did not hold (§3.1).
    public static let conditionalCheckFailed = dynamo("ConditionalCheckFailedException", "The conditional request failed")

    /// An X-Amz-Target this simulator does not know; coral answers without a message.
    public static func unknownOperation(_ name: String) -> AWSError {
        AWSError(code: "UnknownOperationException", message: "", httpStatus: 400,
                 wireType: "com.amazon.coral.service#UnknownOperationException")
    }

    /// Gives an error built elsewhere (TableStore, validation) its §3.1 namespace.
    static func namespaced(_ error: AWSError) -> AWSError {
        guard error.wireType == nil else { return error }
        var error = error
        error.wireType = error.code == "ValidationException"
            ? "com.amazon.coral.validate#ValidationException" : dynamoNamespace + error.code
        return error
    }

    /// `1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null`.
    static func missingMember(_ member: String) -> AWSError {
        DynamoDBValidation.error("1 validation error detected: Value null at '\(lowerFirst(member))' failed to satisfy constraint: Member must not be null")
    }

    /// An enum member outside its values, in coral's wording.
    static func badEnum(_ member: String, _ value: String, _ allowed: [String]) -> AWSError {
        DynamoDBValidation.error("1 validation error detected: Value '\(value)' at '\(lowerFirst(member))' failed to satisfy constraint: Member must satisfy enum value set: [\(allowed.joined(separator: ", "))]")
    }

    /// Table names shorter than 3 characters (coral's length constraint).
    static func shortTableName(_ name: String) -> AWSError {
        DynamoDBValidation.error("1 validation error detected: Value '\(name)' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3")
    }

    /// Key-schema mismatches on Get/Update/Delete (§3.1).
    static let keyMismatch = DynamoDBValidation.error("The provided key element does not match the schema")

    /// PutItem without a key attribute (§3.1, current wording).
    static func missingKey(_ name: String) -> AWSError {
        DynamoDBValidation.error(DynamoDBValidation.invalid + "Missing the key \(name) in the item")
    }

    /// PutItem with a key attribute of the wrong type (§3.1).
    static func keyTypeMismatch(_ name: String, expected: String, actual: String) -> AWSError {
        DynamoDBValidation.error(DynamoDBValidation.invalid + "Type mismatch for key \(name) expected: \(expected) actual: \(actual)")
    }

    /// Put/Delete with ReturnValues other than NONE or ALL_OLD (dynalite `validations/putItem.js`).
    static let returnValuesPutDelete = DynamoDBValidation.error("ReturnValues can only be ALL_OLD or NONE")

    /// Expression maps without any expression (dynalite `validateExpressionParams`).
    static func attributesWithoutExpressions(_ kind: String, _ expressions: [String]) -> AWSError {
        DynamoDBValidation.error("ExpressionAttribute\(kind) can only be specified when using expressions: \(expressions.joined(separator: " and ")) \(expressions.count > 1 ? "are" : "is") null")
    }

    private static func lowerFirst(_ s: String) -> String { s.prefix(1).lowercased() + s.dropFirst() }
}

/// An error together with the members DynamoDB adds to its body (`CancellationReasons` of
/// TransactionCanceledException, `Item` with ReturnValuesOnConditionCheckFailure).
public struct DynamoDBFailure: Error, Sendable, Equatable {
    /// Code, message and `__type`.
    public var error: AWSError
    /// Members after `message` in the error body, in wire order.
    public var extra: JSONObject

    /// A failure with extra body members.
    public init(_ error: AWSError, extra: JSONObject = JSONObject()) {
        self.error = error
        self.extra = extra
    }

    /// The JSON 1.0 error body: `__type`, `message`, then `extra`.
    public var body: JSON {
        var object: JSONObject = ["__type": .string(error.wireType ?? error.code), "message": .string(error.message)]
        for member in extra { object[member.key] = member.value }
        return .object(object)
    }
}
