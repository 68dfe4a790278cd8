import Account
import Commands
import Foundation
import Lambda
import SimKit
import Testing
import TestSupport

/// `workbook aws lambda …` on the deployed sample, in-process: exact stdout/stderr and exit
/// codes (cli-transcripts.md §2.5–2.7; CLI v2 exit 254 for service errors).
@Suite("aws lambda: control plane")
struct LambdaCLITests {
    static let region = "ap-northeast-2", account = "123456789012"

    /// The deployed sample and its one function's configuration.
    static func deployed() throws -> (Sandbox, FunctionConfiguration) {
        let box = try Sandbox.deployed()
        let config = try #require(try box.account.read { db in try box.account.functions.list(in: db) }.first)
        return (box, config)
    }

    /// FunctionConfiguration as the CLI prints it, `indent` spaces deep (members in botocore order).
    static func configuration(_ c: FunctionConfiguration, indent: Int = 0, timeout: Int = 3, inProgress: Bool = false,
                              codeSha256: String? = nil, codeSize: Int? = nil) -> String {
        let status = inProgress
            ? "\"LastUpdateStatus\": \"InProgress\",\n    \"LastUpdateStatusReason\": \"The function is being created.\",\n    \"LastUpdateStatusReasonCode\": \"Creating\","
            : "\"LastUpdateStatus\": \"Successful\","
        let text = """
            {
                "FunctionName": "\(c.name)",
                "FunctionArn": "arn:aws:lambda:ap-northeast-2:123456789012:function:\(c.name)",
                "Runtime": "nodejs22.x",
                "Role": "\(c.role)",
                "Handler": "app.handler",
                "CodeSize": \(codeSize ?? c.codeSize),
                "Description": "",
                "Timeout": \(timeout),
                "MemorySize": 128,
                "LastModified": "\(c.lastModifiedText)",
                "CodeSha256": "\(codeSha256 ?? c.codeSha256)",
                "Version": "$LATEST",
                "Environment": {
                    "Variables": {
                        "DatabaseTable": "\(c.environment["DatabaseTable"]?.stringValue ?? "")"
                    }
                },
                "TracingConfig": {
                    "Mode": "PassThrough"
                },
                "RevisionId": "\(c.revisionId)",
                "State": "Active",
                \(status)
                "PackageType": "Zip",
                "Architectures": [
                    "x86_64"
                ],
                "EphemeralStorage": {
                    "Size": 512
                },
                "SnapStart": {
                    "ApplyOn": "None",
                    "OptimizationStatus": "Off"
                },
                "RuntimeVersionConfig": {
                    "RuntimeVersionArn": "\(RuntimeVersion.arn("nodejs22.x"))"
                },
                "LoggingConfig": {
                    "LogFormat": "Text",
                    "LogGroup": "/aws/lambda/\(c.name)"
                }
            }
            """
        let pad = String(repeating: " ", count: indent)
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { $0.offset == 0 ? String($0.element) : pad + $0.element }.joined(separator: "\n")
    }

    /// The function as stored now.
    static func current(_ box: Sandbox, _ name: String) throws -> FunctionConfiguration {
        try #require(try box.account.read { db in try box.account.functions.get(name, in: db) })
    }

    @Test func listAndGetConfigurationPrintBotocoreMemberOrder() throws {
        let (box, c) = try Self.deployed()
        let list = try box.aws(["lambda", "list-functions"])
        let expected = "{\n    \"Functions\": [\n        " + Self.configuration(c, indent: 8) + "\n    ]\n}\n"
        #expect(list.exitCode == 0)
        #expect(list.stdout == expected, "\(firstDifference(list.stdout, expected))")
        for name in [c.name, "\(c.name):$LATEST", c.arn, "123456789012:function:\(c.name)"] {
            let get = try box.aws(["lambda", "get-function-configuration", "--function-name", name])
            #expect(get.stdout == Self.configuration(c) + "\n", "\(name): \(firstDifference(get.stdout, Self.configuration(c) + "\n"))")
        }
    }

