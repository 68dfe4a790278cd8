import Foundation
import Testing
import TestSupport

/// Python handlers with the real boto3 against the account's DynamoDB, on the built binary:
/// boto3 reaches the simulator (never AWS) and is authorised as the execution role, a denial
/// arriving as botocore's ClientError with DynamoDB's exact message.
@Suite("boto3 in Python handlers, authorised as the execution role")
struct PythonDynamoDBTests {
    static func invoke(_ function: String, in folder: TempFolder) throws -> [String: Any] {
        try invokeForObject(function, payload: #"{"id":"1"}"#, in: folder)
    }

    @Test func boto3WritesAsTheRoleAndIsDeniedWithoutPutItem() throws {
        let folder = try deployedFixture("lambda-dynamodb-python", stack: "py-auth")

        #expect(try Self.invoke("py-writer", in: folder) as? [String: String] == ["put": "ok"])
        let denied = try Self.invoke("py-reader", in: folder)
        #expect(denied["error"] as? String == "ClientError")
        #expect(denied["message"] as? String == "An error occurred (AccessDeniedException) when calling the PutItem operation: "
            + "User: arn:aws:sts::123456789012:assumed-role/py-read-only-role/py-reader is not authorized to perform: "
            + "dynamodb:PutItem on resource: arn:aws:dynamodb:ap-northeast-2:123456789012:table/sdk-items "
            + "because no identity-based policy allows the dynamodb:PutItem action")
        let scan = try workbook(["aws", "dynamodb", "scan", "--table-name", "sdk-items", "--query", "Count"], in: folder.path)
        #expect(scan.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "1", "\(scan.transcript)")
    }
}
