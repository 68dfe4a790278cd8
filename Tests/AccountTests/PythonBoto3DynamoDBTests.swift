import Account
import DynamoDB
import Foundation
@testable import Lambda
import SimKit
import Testing

/// A Python handler's real boto3 writes into the account's DynamoDB through the wire endpoint
/// (the pool's endpoint reaches the bootstrap as WORKBOOK_DYNAMODB_ENDPOINT, which points
/// botocore's dynamodb clients at it and hides it from the handler). One real
/// Python process, so serialized like LambdaTests' process suite.
@Suite(.serialized) struct PythonBoto3DynamoDBTests {
    static let app = """
        import os
        import boto3

        table = boto3.resource("dynamodb").Table(os.environ["TABLE"])
        client = boto3.client("dynamodb")

        def handler(event, context):
            table.put_item(Item={"ID": event["id"], "n": 3, "who": context.function_name})
            names = client.list_tables()["TableNames"]
            item = table.get_item(Key={"ID": event["id"]})["Item"]
            return {"tables": names, "item": item, "endpoint_hidden": "WORKBOOK_DYNAMODB_ENDPOINT" not in os.environ}

        """

    @Test func boto3PutsAnItemTheAccountCanReadBack() async throws {
        let sim = try Sim.standard()
        let account = sim.account
        _ = try account.dynamodb("CreateTable", [
            "TableName": "Items", "BillingMode": "PAY_PER_REQUEST",
            "AttributeDefinitions": [["AttributeName": "ID", "AttributeType": "S"]],
            "KeySchema": [["AttributeName": "ID", "KeyType": "HASH"]],
        ]).get()
        let ids = IDGenerator(seed: 11)
        let endpoint = DynamoDBEndpoint(handler: DynamoDBClosureHandler { operation, request in try account.dynamodb(operation, request) },
                                        region: "ap-northeast-2", requestID: { DynamoDBEndpoint.requestID(from: ids) })
        let server = try await LoopbackHTTPServer.bind(port: 0, syncHandler: endpoint.httpHandler)
        let result = try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            defer { group.cancelAll() }
            return try await Self.invoke(endpoint: server.url)
        }
        #expect(result.functionError == nil, "\(result.payloadText)\n\(result.logs.map(\.message).joined(separator: "\n"))")
        // The handler returns boto3's Decimal as the runtime encodes it: its digits.
        #expect(result.payloadText == #"{"tables": ["Items"], "item": {"ID": "a-1", "n": 3, "who": "fn"}, "endpoint_hidden": true}"#)
        let stored = try account.dynamodb("GetItem", ["TableName": "Items", "Key": ["ID": ["S": "a-1"]]]).get()
        #expect(stored == ["Item": ["ID": ["S": "a-1"], "n": ["N": "3"], "who": ["S": "fn"]]])
    }

    static func invoke(endpoint: String) async throws -> InvocationResult {
        let clock = VirtualClock(state: ClockState(mode: .interactive, anchor: TimeFormat.instant(year: 2026, month: 7, day: 22),
                                                   wallAnchor: SystemWallClock().now()))
        let settings = ExecutionEnvironmentPool.Settings(region: "ap-northeast-2", clock: clock, ids: IDGenerator(seed: 5),
                                                         dynamoDBEndpoint: endpoint)
        let function = FunctionConfiguration(
            name: "fn", arn: ARN.lambdaFunction("fn", region: "ap-northeast-2", account: "123456789012").description,
            runtime: "python3.12", role: "arn:aws:iam::123456789012:role/r", handler: "app.handler", description: "",
            timeout: 30, memorySize: 128, environment: ["TABLE": "Items"],
            architectures: ["x86_64"], codeSha256: "sha", codeSize: 1, lastModified: 0, revisionId: "rev", tags: JSONObject())
        let code = CodeArchive(files: [CodeArchive.File(path: "app.py", executable: false, bytes: Array(app.utf8))])
        return try await ExecutionEnvironmentPool.withPool(settings) { pool in
            try await pool.invoke(function, code: code, payload: Array(#"{"id":"a-1"}"#.utf8), requestID: "22222222-2222-4333-8444-555555555555")
        }
    }
}
