import Foundation
import Testing
import TestSupport

/// `workbook dynamodb-endpoint` with the real boto3 (issue 4 item 2): the built binary serves the
/// workspace's account on 127.0.0.1 and boto3 sees what it would see from AWS — status,
/// `__type`, message, `x-amz-crc32` and request-id headers — until SIGINT ends it quietly.
@Suite("workbook dynamodb-endpoint", .serialized)
struct DynamoDBWireTests {
    /// One line of `boto3_smoke.py`'s output.
    struct Call: Decodable {
        var name: String
        var status: Int
        var body: String
        var code: String?
        var crc32: String?
        var computedCrc32: String
        var contentType: String?
        var requestId: String?
    }

    /// Starts the endpoint on an ephemeral port and returns the server and its URL.
    static func startEndpoint(in folder: TempFolder) throws -> (ChildServer, String) {
        let server = try ChildServer.workbook(["dynamodb-endpoint", "--port", "0"], in: folder.path)
        let url = try #require(server.firstLine(), "the endpoint prints its URL first: \(server.stop())")
        #expect(url.wholeMatch(of: #/http://127\.0\.0\.1:\d+/#) != nil, "URL line: \(url)")
        return (server, url)
    }

    @Test func boto3SeesAWSsAnswers() throws {
        let folder = TempFolder("workbook-e2e-ddb-wire")
        let (server, url) = try Self.startEndpoint(in: folder)
        let script = Fixtures.folder("dynamodb-wire") + "/boto3_smoke.py"
        let run = try runPython([script, url], in: folder.path)
        let stopped = server.stop(SIGINT)
        #expect(run.exitCode == 0, "boto3 script failed:\n\(run.stderr)")
        #expect(stopped.status == 0 && stopped.reason == .exit, "Ctrl-C ends the endpoint with 0: \(stopped)")
        #expect(stopped.stderr.isEmpty, "no stack trace or noise on Ctrl-C: \(stopped.stderr)")

        let calls = try run.stdout.split(separator: "\n").map { try JSONDecoder().decode(Call.self, from: Data($0.utf8)) }
        let byName = Dictionary(uniqueKeysWithValues: calls.map { ($0.name, $0) })
        #expect(calls.count == 7, "\(run.stdout)\n\(run.stderr)")
        for call in calls {
            #expect(call.crc32 == call.computedCrc32, "x-amz-crc32 is the CRC-32 of the body: \(call.name)")
            #expect(call.contentType == "application/x-amz-json-1.0", "\(call.name)")
            #expect(call.requestId?.wholeMatch(of: #/[A-Z0-9]{52}/#) != nil, "request id shape: \(call.name) \(call.requestId ?? "-")")
        }
        #expect(byName["create-table"]?.status == 200)
        #expect(byName["put-item"]?.status == 200)
        #expect(byName["put-item"]?.body == "{}")
        #expect(byName["get-item"]?.body == #"{"Item":{"ID":{"S":"1"},"price":{"N":"12.5"}}}"#)
        let failed = try #require(byName["conditional-check-failed"])
        #expect(failed.status == 400)
        #expect(failed.code == "ConditionalCheckFailedException")
        #expect(failed.body == #"{"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException","message":"The conditional request failed"}"#)
        #expect(byName["missing-table"]?.body == #"{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"Requested resource not found"}"#)
        #expect(byName["unknown-operation"]?.status == 400)
        #expect(byName["unknown-operation"]?.body == #"{"__type":"com.amazon.coral.service#UnknownOperationException"}"#)
        #expect(byName["malformed-json"]?.body == #"{"__type":"com.amazon.coral.service#SerializationException"}"#)
    }

    @Test func writesLandInTheWorkspaceAccount() throws {
        let folder = TempFolder("workbook-e2e-ddb-wire")
        let (server, url) = try Self.startEndpoint(in: folder)
        let run = try runPython(["-c", """
            import boto3, sys
            c = boto3.client("dynamodb", endpoint_url=sys.argv[1], region_name="ap-northeast-2",
                             aws_access_key_id="x", aws_secret_access_key="x")
            c.create_table(TableName="Kept", BillingMode="PAY_PER_REQUEST",
                           AttributeDefinitions=[{"AttributeName": "k", "AttributeType": "S"}],
                           KeySchema=[{"AttributeName": "k", "KeyType": "HASH"}])
            c.put_item(TableName="Kept", Item={"k": {"S": "v"}})
            """, url], in: folder.path)
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(server.stop(SIGTERM).status == 0, "SIGTERM stops it quietly too")
        // A second endpoint on the same workspace sees the table and the item.
        let (again, url2) = try Self.startEndpoint(in: folder)
        let read = try runPython(["-c", """
            import boto3, sys
            c = boto3.client("dynamodb", endpoint_url=sys.argv[1], region_name="ap-northeast-2",
                             aws_access_key_id="x", aws_secret_access_key="x")
            print(c.get_item(TableName="Kept", Key={"k": {"S": "v"}})["Item"])
            """, url2], in: folder.path)
        _ = again.stop()
        #expect(read.stdout == "{'k': {'S': 'v'}}\n", "\(read.stderr)")
    }

    @Test func aTakenPortIsABadInputError() throws {
        let folder = TempFolder("workbook-e2e-ddb-wire")
        let (server, url) = try Self.startEndpoint(in: folder)
        defer { _ = server.stop() }
        let port = String(url.split(separator: ":").last ?? "")
        let second = try workbook(["dynamodb-endpoint", "--port", port], in: folder.path)
        #expect(second.exitCode == 2, "\(second.transcript)")
        #expect(second.stderr.hasPrefix("error: cannot listen on 127.0.0.1:\(port)"), "\(second.transcript)")
        #expect(second.stderr.contains("fix: "), "\(second.transcript)")
    }
}
