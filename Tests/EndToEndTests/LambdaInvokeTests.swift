import Foundation
import Testing
import TestSupport

/// `workbook aws lambda invoke` and `sam local invoke` on the built binary, with real Node
/// processes (issue 5): the sprint's Event invoke, retries on the virtual clock, log delivery
/// through the execution role, and the errors Lambda and the CLI answer with.
@Suite("aws lambda invoke, end to end")
struct LambdaInvokeTests {
    static let arn = "arn:aws:lambda:ap-northeast-2:123456789012:function:"

    /// The `lambda-invoke` fixture deployed in a fresh deterministic account.
    static func deployed() throws -> TempFolder {
        try deployedFixture("lambda-invoke", stack: "invoke-tests", capabilities: "CAPABILITY_IAM")
    }

    /// The messages of `/aws/lambda/<function>` matching `pattern`.
    static func logMessages(_ function: String, pattern: String = "", in folder: TempFolder) throws -> [String] {
        let run = try workbook(["aws", "logs", "filter-log-events", "--log-group-name", "/aws/lambda/\(function)",
                                "--filter-pattern", pattern, "--query", "events[].message", "--output", "json"], in: folder.path)
        #expect(run.exitCode == 0, "\(run.transcript)")
        let data = Data(run.stdout.utf8)
        return (try JSONSerialization.jsonObject(with: data) as? [String]) ?? []
    }

    @Test func theSprintsEventInvokePrints202AndRunsBeforeTheCommandExits() throws {
        let folder = try Self.deployed()
        let run = try workbook(["aws", "lambda", "invoke", "--function-name", Self.arn + "put-ok", "--invocation-type", "Event",
                                "--payload", #"{ "Metadata": "Hello" }"#, "response.json", "--cli-binary-format", "raw-in-base64-out"],
                               in: folder.path)
        #expect(run.exitCode == 0, "\(run.transcript)")
        #expect(run.stdout == "{\n    \"StatusCode\": 202\n}\n")
        #expect(try folder.read("response.json") == "", "an Event invoke writes an empty outfile")
        let lines = try Self.logMessages("put-ok", in: folder)
        #expect(lines.first?.hasPrefix("INIT_START Runtime Version: nodejs:22.v48\t") == true, "\(lines)")
        #expect(lines.contains { $0.hasSuffix("\tINFO\tevent {\"Metadata\":\"Hello\"}\n") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("REPORT RequestId: ") }, "\(lines)")
    }

    @Test func aRequestResponseInvokeWritesTheResultAndTailsTheLog() throws {
        let folder = try Self.deployed()
        let run = try workbook(["aws", "lambda", "invoke", "--function-name", "put-ok", "--payload", #"{"Metadata":"x"}"#,
                                "--cli-binary-format", "raw-in-base64-out", "--log-type", "Tail", "out.json"], in: folder.path)
        #expect(run.exitCode == 0, "\(run.transcript)")
        #expect(try folder.read("out.json") == #"{"ok":true,"metadata":"x"}"#)
        let response = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(response["StatusCode"] as? Int == 200)
        #expect(response["ExecutedVersion"] as? String == "$LATEST")
        #expect(response["FunctionError"] == nil)
        let tail = try #require((response["LogResult"] as? String).flatMap { Data(base64Encoded: $0) }.map { String(decoding: $0, as: UTF8.self) })
        #expect(tail.contains("START RequestId: ") && tail.contains("END RequestId: ") && tail.contains("REPORT RequestId: "), "\(tail)")
        // Key order: botocore's InvocationResponse.
        let keys = ["\"StatusCode\"", "\"LogResult\"", "\"ExecutedVersion\""].compactMap { run.stdout.range(of: $0)?.lowerBound }
        #expect(keys == keys.sorted() && keys.count == 3, "\(run.stdout)")
    }

    @Test func aFailingEventInvokeIsTriedThreeTimesWithOneRequestIDOnTheVirtualClock() throws {
        let folder = try Self.deployed()
        let run = try workbook(["aws", "lambda", "invoke", "--function-name", "put-fails", "--invocation-type", "Event",
                                "--payload", "{}", "--cli-binary-format", "raw-in-base64-out", "r.json"], in: folder.path)
        #expect(run.stdout == "{\n    \"StatusCode\": 202\n}\n", "\(run.transcript)")
        #expect(try Self.logMessages("put-fails", pattern: "\"START RequestId\"", in: folder).count == 1)
        #expect(try workbook(["clock", "advance", "4m"], in: folder.path).exitCode == 0)
        let starts = try Self.logMessages("put-fails", pattern: "\"START RequestId\"", in: folder)
        #expect(starts.count == 3, "\(starts)")
        #expect(Set(starts).count == 1, "every attempt keeps the request id: \(starts)")
        let times = try workbook(["aws", "logs", "filter-log-events", "--log-group-name", "/aws/lambda/put-fails", "--filter-pattern",
                                  "\"START RequestId\"", "--query", "events[].timestamp", "--output", "text"], in: folder.path)
        let stamps = times.stdout.split(whereSeparator: \.isWhitespace).compactMap { Int64($0) }
        #expect(stamps.count == 3 && stamps[1] - stamps[0] == 60_000 && stamps[2] - stamps[1] == 120_000,
                "retries 1 minute after the first attempt and 2 minutes after the second: \(stamps)")
        // Nothing is left to run: a later command adds no attempt.
        #expect(try workbook(["clock", "advance", "10m"], in: folder.path).exitCode == 0)
        #expect(try Self.logMessages("put-fails", pattern: "\"START RequestId\"", in: folder).count == 3)
    }

