import Foundation
import Testing
import TestSupport

/// `workbook aws lambda …` through the built binary on the sprint's sample: deploy, list, read
/// the configuration, change the timeout, grant API Gateway and read the policy back.
@Suite("aws lambda through the binary")
struct LambdaCommandsTests {
    @Test func deployThenInspectAndChangeTheFunction() throws {
        let app = TempFolder("workbook-e2e-lambda")
        try app.copy(repositoryFolder: "Samples/lambda-dynamodb-2023")
        let template = "\(app.path)/template.yaml"
        try String(contentsOfFile: template, encoding: .utf8).replacingOccurrences(of: "Runtime: nodejs12.x", with: "Runtime: nodejs22.x")
            .write(toFile: template, atomically: true, encoding: .utf8)
        func run(_ arguments: [String], exit expected: Int32 = 0, sourceLocation: SourceLocation = #_sourceLocation) throws -> Run {
            let run = try workbook(["--deterministic"] + arguments, in: app.path)
            #expect(run.exitCode == expected, "\(run.transcript)", sourceLocation: sourceLocation)
            return run
        }
        _ = try run(["sam", "build"])
        _ = try run(["sam", "deploy", "--stack-name", "lambda-to-dynamodb", "--resolve-s3", "--capabilities", "CAPABILITY_IAM",
                     "--no-confirm-changeset"])

        let name = try run(["aws", "lambda", "list-functions", "--query", "Functions[0].FunctionName", "--output", "text"])
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(name.hasPrefix("lambda-to-dynamodb-LambdaPutDynamoDB-"), "\(name)")

        let config = try JSONSerialization.jsonObject(with: Data(try run(["aws", "lambda", "get-function-configuration",
                                                                           "--function-name", name]).stdout.utf8)) as? [String: Any]
        #expect(config?["Timeout"] as? Int == 3)
        #expect(config?["Runtime"] as? String == "nodejs22.x")
        #expect(config?["LastUpdateStatus"] as? String == "Successful")

        let update = try run(["aws", "lambda", "update-function-configuration", "--function-name", name, "--timeout", "10"])
        #expect(update.stdout.contains("\"Timeout\": 10,\n"))
        #expect(update.stdout.contains("\"LastUpdateStatus\": \"InProgress\",\n"))
        let timeout = try run(["aws", "lambda", "get-function-configuration", "--function-name", name, "--query", "Timeout"])
        #expect(timeout.stdout == "10\n")

        let arn = "arn:aws:lambda:ap-northeast-2:123456789012:function:\(name)"
        let add = try run(["aws", "lambda", "add-permission", "--function-name", name, "--statement-id", "apigw", "--action",
                           "lambda:InvokeFunction", "--principal", "apigateway.amazonaws.com"])
        let statement = #"{\"Sid\":\"apigw\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"apigateway.amazonaws.com\"},\"Action\":\"lambda:InvokeFunction\",\"Resource\":\"\#(arn)\"}"#
        #expect(add.stdout == "{\n    \"Statement\": \"\(statement)\"\n}\n")
        let policy = try run(["aws", "lambda", "get-policy", "--function-name", name, "--query", "Policy", "--output", "text"])
        #expect(policy.stdout == #"{"Version":"2012-10-17","Id":"default","Statement":[{"Sid":"apigw","Effect":"Allow","Principal":{"Service":"apigateway.amazonaws.com"},"Action":"lambda:InvokeFunction","Resource":"\#(arn)"}]}"# + "\n")

        let missing = try run(["aws", "lambda", "get-function", "--function-name", "NoSuchFunction"], exit: 254)
        #expect(missing.stderr == "\nAn error occurred (ResourceNotFoundException) when calling the GetFunction operation: "
                + "Function not found: arn:aws:lambda:ap-northeast-2:123456789012:function:NoSuchFunction\n")
        let logs = try run(["sam", "logs", "-n", "LambdaPutDynamoDB", "--stack-name", "lambda-to-dynamodb"])
        #expect(logs.stdout.hasPrefix("You can now use 'sam logs' without --name parameter"))
    }
}
