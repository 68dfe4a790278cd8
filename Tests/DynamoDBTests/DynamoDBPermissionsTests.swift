import DynamoDB
import SimKit
import Testing

/// What IAM is asked for each DynamoDB call (Service Authorization Reference for DynamoDB).
@Suite("DynamoDB permissions per call")
struct DynamoDBPermissionsTests {
    static let table = "arn:aws:dynamodb:ap-northeast-2:123456789012:table/"

    func required(_ operation: String, _ body: String) throws -> [String] {
        DynamoDBPermissions.required(operation: operation, request: try JSONParser.parse(body),
                                     region: "ap-northeast-2", account: "123456789012")
            .map { "\($0.action) \($0.resource)" }
    }

    @Test func itemCallsNeedTheirActionOnTheTable() throws {
        #expect(try required("PutItem", #"{"TableName":"T","Item":{}}"#) == ["dynamodb:PutItem \(Self.table)T"])
        #expect(try required("DescribeTable", #"{"TableName":"T"}"#) == ["dynamodb:DescribeTable \(Self.table)T"])
    }

    @Test func aTableGivenByItsARNKeepsIt() throws {
        #expect(try required("GetItem", #"{"TableName":"\#(Self.table)T"}"#) == ["dynamodb:GetItem \(Self.table)T"])
    }

    @Test func aQueryOfAnIndexNeedsTheIndexResource() throws {
        #expect(try required("Query", #"{"TableName":"T","IndexName":"byDate"}"#) == ["dynamodb:Query \(Self.table)T/index/byDate"])
        #expect(try required("Scan", #"{"TableName":"T"}"#) == ["dynamodb:Scan \(Self.table)T"])
    }

    @Test func batchesAreAuthorisedPerTable() throws {
        #expect(try required("BatchWriteItem", #"{"RequestItems":{"A":[],"B":[]}}"#)
            == ["dynamodb:BatchWriteItem \(Self.table)A", "dynamodb:BatchWriteItem \(Self.table)B"])
    }

    @Test func transactionsNeedEachItemsOwnAction() throws {
        let body = #"{"TransactItems":[{"Put":{"TableName":"A"}},{"Update":{"TableName":"B"}},"#
            + #"{"Delete":{"TableName":"A"}},{"ConditionCheck":{"TableName":"C"}}]}"#
        #expect(try required("TransactWriteItems", body) == [
            "dynamodb:PutItem \(Self.table)A", "dynamodb:UpdateItem \(Self.table)B",
            "dynamodb:DeleteItem \(Self.table)A", "dynamodb:ConditionCheckItem \(Self.table)C",
        ])
        #expect(try required("TransactGetItems", #"{"TransactItems":[{"Get":{"TableName":"A"}}]}"#) == ["dynamodb:GetItem \(Self.table)A"])
    }

    @Test func callsWithoutAResourceTypeAreAskedOnStar() throws {
        #expect(try required("ListTables", "{}") == ["dynamodb:ListTables *"])
    }

    @Test func aCallNamingNoTableIsLeftToValidation() throws {
        #expect(try required("PutItem", #"{"Item":{}}"#).isEmpty)
    }
}

/// The caller named by a SigV4 `Authorization` header.
@Suite("SigV4 credential")
struct SigV4CredentialTests {
    @Test func theAccessKeyIDIsTheCredentialsFirstPart() {
        let header = "AWS4-HMAC-SHA256 Credential=ASIAEXAMPLE123/20261101/ap-northeast-2/dynamodb/aws4_request, "
            + "SignedHeaders=host;x-amz-date, Signature=abc"
        #expect(SigV4Credential.accessKeyID(authorization: header) == "ASIAEXAMPLE123")
    }

    @Test func otherSchemesAndMissingHeadersNameNobody() {
        #expect(SigV4Credential.accessKeyID(authorization: nil) == nil)
        #expect(SigV4Credential.accessKeyID(authorization: "Bearer x") == nil)
        #expect(SigV4Credential.accessKeyID(authorization: "AWS4-HMAC-SHA256 Credential=/x") == nil)
    }
}