    @Test func aRoleWithoutLogPermissionsRunsTheFunctionButWritesNoLog() throws {
        let folder = try Self.deployed()
        let run = try workbook(["aws", "lambda", "invoke", "--function-name", "put-silent", "r.json"], in: folder.path)
        #expect(run.exitCode == 0, "\(run.transcript)")
        #expect(try folder.read("r.json") == #"{"ok":true,"metadata":null}"#)
        let groups = try workbook(["aws", "logs", "describe-log-groups", "--query", "logGroups[].logGroupName", "--output", "text"],
                                  in: folder.path)
        #expect(!groups.stdout.contains("put-silent"), "\(groups.transcript)")
    }

    @Test func errorsAreLambdasAndTheCLIs() throws {
        let folder = try Self.deployed()
        let missing = try workbook(["aws", "lambda", "invoke", "--function-name", "nope", "r.json"], in: folder.path)
        #expect(missing.exitCode == 254)
        #expect(missing.stderr == "\nAn error occurred (ResourceNotFoundException) when calling the Invoke operation: "
            + "Function not found: arn:aws:lambda:ap-northeast-2:123456789012:function:nope\n")
        let notJSON = try workbook(["aws", "lambda", "invoke", "--function-name", "put-ok", "--cli-binary-format", "raw-in-base64-out",
                                    "--payload", "Hello World", "r.json"], in: folder.path)
        #expect(notJSON.exitCode == 254)
        #expect(notJSON.stderr == "\nAn error occurred (InvalidRequestContentException) when calling the Invoke operation: Could not parse "
            + "request body into json: Could not parse payload into json: Unrecognized token 'Hello': was expecting (JSON String, Number, "
            + "Array, Object or token 'null', 'true' or 'false')\n at [Source: (byte[])\"Hello World\"; line: 1, column: 7]\n")
        let notBase64 = try workbook(["aws", "lambda", "invoke", "--function-name", "put-ok", "--payload", #"{"a":1}"#, "r.json"], in: folder.path)
        #expect(notBase64.exitCode == 252)
        #expect(notBase64.stderr == "\nInvalid base64: \"{\"a\":1}\"\n")
        let noOutfile = try workbook(["aws", "lambda", "invoke", "--function-name", "put-ok"], in: folder.path)
        #expect(noOutfile.exitCode == 252)
        #expect(noOutfile.stderr.hasSuffix("aws: error: the following arguments are required: outfile\n\n"), "\(noOutfile.transcript)")
        let dryRun = try workbook(["aws", "lambda", "invoke", "--function-name", "put-ok", "--invocation-type", "DryRun", "r.json"], in: folder.path)
        #expect(dryRun.stdout == "{\n    \"StatusCode\": 204\n}\n", "\(dryRun.transcript)")
        let version = try workbook(["aws", "lambda", "invoke", "--function-name", "put-ok", "--qualifier", "1", "r.json"], in: folder.path)
        #expect(version.stderr.contains("Function not found: arn:aws:lambda:ap-northeast-2:123456789012:function:put-ok:1"), "\(version.transcript)")
        let context = try workbook(["aws", "lambda", "invoke", "--function-name", "put-ok", "--client-context", "e30=", "r.json"], in: folder.path)
        #expect(context.exitCode == 2 && context.stderr.contains("aws lambda invoke --client-context is not simulated"), "\(context.transcript)")
    }

    @Test func samLocalInvokeRunsTheTemplatesFunctionWithoutADeploy() throws {
        let folder = TempFolder("workbook-e2e-local")
        try folder.copy(repositoryFolder: "Tests/EndToEndTests/Fixtures/lambda-invoke")
        try folder.write("event.json", #"{"Metadata":"local"}"#)
        let run = try workbook(["--deterministic", "sam", "local", "invoke", "Ok", "-e", "event.json"], in: folder.path)
        #expect(run.exitCode == 0, "\(run.transcript)")
        #expect(run.stdout == #"{"ok":true,"metadata":"local"}"# + "\n")
        #expect(run.stderr.hasPrefix("Invoking ok.handler (nodejs22.x)\nINIT_START Runtime Version: nodejs:22.v48\t"), "\(run.stderr)")
        #expect(run.stderr.contains("\tINFO\tevent {\"Metadata\":\"local\"}\n"))
        let failing = try workbook(["--deterministic", "sam", "local", "invoke", "Fails", "--no-event"], in: folder.path)
        #expect(failing.exitCode == 0, "SAM CLI exits 0 when the function fails: \(failing.transcript)")
        #expect(failing.stdout.hasPrefix(#"{"errorType":"Error","errorMessage":"boom","trace":["Error: boom","#), "\(failing.stdout)")
        let again = try workbook(["--deterministic", "sam", "local", "invoke", "Ok", "-e", "event.json"], in: folder.path)
        func requestID(_ run: Run) -> Substring? { run.stderr.firstMatch(of: #/START RequestId: (\S+)/#)?.1 }
        #expect(requestID(run) != nil && requestID(run) != requestID(again), "each run draws new ids: \(again.stderr)")
        let ambiguous = try workbook(["sam", "local", "invoke"], in: folder.path)
        #expect(ambiguous.exitCode == 1)
        #expect(ambiguous.stderr.contains("Possible options in your template: ['Ok', 'Fails', 'Silent', 'Sleeps']"), "\(ambiguous.transcript)")
    }

    /// The same invokes in two fresh deterministic folders: byte-identical log events (ids,
    /// timestamps, stream names, modelled REPORT numbers) and outputs.
    @Test func twoFreshDeterministicRunsWriteByteIdenticalLambdaLogs() throws {
        func session() throws -> String {
            let folder = try Self.deployed()
            var transcript = ""
            for arguments in [
                ["aws", "lambda", "invoke", "--function-name", "put-ok", "--payload", #"{"n":1}"#, "--cli-binary-format", "raw-in-base64-out", "a.json"],
                ["aws", "lambda", "invoke", "--function-name", "put-fails", "--invocation-type", "Event", "b.json"],
                ["clock", "advance", "4m"],
                ["sam", "local", "invoke", "Ok", "--no-event"],
            ] {
                let run = try workbook(arguments, in: folder.path)
                transcript += run.transcript
            }
            for group in ["put-ok", "put-fails"] {
                transcript += try workbook(["aws", "logs", "filter-log-events", "--log-group-name", "/aws/lambda/\(group)"], in: folder.path).transcript
            }
            return transcript
        }
        let first = try session(), second = try session()
        #expect(first.contains("REPORT RequestId: "), "\(first)")
        #expect(first == second)
    }
}