    @Test func missingFunctionsVersionsAndMalformedNamesAreServiceErrors() throws {
        let (box, c) = try Self.deployed()
        let missing = try box.aws(["lambda", "get-function", "--function-name", "NoSuchFunction"])
        #expect(missing.exitCode == 254)
        #expect(missing.stdout.isEmpty)
        #expect(missing.stderr == "\nAn error occurred (ResourceNotFoundException) when calling the GetFunction operation: "
                + "Function not found: arn:aws:lambda:ap-northeast-2:123456789012:function:NoSuchFunction\n")
        let version = try box.aws(["lambda", "get-function-configuration", "--function-name", c.name, "--qualifier", "1"])
        #expect(version.stderr == "\nAn error occurred (ResourceNotFoundException) when calling the GetFunctionConfiguration operation: "
                + "Function not found: \(c.arn):1\n")
        let bad = try box.aws(["lambda", "get-function-configuration", "--function-name", "no spaces"])
        #expect(bad.exitCode == 254)
        #expect(bad.stderr.hasPrefix("\nAn error occurred (ValidationException) when calling the GetFunctionConfiguration operation: "
                                     + "1 validation error detected: Value 'no spaces' at 'functionName' failed to satisfy constraint"))
        let required = try box.aws(["lambda", "get-function"])
        #expect(required.exitCode == 252 || required.exitCode == 2, "\(required.stderr)")
    }

    @Test func getFunctionAddsCodeLocationAndTags() throws {
        let (box, c) = try Self.deployed()
        let run = try box.aws(["lambda", "get-function", "--function-name", c.name])
        #expect(run.exitCode == 0)
        let json = try JSONParser.parse(run.stdout)
        #expect(json.objectValue?.members.map(\.key) == (c.tags.isEmpty ? ["Configuration", "Code"] : ["Configuration", "Code", "Tags"]))
        #expect(json["Code"]?.objectValue?.members.map(\.key) == ["RepositoryType", "Location"])
        #expect(json["Code"]?["RepositoryType"] == "S3")
        let location = try #require(json["Code"]?["Location"]?.stringValue)
        #expect(location.hasPrefix("https://awslambda-ap-northeast-2-tasks.s3.ap-northeast-2.amazonaws.com/snapshots/123456789012/\(c.name)-"))
        #expect(location.contains("X-Amz-Date=20261101T090000Z"))
        #expect(run.stdout.hasPrefix("{\n    \"Configuration\": " + Self.configuration(c, indent: 4) + ",\n    \"Code\": {\n"))
    }

    @Test func updateConfigurationAnswersInProgressThenSuccessful() throws {
        let (box, c) = try Self.deployed()
        let run = try box.aws(["lambda", "update-function-configuration", "--function-name", c.name, "--timeout", "10"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        let updated = try Self.current(box, c.name)
        #expect(updated.revisionId != c.revisionId)
        #expect(run.stdout == Self.configuration(updated, timeout: 10, inProgress: true) + "\n",
                "\(firstDifference(run.stdout, Self.configuration(updated, timeout: 10, inProgress: true) + "\n"))")
        let get = try box.aws(["lambda", "get-function-configuration", "--function-name", c.name])
        #expect(get.stdout == Self.configuration(updated, timeout: 10) + "\n")

        _ = try box.aws(["lambda", "update-function-configuration", "--function-name", c.name, "--environment", "Variables={A=1,B=two}"])
        #expect(try Self.current(box, c.name).environment == ["A": "1", "B": "two"])
        _ = try box.aws(["lambda", "update-function-configuration", "--function-name", c.name, "--environment", #"{"Variables":{"K":"V"}}"#,
                         "--memory-size", "256", "--description", "put items", "--handler", "index.handler"])
        let changed = try Self.current(box, c.name)
        #expect(changed.environment == ["K": "V"] && changed.memorySize == 256 && changed.description == "put items" && changed.handler == "index.handler")
        #expect(changed.timeout == 10, "other members stay")
    }

    @Test func updateConfigurationErrorsAreLambdas() throws {
        let (box, c) = try Self.deployed()
        let before = try box.dump()
        let blocked = try box.aws(["lambda", "update-function-configuration", "--function-name", c.name, "--runtime", "nodejs12.x"])
        #expect(blocked.exitCode == 254)
        #expect(blocked.stderr == "\nAn error occurred (InvalidParameterValueException) when calling the UpdateFunctionConfiguration operation: "
                + "The runtime parameter of nodejs12.x is no longer supported for creating or updating AWS Lambda functions. "
                + "We recommend you use a supported runtime while creating or updating functions.\n")
        let role = try box.aws(["lambda", "update-function-configuration", "--function-name", c.name, "--role",
                                "arn:aws:iam::123456789012:role/nobody"])
        #expect(role.stderr.hasSuffix("operation: The role defined for the function cannot be assumed by Lambda.\n"))
        let memory = try box.aws(["lambda", "update-function-configuration", "--function-name", c.name, "--memory-size", "64"])
        #expect(memory.stderr.hasSuffix("operation: 1 validation error detected: Value '64' at 'memorySize' failed to satisfy constraint: "
                                        + "Member must have value greater than or equal to 128\n"))
        let revision = try box.aws(["lambda", "update-function-configuration", "--function-name", c.name, "--timeout", "5",
                                    "--revision-id", "not-the-revision"])
        #expect(revision.stderr.contains("(PreconditionFailedException)"))
        #expect(try box.dump() == before, "a refused update changes nothing")
        #expect(throws: WorkbookError.self) {
            try box.aws(["lambda", "update-function-configuration", "--function-name", c.name, "--vpc-config", "SubnetIds=[]"])
        }
    }

    /// A real zip (Python's zipfile): `app.js` deflated, `bin/run.sh` stored and executable.
    static let zip = "UEsDBBQAAAAIAABIYV29cIXsVwAAAAUBAAAGAAAAYXBwLmpzS60oyC8qKdbLSMxLyUktUrBVSCyuzEtW0EgtS80r0VSwtVPQqFYoLkksKS12zk9JtVIwMjDQUUjKT6m0UvAK9vfTKy4pysxLz0yrhGmp1bTmSh1SxgIAUEsDBBQAAAAAAABIYV0vOtrpEgAAABIAAAAKAAAAYmluL3J1bi5zaCMhL2Jpbi9zaAplY2hvIGhpClBLAQIUAxQAAAAIAABIYV29cIXsVwAAAAUBAAAGAAAAAAAAAAAAAACkgQAAAABhcHAuanNQSwECFAMUAAAAAAAASGFdLzra6RIAAAASAAAACgAAAAAAAAAAAAAA7YF7AAAAYmluL3J1bi5zaFBLBQYAAAAAAgACAGwAAAC1AAAAAAA="

    @Test func updateCodeKeepsTheZipAndReportsItsDigest() throws {
        let (box, c) = try Self.deployed()
        try Data(base64Encoded: Self.zip)!.write(to: URL(fileURLWithPath: "\(box.path)/function.zip"))
        let run = try box.aws(["lambda", "update-function-code", "--function-name", c.name, "--zip-file", "fileb://function.zip"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        let updated = try Self.current(box, c.name)
        #expect(updated.codeSha256 == "sy4h9kLT5rbwjQP1cy9p1tIyzkq0w44IGBIyhaUNi80=" && updated.codeSize == 311)
        #expect(run.stdout == Self.configuration(updated, inProgress: true) + "\n")
        let code = try #require(try box.account.read { db in try box.account.functions.code(c.name, in: db) })
        #expect(code.files.map(\.path) == ["app.js", "bin/run.sh"])
        #expect(code.files.map(\.executable) == [false, true])
        #expect(String(decoding: code.files[0].bytes, as: UTF8.self).hasPrefix("exports.handler = async (event)"))

        try box.write("not.zip", "plain text")
        let bad = try box.aws(["lambda", "update-function-code", "--function-name", c.name, "--zip-file", "fileb://not.zip"])
        #expect(bad.stderr == "\nAn error occurred (InvalidParameterValueException) when calling the UpdateFunctionCode operation: "
                + "Could not unzip uploaded file. Please check your file, then try to upload again.\n")
        let noKey = try box.aws(["lambda", "update-function-code", "--function-name", c.name, "--s3-bucket", "b", "--s3-key", "k"])
        #expect(noKey.stderr.hasSuffix("S3 Error Code: NoSuchKey. S3 Error Message: The specified key does not exist.\n"))
        #expect(throws: WorkbookError.self) {
            try box.aws(["lambda", "update-function-code", "--function-name", c.name, "--zip-file", "fileb://function.zip", "--publish"])
        }
    }

    @Test func addPermissionAndGetPolicyRenderStatementsAsLambdaDoes() throws {
        let (box, c) = try Self.deployed()
        let none = try box.aws(["lambda", "get-policy", "--function-name", c.name])
        #expect(none.stderr == "\nAn error occurred (ResourceNotFoundException) when calling the GetPolicy operation: "
                + "The resource you requested does not exist.\n")
        let add = try box.aws(["lambda", "add-permission", "--function-name", c.name, "--statement-id", "apigw", "--action",
                               "lambda:InvokeFunction", "--principal", "apigateway.amazonaws.com", "--source-arn",
                               "arn:aws:execute-api:ap-northeast-2:123456789012:abc123/*/GET/items", "--source-account", "123456789012"])
        #expect(add.exitCode == 0, "\(add.stderr)")
        let statement = #"{\"Sid\":\"apigw\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"apigateway.amazonaws.com\"},\"Action\":\"lambda:InvokeFunction\",\"Resource\":\"\#(c.arn)\",\"Condition\":{\"StringEquals\":{\"AWS:SourceAccount\":\"123456789012\"},\"ArnLike\":{\"AWS:SourceArn\":\"arn:aws:execute-api:ap-northeast-2:123456789012:abc123/*/GET/items\"}}}"#
        #expect(add.stdout == "{\n    \"Statement\": \"\(statement)\"\n}\n")
        let again = try box.aws(["lambda", "add-permission", "--function-name", c.name, "--statement-id", "apigw", "--action",
                                 "lambda:InvokeFunction", "--principal", "s3.amazonaws.com"])
        #expect(again.exitCode == 254)
        #expect(again.stderr == "\nAn error occurred (ResourceConflictException) when calling the AddPermission operation: The statement id "
                + "(apigw) provided already exists. Please provide a new statement id, or remove the existing statement.\n")
        _ = try box.aws(["lambda", "add-permission", "--function-name", c.name, "--statement-id", "xaccount", "--action",
                         "lambda:InvokeFunction", "--principal", "210987654321"])
        let policy = try box.aws(["lambda", "get-policy", "--function-name", c.name])
        let revision = try Self.current(box, c.name).revisionId
        #expect(revision != c.revisionId, "a policy change gives the function a new revision")
        let second = #"{\"Sid\":\"xaccount\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::210987654321:root\"},\"Action\":\"lambda:InvokeFunction\",\"Resource\":\"\#(c.arn)\"}"#
        #expect(policy.stdout == "{\n    \"Policy\": \"{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Id\\\":\\\"default\\\",\\\"Statement\\\":[\(statement),\(second)]}\",\n    \"RevisionId\": \"\(revision)\"\n}\n",
                "\(policy.stdout)")
        let latest = try box.aws(["lambda", "add-permission", "--function-name", c.name, "--statement-id", "x", "--action",
                                  "lambda:InvokeFunction", "--principal", "s3.amazonaws.com", "--qualifier", "$LATEST"])
        #expect(latest.stderr.hasSuffix("operation: We currently do not support adding policies for $LATEST.\n"))
        let badSid = try box.aws(["lambda", "add-permission", "--function-name", c.name, "--statement-id", "a b", "--action",
                                  "lambda:InvokeFunction", "--principal", "s3.amazonaws.com"])
        #expect(badSid.stderr.contains("Value 'a b' at 'statementId' failed to satisfy constraint"))
    }
}
