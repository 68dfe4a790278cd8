import Lambda
import SimKit
import Testing

/// The ways Lambda's FunctionName may name a function (botocore `NamespacedFunctionName`).
struct FunctionReferenceTests {
    private func parse(_ text: String, qualifier: String? = nil) -> Result<FunctionReference, AWSError> {
        FunctionReference.parse(text, qualifier: qualifier, region: "ap-northeast-2", account: "123456789012")
    }

    @Test(arguments: [
        ("LambdaPutDynamoDB", "LambdaPutDynamoDB", nil),
        ("LambdaPutDynamoDB:$LATEST", "LambdaPutDynamoDB", "$LATEST"),
        ("123456789012:function:LambdaPutDynamoDB", "LambdaPutDynamoDB", nil),
        ("123456789012:function:LambdaPutDynamoDB:live", "LambdaPutDynamoDB", "live"),
        ("arn:aws:lambda:ap-northeast-2:123456789012:function:LambdaPutDynamoDB", "LambdaPutDynamoDB", nil),
        ("arn:aws:lambda:ap-northeast-2:123456789012:function:my.fn_1-x:7", "my.fn_1-x", "7"),
    ] as [(String, String, String?)])
    func acceptedForms(text: String, name: String, qualifier: String?) throws {
        let reference = try parse(text).get()
        #expect(reference.name == name)
        #expect(reference.qualifier == qualifier)
    }

    @Test(arguments: ["", "my function", "arn:aws:lambda:ap-northeast-2:123456789012:fn:x", "a:b:c", "12345:function:x", "x:$NOPE"])
    func malformedNamesAreValidationErrorsQuotingThePattern(text: String) {
        guard case .failure(let error) = parse(text) else { Issue.record("accepted \(text)"); return }
        #expect(error.code == "ValidationException")
        #expect(error.message == "1 validation error detected: Value '\(text)' at 'functionName' failed to satisfy constraint: "
            + "Member must satisfy regular expression pattern: " + FunctionReference.namePattern)
    }

    @Test func anotherRegionsARNIsNotFoundWithThatARN() {
        guard case .failure(let error) = parse("arn:aws:lambda:us-east-1:123456789012:function:f") else { Issue.record("accepted"); return }
        #expect(error.code == "ResourceNotFoundException")
        #expect(error.message == "Function not found: arn:aws:lambda:us-east-1:123456789012:function:f")
    }

    @Test func theQualifierOptionMustAgreeWithTheName() throws {
        #expect(try parse("f", qualifier: "$LATEST").get().qualifier == "$LATEST")
        #expect(try parse("f:$LATEST", qualifier: "$LATEST").get().isLatest)
        guard case .failure(let error) = parse("f:live", qualifier: "$LATEST") else { Issue.record("accepted"); return }
        #expect(error.code == "InvalidParameterValueException")
    }
}
