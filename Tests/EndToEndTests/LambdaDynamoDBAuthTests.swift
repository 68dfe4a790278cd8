import Foundation
import Testing
import TestSupport

/// Handlers calling DynamoDB as their execution role (issue 6, "IAM on every call"), on the
/// built binary with real Node processes. The handler here speaks the wire protocol by hand
/// (`Fixtures/lambda-dynamodb/src/raw.js`), so these tests pin the endpoint's side: the caller
/// named by the SigV4 access key, IAM's decision, DynamoDB's exact error body.
@Suite("DynamoDB calls from handlers, authorised as the execution role")
struct LambdaDynamoDBAuthTests {
    static func deployed() throws -> TempFolder {
        try deployedFixture("lambda-dynamodb", stack: "auth-tests")
    }

    /// Invokes `function` with the raw call `operation`/`body` and returns its `{status, reply}`.
    static func call(_ function: String, _ operation: String, _ body: String, unsigned: Bool = false,
                     in folder: TempFolder) throws -> [String: Any] {
        try invokeForObject(function, payload: #"{"operation":"\#(operation)","unsigned":\#(unsigned),"body":\#(body)}"#, in: folder)
    }

    static let putOne = #"{"TableName":"sdk-items","Item":{"ID":{"S":"1"}}}"#

    @Test func aRoleWithoutPutItemIsDeniedWithDynamoDBsExactText() throws {
        let folder = try Self.deployed()
        let denied = try Self.call("raw-reader", "PutItem", Self.putOne, in: folder)
        #expect(denied["status"] as? Int == 400)
        let reply = try #require(denied["reply"] as? [String: Any])
        #expect(reply["__type"] as? String == "com.amazon.coral.service#AccessDeniedException")
        #expect(reply["Message"] as? String == "User: arn:aws:sts::123456789012:assumed-role/read-only-role/raw-reader "
            + "is not authorized to perform: dynamodb:PutItem on resource: arn:aws:dynamodb:ap-northeast-2:123456789012:table/sdk-items "
            + "because no identity-based policy allows the dynamodb:PutItem action")
        let scan = try workbook(["aws", "dynamodb", "scan", "--table-name", "sdk-items", "--query", "Count"], in: folder.path)
        #expect(scan.stdout == "0\n", "a denied call writes nothing: \(scan.transcript)")
    }

