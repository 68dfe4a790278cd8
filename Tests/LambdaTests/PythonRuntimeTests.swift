import Foundation
@testable import Lambda
import SimKit
import Testing

extension NodeProcessTests {
    /// Python handlers in real processes (the same serialized suite as the Node ones, so that
    /// runtimes of both languages never start all at once): results, output, context, sandbox.
    @Suite struct PythonRuntimeTests {
        let id = PythonFixture.id

        @Test func aReturnedValueIsTheRuntimesJSON() async throws {
            let app = "def handler(event, context):\n    return {\"sum\": event[\"a\"] + 1, \"name\": \"한\", \"list\": [1.5, None, True]}\n"
            let result = try await PythonFixture.invoke(app, payload: #"{"a":1}"#)
            #expect(result.functionError == nil)
            // Lambda's encoder: ", " and ": " separators; non-ASCII kept from python3.12 on.
            #expect(result.payloadText == #"{"sum": 2, "name": "한", "list": [1.5, null, true]}"#)
            let older = try await PythonFixture.invoke(app, PythonFixture.function(runtime: "python3.11"), payload: #"{"a":1}"#)
            #expect(older.payloadText == #"{"sum": 2, "name": "\ud55c", "list": [1.5, null, true]}"#)
        }

        @Test func aWarmEnvironmentKeepsTheModulesState() async throws {
            let app = "import sys\ncount = 0\ndef handler(event, context):\n    global count\n    count += 1\n    return [count, sys.argv[0]]\n"
            let results = try await ExecutionEnvironmentPool.withPool(LambdaFixture.settings()) { pool in
                let function = PythonFixture.function(), code = LambdaFixture.code(["app.py": app])
                var results: [InvocationResult] = []
                for index in 1...2 {
                    results.append(try await pool.invoke(function, code: code, payload: Array("{}".utf8),
                                                         requestID: "cccccccc-0000-4000-8000-00000000000\(index)"))
                }
                return results
            }
            #expect(results.map(\.payloadText) == [#"[1, "/var/runtime/bootstrap.py"]"#, #"[2, "/var/runtime/bootstrap.py"]"#])
            #expect(results.map(\.environment.coldStart) == [true, false])
            #expect(results[1].logs.last?.message.contains("Init Duration") == false)
        }

        @Test func nothingReturnedIsNull() async throws {
            let result = try await PythonFixture.invoke("def handler(event, context):\n    pass\n")
            #expect(result.payloadText == "null")
        }

        @Test func printIsRawTextAndLoggingHasLambdasFormat() async throws {
            let app = """
                import logging
                logger = logging.getLogger()
                print("at init")
                def handler(event, context):
                    print("hello", 1)
                    logger.info("silent: the root level is WARNING")
                    logger.warning("careful\\nsecond line")
                    logger.setLevel(logging.INFO)
                    logger.info("now %s", "shown")
                    return "ok"

                """
            let result = try await PythonFixture.invoke(app)
            let lines = LambdaFixture.messages(result)
            #expect(lines.first?.hasPrefix("INIT_START Runtime Version: python:3.12.v") == true)
            #expect(lines[1] == "at init")
            #expect(lines[2] == "START RequestId: \(id) Version: $LATEST")
            #expect(lines[3] == "hello 1")
            #expect(lines[4].matches(PythonFixture.loggingPrefix("WARNING") + "careful\nsecond line"))
            #expect(lines[5].matches(PythonFixture.loggingPrefix("INFO") + "now shown"))
            #expect(lines[6] == "END RequestId: \(id)")
            #expect(lines[7].hasPrefix("REPORT RequestId: \(id)\tDuration: "))
            #expect(lines.count == 8)
        }

        @Test func anUnhandledExceptionIsOneEventAndLambdasErrorBody() async throws {
            let result = try await PythonFixture.invoke("def handler(event, context):\n    raise Exception(\"Handler fails\")\n")
            #expect(result.functionError == "Unhandled")
            #expect(result.payloadText == #"{"errorMessage": "Handler fails", "errorType": "Exception", "requestId": "\#(id)", "stackTrace": ["  File \"/var/task/app.py\", line 2, in handler\n    raise Exception(\"Handler fails\")\n"]}"#)
            let nbsp = "\u{00A0}"
            let event = "[ERROR] Exception: Handler fails\nTraceback (most recent call last):\n"
                + "\(nbsp)\(nbsp)File \"/var/task/app.py\", line 2, in handler\n"
                + "\(nbsp)\(nbsp)\(nbsp)\(nbsp)raise Exception(\"Handler fails\")"
            let lines = LambdaFixture.messages(result)
            #expect(lines.filter { $0.hasPrefix("[ERROR]") } == [event])
            #expect(lines[lines.count - 2] == "END RequestId: \(id)")
        }

        @Test func aMissingModuleFailsInitAsLambdaLogsIt() async throws {
            // `requests` is installed on the host, but Lambda's runtime does not bundle it.
            let result = try await PythonFixture.invoke("import requests\n\ndef handler(event, context):\n    return 1\n")
            #expect(result.functionError == "Unhandled")
            #expect(result.payloadText == #"{"errorMessage": "Unable to import module 'app': No module named 'requests'", "errorType": "Runtime.ImportModuleError", "requestId": "", "stackTrace": []}"#)
            let lines = LambdaFixture.messages(result)
            let warning = PythonFixture.loggingPrefix("WARNING", "") + #"LAMBDA_WARNING: Unhandled exception\. The most likely cause is an issue in the function code\. .*https://docs\.aws\.amazon\.com/lambda/latest/dg/runtimes-update\.html"#
            let error = "[ERROR] Runtime.ImportModuleError: Unable to import module 'app': No module named 'requests'\nTraceback (most recent call last):"
            // Init fails, then Lambda tries again in the invoke phase [I], which fails the same way.
            #expect(lines[0].hasPrefix("INIT_START "))
            #expect(lines[1].matches(warning))
            #expect(lines[2] == error)
            #expect(lines[3].matches(#"INIT_REPORT Init Duration: \d+\.\d\d ms\tPhase: init\tStatus: error\tError Type: Runtime\.ImportModuleError"#))
            #expect(lines[4].matches(warning))
            #expect(lines[5] == error)
            #expect(lines[6].matches(#"INIT_REPORT Init Duration: \d+\.\d\d ms\tPhase: invoke\tStatus: error\tError Type: Runtime\.ImportModuleError"#))
            #expect(lines[7] == "START RequestId: \(id) Version: $LATEST")
            #expect(lines[8] == "END RequestId: \(id)")
            #expect(lines[9].hasSuffix("\tStatus: error\tError Type: Runtime.ImportModuleError"))
        }

        @Test func handlerFaultsUseLambdasTexts() async throws {
            let missing = try LambdaFixture.object(try await PythonFixture.invoke("x = 1\n", PythonFixture.function(handler: "app.nope")))
            #expect(missing["errorType"] == "Runtime.HandlerNotFound")
            #expect(missing["errorMessage"] == "Handler 'nope' missing on module 'app'")
            let malformed = try LambdaFixture.object(try await PythonFixture.invoke("x = 1\n", PythonFixture.function(handler: "app")))
            #expect(malformed["errorType"] == "Runtime.MalformedHandlerName")
            #expect(malformed["errorMessage"] == "Bad handler 'app': not enough values to unpack (expected 2, got 1)")
            let syntax = try LambdaFixture.object(try await PythonFixture.invoke("def handler(event, context):\n    return 1 +\n"))
            #expect(syntax["errorType"] == "Runtime.UserCodeSyntaxError")
            #expect(syntax["errorMessage"] == "Syntax error in module 'app': invalid syntax (app.py, line 2)")
            let marshal = try LambdaFixture.object(try await PythonFixture.invoke(
                "import datetime\ndef handler(event, context):\n    return datetime.datetime.now()\n"))
            #expect(marshal["errorType"] == "Runtime.MarshalError")
            #expect(marshal["errorMessage"] == "Unable to marshal response: Object of type datetime is not JSON serializable")
        }

        @Test func aHandlerInAFolderIsImportedAsAPackagePath() async throws {
            let result = try await PythonFixture.invoke("", files: ["src/app.py": "def handler(event, context):\n    return __name__\n"],
                                                        PythonFixture.function(handler: "src/app.handler"))
            #expect(result.payloadText == #""src.app""#)
        }

        @Test func theContextHasLambdasFields() async throws {
            let app = """
                def handler(event, context):
                    return {"function_name": context.function_name, "function_version": context.function_version,
                            "invoked_function_arn": context.invoked_function_arn, "memory_limit_in_mb": context.memory_limit_in_mb,
                            "aws_request_id": context.aws_request_id, "log_group_name": context.log_group_name,
                            "log_stream_name": context.log_stream_name, "remaining": context.get_remaining_time_in_millis(),
                            "identity": [context.identity.cognito_identity_id, context.identity.cognito_identity_pool_id],
                            "client_context": context.client_context}

                """
            let result = try await PythonFixture.invoke(app)
            let body = try LambdaFixture.object(result)
            #expect(body["function_name"] == "fn")
            #expect(body["function_version"] == "$LATEST")
            #expect(body["invoked_function_arn"] == "arn:aws:lambda:ap-northeast-2:123456789012:function:fn")
            #expect(body["memory_limit_in_mb"] == "128")  // a string, as on Lambda
            #expect(body["aws_request_id"] == .string(id))
            #expect(body["log_group_name"] == "/aws/lambda/fn")
            #expect(body["log_stream_name"] == .string(result.environment.logStreamName))
            let remaining = try #require(body["remaining"]?.doubleValue)
            #expect(remaining > 0 && remaining <= 10_000)
            #expect(body["identity"] == [.null, .null])
            #expect(body["client_context"] == .null)
        }

        @Test func theSandboxShowsLambdasPathsAndVariablesOnly() async throws {
            let app = """
                import os, sys, time
                def handler(event, context):
                    print(os.getcwd(), __file__)
                    return {"cwd": os.getcwd(), "env": dict(os.environ), "time": time.time(), "executable_hidden": "workbook" not in repr(sys.path[0])}

                """
            let result = try await PythonFixture.invoke(app)
            let body = try LambdaFixture.object(result)
            let env = try #require(body["env"]?.objectValue)
            #expect(env["AWS_EXECUTION_ENV"] == "AWS_Lambda_python3.12")
            #expect(env["PYTHONPATH"] == "/var/runtime")
            #expect(env["TZ"] == ":UTC")
            #expect(env["LAMBDA_TASK_ROOT"] == "/var/task")
            #expect(env["NODE_PATH"] == nil)
            #expect(!env.keys.contains { $0.hasPrefix("WORKBOOK_") })
            #expect(LambdaFixture.messages(result).contains("/var/task /var/task/app.py"))
            // The handler's date is virtual: the anchor's day, not the host's.
            let time = try #require(body["time"]?.doubleValue)
            #expect(abs(time * 1000 - Double(LambdaFixture.anchor)) < 600_000)
        }

        @Test func boto3IsBundledAndOtherHostPackagesAreNot() async throws {
            let app = """
                import importlib.util
                def handler(event, context):
                    return {name: importlib.util.find_spec(name) is not None for name in ["boto3", "botocore", "jmespath", "dateutil", "six", "requests", "yaml"]}

                """
            let body = try LambdaFixture.object(try await PythonFixture.invoke(app))
            #expect(body == ["boto3": true, "botocore": true, "jmespath": true, "dateutil": true, "six": true, "requests": false, "yaml": false])
        }

        @Test func boto3ClientsOfUnsimulatedServicesOrWithoutAnEndpointAreRefused() async throws {
            let app = """
                import boto3
                def attempt(service):
                    try:
                        boto3.client(service)
                        return "created"
                    except Exception as error:
                        return type(error).__name__ + ": " + str(error)
                def handler(event, context):
                    return [attempt("s3"), attempt("dynamodb")]

                """
            let result = try await PythonFixture.invoke(app)
            let answers = try #require(try JSONParser.parse(bytes: result.payload).arrayValue?.compactMap(\.stringValue))
            #expect(answers == [
                "WorkbookSDKError: the workbook simulates only DynamoDB among AWS services a function calls: boto3's s3 client is not simulated, so a handler that creates it cannot run here (on AWS Lambda it works).",
                "WorkbookSDKError: the workbook simulator provides no DynamoDB endpoint here: boto3's dynamodb client only works inside a function the workbook runs (or pass an explicit endpoint_url to the client).",
            ])
        }

