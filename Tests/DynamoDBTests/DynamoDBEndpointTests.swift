import DynamoDB
import SimKit
import Testing

/// The JSON 1.0 wire protocol without a socket: `DynamoDBEndpoint.respond(to:)` on hand-built
/// requests. Expected bodies and CRCs are AWS's (reference §3.1; mhart/dynalite connection tests,
/// recorded against DynamoDB).
@Suite struct DynamoDBEndpointTests {
    /// Answers `ListTables` with `{}`, `PutItem` with a condition failure, `TransactWriteItems`
    /// with a cancellation carrying reasons, and throws for `Scan`.
    struct Stub: DynamoDBRequestHandler {
        struct Broken: Error {}
        func handle(operation: String, request: JSON) throws -> Result<JSON, DynamoDBFailure> {
            switch operation {
            case "ListTables": return .success(["TableNames": []])
            case "PutItem": return .failure(DynamoDBFailure(AWSError(code: "ConditionalCheckFailedException", message: "The conditional request failed")))
            case "GetItem": return .failure(DynamoDBFailure(AWSError(code: "ValidationException", message: "The provided key element does not match the schema")))
            case "TransactWriteItems":
                return .failure(DynamoDBFailure(
                    AWSError(code: "TransactionCanceledException", message: "Transaction cancelled, please refer cancellation reasons for specific reasons [None]"),
                    extra: ["CancellationReasons": [["Code": "None"]]]))
            case "DeleteItem":
                return .failure(DynamoDBFailure(AWSError(code: "ConditionalCheckFailedException", message: "The conditional request failed"),
                                                extra: ["Item": ["id": ["S": "1"]]]))
            case "DescribeLimits": return .failure(DynamoDBFailure(AWSError(code: "AccessDeniedException", message: "denied")))
            default: throw Broken()
            }
        }
    }

    let endpoint = DynamoDBEndpoint(handler: Stub(), region: "ap-northeast-2", requestID: { String(repeating: "A", count: 52) })

    func post(_ target: String?, _ body: String, contentType: String? = DynamoDBEndpoint.amzJSON) -> HTTPResponse {
        var headers = HTTPFields()
        if let contentType { headers.add("Content-Type", contentType) }
        if let target { headers.add("X-Amz-Target", target) }
        return endpoint.respond(to: HTTPRequest(method: "POST", path: "/", headers: headers, body: Array(body.utf8)))
    }

    @Test func successCarriesAWSHeadersAndACorrectCRC() {
        let response = post("DynamoDB_20120810.ListTables", "{}")
        #expect(response.status == 200)
        #expect(response.bodyText == #"{"TableNames":[]}"#)
        #expect(response.headers["Content-Type"] == "application/x-amz-json-1.0")
        #expect(response.headers["x-amzn-RequestId"] == String(repeating: "A", count: 52))
        #expect(response.headers["x-amz-crc32"] == String(CRC32.checksum(response.body)))
    }

    @Test func errorsUseTheNamespaceAndKeyCaseOfTheirCode() {
        let failed = post("DynamoDB_20120810.PutItem", "{}")
        #expect(failed.status == 400)
        #expect(failed.bodyText == #"{"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException","message":"The conditional request failed"}"#)
        let invalid = post("DynamoDB_20120810.GetItem", "{}")
        #expect(invalid.bodyText == #"{"__type":"com.amazon.coral.validate#ValidationException","message":"The provided key element does not match the schema"}"#)
        let denied = post("DynamoDB_20120810.DescribeLimits", "{}")
        #expect(denied.bodyText == #"{"__type":"com.amazon.coral.service#AccessDeniedException","Message":"denied"}"#)
    }

    @Test func aConditionFailureWithTheOldItemSaysMessage() {
        let response = post("DynamoDB_20120810.DeleteItem", "{}")
        #expect(response.bodyText == #"{"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException","Message":"The conditional request failed","Item":{"id":{"S":"1"}}}"#)
    }

    @Test func cancellationReasonsFollowTheCapitalisedMessage() {
        let response = post("DynamoDB_20120810.TransactWriteItems", "{}")
        #expect(response.bodyText == #"{"__type":"com.amazonaws.dynamodb.v20120810#TransactionCanceledException","Message":"Transaction cancelled, please refer cancellation reasons for specific reasons [None]","CancellationReasons":[{"Code":"None"}]}"#)
    }

    @Test(arguments: ["DynamoDB_20120810.Frobnicate", "DynamoDB_20111205.ListTables", "ListTables", "DynamoDB_20120810.listTables"])
    func unknownTargetsGetCoralsBareBody(target: String) {
        let response = post(target, "{}")
        #expect(response.status == 400)
        #expect(response.bodyText == #"{"__type":"com.amazon.coral.service#UnknownOperationException"}"#)
        #expect(response.headers["x-amz-crc32"] == "1368724161")
    }

    @Test func malformedJSONIsASerializationExceptionBeforeTheTargetIsRead() {
        for target in ["DynamoDB_20120810.ListTables", "DynamoDB_20120810.Nope"] {
            let response = post(target, "{not json")
            #expect(response.status == 400)
            #expect(response.bodyText == #"{"__type":"com.amazon.coral.service#SerializationException"}"#)
            #expect(response.headers["x-amz-crc32"] == "3948637019")
        }
        let empty = post("DynamoDB_20120810.ListTables", "")
        #expect(empty.bodyText == #"{"__type":"com.amazon.coral.service#SerializationException"}"#)
        let array = post("DynamoDB_20120810.ListTables", "[]")
        #expect(array.bodyText == #"{"__type":"com.amazon.coral.service#SerializationException"}"#)
    }

    @Test func plainJSONRequestsAreAnsweredInPlainJSON() {
        let response = post("DynamoDB_20120810.ListTables", "{}", contentType: "application/json; charset=utf-8")
        #expect(response.status == 200)
        #expect(response.headers["Content-Type"] == "application/json")
    }

    @Test func otherMethodsAndContentTypesAre404XML() {
        let wrongType = post("DynamoDB_20120810.ListTables", "{}", contentType: "text/plain")
        #expect(wrongType.status == 404)
        #expect(wrongType.bodyText == "<UnknownOperationException/>\n")
        #expect(wrongType.headers["x-amz-crc32"] == "3552371480")
        let put = endpoint.respond(to: HTTPRequest(method: "PUT", path: "/"))
        #expect(put.status == 404)
    }

    @Test func getIsTheHealthCheck() {
        let response = endpoint.respond(to: HTTPRequest(method: "GET", path: "/"))
        #expect(response.status == 200)
        #expect(response.bodyText == "healthy: dynamodb.ap-northeast-2.amazonaws.com ")
    }

    @Test func aSimulatorFaultIsAnInternalServerError() {
        let response = post("DynamoDB_20120810.Scan", "{}")
        #expect(response.status == 500)
        #expect(response.bodyText == #"{"__type":"com.amazonaws.dynamodb.v20120810#InternalServerError","message":"Internal server error"}"#)
    }

    @Test func requestIDsHaveAWSsShapeAndComeFromTheSeededGenerator() {
        let first = DynamoDBEndpoint.requestID(from: IDGenerator(seed: 7))
        #expect(first.count == 52)
        #expect(first.allSatisfy { $0.isUppercase || $0.isNumber })
        #expect(first == DynamoDBEndpoint.requestID(from: IDGenerator(seed: 7)))
    }
}