    @Test func theRolesPoliciesAllowWhatTheyName() throws {
        let folder = try Self.deployed()
        let put = try Self.call("raw-writer", "PutItem", Self.putOne, in: folder)
        #expect(put["status"] as? Int == 200, "DynamoDBWritePolicy allows PutItem: \(put)")
        let got = try Self.call("raw-reader", "GetItem", #"{"TableName":"sdk-items","Key":{"ID":{"S":"1"}}}"#, in: folder)
        #expect(got["status"] as? Int == 200)
        #expect((got["reply"] as? [String: Any])?["Item"] != nil, "\(got)")
        // DynamoDBWritePolicy has no GetItem (reference §3.1).
        let writerGet = try Self.call("raw-writer", "GetItem", #"{"TableName":"sdk-items","Key":{"ID":{"S":"1"}}}"#, in: folder)
        #expect(((writerGet["reply"] as? [String: Any])?["Message"] as? String)?.contains("dynamodb:GetItem on resource") == true, "\(writerGet)")
    }

    @Test func anUnsignedCallIsRefusedBeforeIAM() throws {
        let folder = try Self.deployed()
        let unsigned = try Self.call("raw-writer", "PutItem", Self.putOne, unsigned: true, in: folder)
        #expect(unsigned["status"] as? Int == 400)
        let reply = unsigned["reply"] as? [String: Any]
        #expect(reply?["__type"] as? String == "com.amazon.coral.service#MissingAuthenticationTokenException")
        #expect(reply?["message"] as? String == "Request is missing Authentication Token")
    }

    /// `sam local invoke` runs the function with the developer's credentials, not its role.
    @Test func samLocalInvokeCallsAsTheDeveloper() throws {
        let folder = try Self.deployed()
        try folder.write("event.json", #"{"operation":"PutItem","body":\#(Self.putOne)}"#)
        let run = try workbook(["--deterministic", "sam", "local", "invoke", "Reader", "-e", "event.json"], in: folder.path)
        #expect(run.exitCode == 0, "\(run.transcript)")
        #expect(run.stdout == #"{"status":200,"reply":{}}"# + "\n", "\(run.transcript)")
    }
}

/// The bundled SDK shims inside real handlers on the runtimes that bundle them (issue 6's
/// must-shows): v2 on nodejs16.x, v3 on nodejs22.x, each putting, getting, updating and
/// querying through the simulated endpoint as the execution role.
@Suite("Bundled SDKs in handlers, end to end")
struct BundledSDKHandlerTests {
    @Test func v2OnNodejs16PutsGetsUpdatesAndQueries() throws {
        let folder = try LambdaDynamoDBAuthTests.deployed()
        let result = try invokeForObject("sdk-v2", payload: #"{"id":"v2"}"#, in: folder)
        #expect(result["got"] as? NSDictionary == ["ID": "v2", "n": 1, "tags": ["a"]], "v2 dropped the undefined attribute: \(result)")
        #expect(result["updated"] as? NSDictionary == ["n": 2])
        #expect(result["queried"] as? NSArray == [["ID": "v2", "n": 2, "tags": ["a"]]])
        #expect(result["conditional"] as? NSDictionary == [
            "code": "ConditionalCheckFailedException", "statusCode": 400, "message": "The conditional request failed",
        ])
    }

    @Test func v3OnNodejs22PutsGetsUpdatesQueriesAndRefusesUndefined() throws {
        let folder = try LambdaDynamoDBAuthTests.deployed()
        let result = try invokeForObject("sdk-v3", payload: #"{"id":"v3"}"#, in: folder)
        #expect(result["got"] as? NSDictionary == ["ID": "v3", "n": 1, "tags": ["a"]], "\(result)")
        #expect(result["updated"] as? NSDictionary == ["n": 2])
        #expect(result["queried"] as? NSArray == [["ID": "v3", "n": 2, "tags": ["a"]]])
        #expect(result["refused"] as? String == "Pass options.removeUndefinedValues=true to remove undefined values from map/array/set.")
        #expect(result["conditional"] as? NSDictionary == ["name": "ConditionalCheckFailedException", "status": 400, "classMatches": true])
        // The SDK's frames are shown where Lambda keeps it, never in the workbook's folders.
        let stack = try #require(result["refusedStack"] as? String)
        #expect(stack.contains("(/var/runtime/node_modules/@aws-sdk/util-dynamodb/") && !stack.contains("/runtime/sdk/"), "\(stack)")
        let stored = try workbook(["aws", "dynamodb", "get-item", "--table-name", "sdk-items", "--key", #"{"ID":{"S":"v3-u"}}"#,
                                   "--output", "json"], in: folder.path)
        #expect(stored.stdout == "{\n    \"Item\": {\n        \"ID\": {\n            \"S\": \"v3-u\"\n        }\n    }\n}\n",
                "removeUndefinedValues stored the item without metadata: \(stored.transcript)")
    }

    @Test func v3CarriesTheIAMDenialForARoleWithoutPutItem() throws {
        let folder = try LambdaDynamoDBAuthTests.deployed()
        let result = try invokeForObject("sdk-v3-denied", payload: #"{"id":"x"}"#, in: folder)
        #expect(result["name"] as? String == "AccessDeniedException")
        #expect(result["status"] as? Int == 400)
        #expect(result["message"] as? String == "User: arn:aws:sts::123456789012:assumed-role/read-only-role/sdk-v3-denied "
            + "is not authorized to perform: dynamodb:PutItem on resource: arn:aws:dynamodb:ap-northeast-2:123456789012:table/sdk-items "
            + "because no identity-based policy allows the dynamodb:PutItem action")
    }
}