        @Test func deterministicModeSeedsRandomAndFreezesTheClock() async throws {
            let app = """
                import random, time, uuid, datetime
                def handler(event, context):
                    before = time.time()
                    time.sleep(1.5)
                    return [random.random(), str(uuid.uuid4()), before, time.time(), str(datetime.datetime.now()), sorted({"b", "a"}) == ["a", "b"]]

                """
            let first = try await PythonFixture.invoke(app, settings: LambdaFixture.deterministicSettings())
            let second = try await PythonFixture.invoke(app, settings: LambdaFixture.deterministicSettings())
            #expect(first.payloadText == second.payloadText)
            let values = try #require(try JSONParser.parse(bytes: first.payload).arrayValue)
            let before = try #require(values[2].doubleValue), after = try #require(values[3].doubleValue)
            #expect(after - before == 1.5)  // a virtual sleep: the clock jumped
            #expect(first.logs.last?.message.contains("\tDuration: 15") == true)
        }

        @Test func aVirtualSleepPastTheTimeoutTimesOutAtOnce() async throws {
            let began = ContinuousClock.now
            let result = try await PythonFixture.invoke("import time\ndef handler(event, context):\n    print('sleeping')\n    time.sleep(60)\n",
                                                        PythonFixture.function(timeout: 3), settings: LambdaFixture.deterministicSettings())
            #expect(ContinuousClock.now - began < .seconds(30))
            #expect(result.payloadText == #"{"errorType":"Sandbox.Timedout","errorMessage":"RequestId: \#(id) Error: Task timed out after 3.00 seconds"}"#)
            let lines = LambdaFixture.messages(result)
            #expect(lines.contains("sleeping"))
            #expect(lines.last?.contains("\tDuration: 3000.00 ms\t") == true)
            #expect(lines.last?.hasSuffix("\tStatus: timeout") == true)
        }

        @Test func sysExitEndsTheRuntime() async throws {
            let result = try await PythonFixture.invoke("import sys\ndef handler(event, context):\n    sys.exit(2)\n")
            #expect(result.payloadText == #"{"errorType":"Runtime.ExitError","errorMessage":"RequestId: \#(id) Error: Runtime exited with error: exit status 2"}"#)
        }
    }
}
