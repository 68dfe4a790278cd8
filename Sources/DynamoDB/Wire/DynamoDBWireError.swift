import SimKit

/// How an `AWSError` looks on DynamoDB's JSON 1.0 wire: `{"__type":"<namespace>#<Code>","message":"…"}`
/// (reference/aws-behavior.md §3.1).
///
/// The namespace and the case of the message key depend on the code: DynamoDB's own errors live in
/// `com.amazonaws.dynamodb.v20120810` with `message`; request validation in
/// `com.amazon.coral.validate`; the Coral front end's errors (authorisation, serialisation,
/// unknown operation) in `com.amazon.coral.service`, some with `Message`.
public enum DynamoDBWireError {
    /// DynamoDB's own namespace.
    public static let dynamoNamespace = "com.amazonaws.dynamodb.v20120810"
    /// Request-validation namespace (ValidationException only).
    public static let validateNamespace = "com.amazon.coral.validate"
    /// The Coral service framework's namespace.
    public static let serviceNamespace = "com.amazon.coral.service"
    /// Coral's availability namespace (control-plane throttling).
    public static let availabilityNamespace = "com.amazon.coral.availability"

    /// Codes raised by the Coral front end before DynamoDB sees the request
    /// (S-LS `test_dynamodb.snapshot.json`; mhart/dynalite `index.js`, whose tests ran against AWS).
    static let serviceCodes: Set<String> = [
        "AccessDeniedException", "UnrecognizedClientException", "SerializationException", "UnknownOperationException",
        "MissingAuthenticationTokenException", "IncompleteSignatureException", "InvalidSignatureException",
        "ExpiredTokenException", "RequestExpired",
    ]

    /// Codes whose body spells the key `Message`.
    // AccessDeniedException: reference §3.1. TransactionCanceledException: AWS sends "Message" next to
    // "CancellationReasons" (aws/aws-sdk-go TransactionCanceledException samples; moto mirrors it).
    // SerializationException with a text: "Message" (dynalite `validations` tests recorded on AWS).
    static let capitalMessageCodes: Set<String> = [
        "AccessDeniedException", "TransactionCanceledException", "SerializationException",
    ]

    /// The `__type` for `error`: its `wireType` when set, else the namespace for its code.
    public static func type(of error: AWSError) -> String {
        if let wireType = error.wireType { return wireType }
        return namespace(for: error.code) + "#" + error.code
    }

    /// The namespace AWS uses for `code`.
    public static func namespace(for code: String) -> String {
        if code == "ValidationException" { return validateNamespace }
        if code == "ThrottlingException" { return availabilityNamespace }
        if serviceCodes.contains(code) { return serviceNamespace }
        return dynamoNamespace
    }

    /// `message` or `Message`, as AWS spells it for `code`.
    public static func messageKey(for code: String) -> String {
        capitalMessageCodes.contains(code) ? "Message" : "message"
    }

    /// The error body. An empty message is left out: Coral's `UnknownOperationException` and
    /// `SerializationException` for unparseable JSON carry only `__type`.
    public static func body(for error: AWSError) -> JSON { body(for: DynamoDBFailure(error)) }

    /// The error body with the failure's extra members after the message, in their order.
    public static func body(for failure: DynamoDBFailure) -> JSON {
        let error = failure.error
        var object = JSONObject()
        object["__type"] = .string(type(of: error))
        // A condition failure that returns the old item spells it `Message` (localstack snapshot
        // test_return_values_on_conditions_check_failure: botocore found no lower-case `message`).
        let key = failure.extra["Item"] != nil ? "Message" : messageKey(for: error.code)
        if !error.message.isEmpty { object[key] = .string(error.message) }
        for member in failure.extra { object[member.key] = member.value }
        return .object(object)
    }

    /// `{"__type":"com.amazon.coral.service#UnknownOperationException"}`: a target outside the API.
    public static let unknownOperation = AWSError(code: "UnknownOperationException", message: "")

    /// `{"__type":"com.amazon.coral.service#SerializationException"}`: a body that is not JSON, not
    /// an object, or empty.
    public static let serialization = AWSError(code: "SerializationException", message: "")

    /// What DynamoDB answers for a fault of its own; here, a simulator failure (e.g. SQLite I/O).
    public static let internalServerError = AWSError(code: "InternalServerError", message: "Internal server error",
                                                     httpStatus: 500)
}
