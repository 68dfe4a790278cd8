import SimKit

/// DynamoDB's JSON 1.0 wire protocol over `LoopbackHTTPServer`: what boto3, the aws CLI and the
/// SDK shims inside handlers talk to (`--endpoint-url`, `AWS_ENDPOINT_URL_DYNAMODB`).
///
/// `POST /` with `X-Amz-Target: DynamoDB_20120810.<Op>` and `Content-Type:
/// application/x-amz-json-1.0`; every answer carries `x-amzn-RequestId` and `x-amz-crc32` (the
/// CRC-32 of the body, which botocore verifies and retries on). The checks run in DynamoDB's order
/// (mhart/dynalite `index.js`, whose connection tests were recorded against AWS): method and content
/// type, then JSON syntax, then the target, then an empty body.
///
/// Signatures are not verified: the fake credentials handlers get would never verify anyway.
/// With an `authorize` closure (the endpoint Lambda handlers call), the access key id in the
/// SigV4 header names the caller and IAM decides before DynamoDB sees the request; without one
/// (`workbook dynamodb-endpoint`, for the learner's own aws CLI and boto3) every caller is the
/// account's administrator.
public struct DynamoDBEndpoint: Sendable {
    /// Whether the caller signing with `accessKeyID` may make the call: nil when it may, else
    /// the error to answer (`AccessDeniedException`, `UnrecognizedClientException`, …).
    public typealias Authorizer = @Sendable (_ accessKeyID: String?, _ operation: String, _ request: JSON) throws -> AWSError?

    /// The content type of requests and responses.
    public static let amzJSON = "application/x-amz-json-1.0"

    private let handler: any DynamoDBRequestHandler
    private let region: String
    private let requestID: @Sendable () -> String
    private let authorize: Authorizer?

    /// - Parameters:
    ///   - handler: performs the operations (the account, in the CLI).
    ///   - region: named by the health check (`GET /`).
    ///   - requestID: the next `x-amzn-RequestId`; `requestID(from:)` draws AWS's format from a
    ///     seeded generator (the CLI's is `Account.requestIDGenerator()`, one per endpoint run).
    ///   - authorize: IAM's decision on each call, from the signer's access key id; nil admits all.
    public init(handler: any DynamoDBRequestHandler, region: String, requestID: @escaping @Sendable () -> String,
                authorize: Authorizer? = nil) {
        self.handler = handler
        self.region = region
        self.requestID = requestID
        self.authorize = authorize
    }

    /// A DynamoDB request id: 52 characters of `[A-Z0-9]` (reference §3.1).
    public static func requestID(from ids: IDGenerator) -> String {
        ids.string(52, from: "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    }

    /// The handler to give `LoopbackHTTPServer.bind(syncHandler:)`: each request is answered on
    /// its connection's event loop, without a hop to the concurrency pool and back.
    public var httpHandler: SyncHTTPHandler { { request in respond(to: request) } }

    /// Answers one HTTP request.
    public func respond(to request: HTTPRequest) -> HTTPResponse {
        let id = requestID()
        if request.method == "GET" {
            // DynamoDB answers a GET with a health line (the trailing space is AWS's).
            return Self.raw(status: 200, text: "healthy: dynamodb.\(region).amazonaws.com ", requestID: id)
        }
        let mediaType = Self.mediaType(request.headers["content-type"])
        guard request.method == "POST", request.body.isEmpty || mediaType == Self.amzJSON || mediaType == "application/json" else {
            return Self.raw(status: 404, text: "<UnknownOperationException/>\n", requestID: id)
        }
        // A request in plain application/json is answered in it; everything else in amz-json-1.0.
        let contentType = mediaType == "application/json" ? "application/json" : Self.amzJSON
        let reply = { (status: Int, body: JSON) in Self.json(status: status, body: body, contentType: contentType, requestID: id) }
        var parsed: JSON?
        if !request.body.isEmpty {
            guard let json = try? JSONParser.parse(bytes: request.body) else {
                return reply(400, DynamoDBWireError.body(for: DynamoDBWireError.serialization))
            }
            parsed = json
        }
        guard let operation = DynamoDBTarget.operation(request.headers["x-amz-target"]) else {
            return reply(400, DynamoDBWireError.body(for: DynamoDBWireError.unknownOperation))
        }
        guard let body = parsed, body.objectValue != nil else {
            return reply(400, DynamoDBWireError.body(for: DynamoDBWireError.serialization))
        }
        do {
            if let authorize, let denied = try authorize(
                SigV4Credential.accessKeyID(authorization: request.headers["authorization"]), operation, body) {
                return reply(denied.httpStatus, DynamoDBWireError.body(for: denied))
            }
            switch try handler.handle(operation: operation, request: body) {
            case .success(let output): return reply(200, output)
            case .failure(let failure): return reply(failure.error.httpStatus, DynamoDBWireError.body(for: failure))
            }
        } catch {
            let fault = DynamoDBWireError.internalServerError
            return reply(fault.httpStatus, DynamoDBWireError.body(for: fault))
        }
    }

    /// `application/x-amz-json-1.0; charset=utf-8` → `application/x-amz-json-1.0`.
    static func mediaType(_ header: String?) -> String {
        guard let header else { return "" }
        let type = header.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        // Usually already plain lower-case ASCII: nothing to remove or fold.
        if !type.utf8.contains(where: { $0 == 0x20 || $0 >= 0x80 || (0x41...0x5A).contains($0) }) { return String(type) }
        return type.split(separator: " ").joined().lowercased()
    }

    /// A JSON response with DynamoDB's headers, in AWS's order.
    static func json(status: Int, body: JSON, contentType: String, requestID: String) -> HTTPResponse {
        let bytes = Array(body.serialized(.compact).utf8)
        let headers: HTTPFields = [
            ("Server", "Server"), ("Content-Type", contentType), ("x-amzn-RequestId", requestID),
            ("x-amz-crc32", String(CRC32.checksum(bytes))),
        ]
        return HTTPResponse(status: status, headers: headers, body: bytes)
    }

    /// A non-JSON answer (health check, 404): no content type, as AWS sends none.
    static func raw(status: Int, text: String, requestID: String) -> HTTPResponse {
        let bytes = Array(text.utf8)
        let headers: HTTPFields = [("x-amzn-RequestId", requestID), ("x-amz-crc32", String(CRC32.checksum(bytes)))]
        return HTTPResponse(status: status, headers: headers, body: bytes)
    }
}
