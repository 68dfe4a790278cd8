import Foundation
@testable import Lambda
import SimKit
import Testing

extension NodeProcessTests {
    /// Errors of an invocation as Lambda reports them (reference/aws-behavior.md §2.2, §2.5).
    @Suite struct NodeInvocationErrorTests {
        let id = LambdaFixture.requestID

        @Test func aThrownErrorGivesTypeMessageTraceAndAnInvokeErrorLine() async throws {
            let result = try await LambdaFixture.invoke(["index.mjs": "export const handler = async () => {\n  throw new Error(\"boom\");\n};\n"])
            #expect(result.functionError == "Unhandled")
            let body = try LambdaFixture.object(result)
            #expect(body.keys == ["errorType", "errorMessage", "trace"])
            #expect(body["errorType"] == "Error")
            #expect(body["errorMessage"] == "boom")
            let trace = body["trace"]?.arrayValue?.compactMap(\.stringValue) ?? []
            #expect(Array(trace.prefix(2)) == ["Error: boom", "    at Runtime.handler (file:///var/task/index.mjs:2:9)"])
            #expect(!result.payloadText.contains(ScratchSpace.base + "/workbook-lambda-"))
            let line = try #require(LambdaFixture.messages(result).first { $0.contains("Invoke Error") })
            #expect(line.contains(LambdaFixture.consolePrefix(id, "ERROR")))
            #expect(line.contains("\tInvoke Error \t{\"errorType\":\"Error\",\"errorMessage\":\"boom\",\"stack\":[\"Error: boom\",\"    at Runtime.handler (file:///var/task/index.mjs:2:9)\""))
        }

        @Test func aNonErrorThrownIsItsTypeWithAnEmptyTrace() async throws {
            let result = try await LambdaFixture.invoke(["index.js": "exports.handler = async () => { throw 'x'; };"])
            #expect(result.payloadText == #"{"errorType":"string","errorMessage":"x","trace":[]}"#)
        }

        @Test func anUnhandledRejectionFailsTheInvocation() async throws {
            let result = try await LambdaFixture.invoke([
                "index.js": "exports.handler = async () => { Promise.reject(new Error('later')); await new Promise((r) => setTimeout(r, 200)); return 'never'; };",
            ])
            let body = try LambdaFixture.object(result)
            #expect(body["errorType"] == "Runtime.UnhandledPromiseRejection")
            #expect(body["errorMessage"] == "Error: later")
            #expect(LambdaFixture.messages(result).contains { $0.contains("\tERROR\tUnhandled Promise Rejection \t{\"errorType\":\"Runtime.UnhandledPromiseRejection\",\"errorMessage\":\"Error: later\"") })
        }

        @Test func callbackHandlersWarnUpTo22AndAreRefusedOn24() async throws {
            let files = ["index.js": "exports.handler = (event, context, callback) => { callback(null, { x: 1 }); };"]
            let old = try await LambdaFixture.invoke(files, LambdaFixture.function(runtime: "nodejs22.x"))
            #expect(old.functionError == nil)
            #expect(old.payloadText == #"{"x":1}"#)
            let warn = try #require(LambdaFixture.messages(old).first { $0.contains("\tWARN\t") })
            #expect(warn.contains(LambdaFixture.consolePrefix("undefined", "WARN")))
            #expect(warn.hasSuffix("\tWARN\tAWS Lambda plans to remove support for callback-based function handlers starting with Node.js 24. You will need to update this function to use an async handler to use Node.js 24 or later. For more information and to provide feedback on this change, see https://github.com/aws/aws-lambda-nodejs-runtime-interface-client/issues/137. To disable this warning, set the AWS_LAMBDA_NODEJS_DISABLE_CALLBACK_WARNING environment variable."))
            // The WARN comes at init, before START.
            let messages = LambdaFixture.messages(old)
            #expect(messages.firstIndex(of: warn)! < messages.firstIndex { $0.hasPrefix("START ") }!)

            let new = try LambdaFixture.object(try await LambdaFixture.invoke(files, LambdaFixture.function(runtime: "nodejs24.x")))
            #expect(new["errorType"] == "Runtime.CallbackHandlerDeprecated")
            #expect(new["errorMessage"] == "ERROR: AWS Lambda has removed support for callback-based function handlers starting with Node.js 24. You need to modify this function to use a supported handler signature to use Node.js 24 or later. For more information see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html.")
        }

        @Test func processExitIsARuntimeExitError() async throws {
            // A long Timeout: on a loaded machine the exit must not lose a race with it.
            let result = try await LambdaFixture.invoke(["index.js": "exports.handler = async () => { console.log('bye'); process.exit(1); };"],
                                                        LambdaFixture.function(timeout: 60))
            #expect(result.functionError == "Unhandled")
            #expect(result.payloadText == #"{"errorType":"Runtime.ExitError","errorMessage":"RequestId: \#(id) Error: Runtime exited with error: exit status 1"}"#)
            let lines = LambdaFixture.messages(result)
            #expect(lines.contains { $0.hasSuffix("\t\(id)\tINFO\tbye") })
            #expect(lines.last?.hasSuffix("\tStatus: error\tError Type: Runtime.ExitError") == true)
            #expect(lines[lines.count - 2] == "END RequestId: \(id)")
        }

        /// Timeout 1 with a handler sleeping 60 s (and a child process of its own): about 1 s of
        /// wall time, Sandbox.Timedout, and the whole process group gone.
        @Test func theTimeoutEndsTheInvocationAndKillsTheProcessGroup() async throws {
            let began = ContinuousClock.now
            let result = try await LambdaFixture.invoke([
                "index.js": """
                    const { spawn } = require('child_process');
                    exports.handler = async () => {
                      const child = spawn('sleep', ['60'], { stdio: 'ignore' });
                      console.log('child', child.pid);
                      await new Promise((resolve) => setTimeout(resolve, 60000));
                    };
                    """,
            ], LambdaFixture.function(timeout: 1))
            let wall = ContinuousClock.now - began
            // From the handler's first line to END, on the interactive virtual clock (real elapsed
            // time): the part the timeout governs. The whole wall time also holds the cold start and
            // is not asserted: in a full `swift test` on 2 cores, other suites' blocking tests hold
            // the cooperative pool for over a minute at start-up (measured: 82 s wall, 1069 ms here).
            let started = try #require(result.logs.first { $0.message.contains("\tINFO\tchild ") }?.timestamp)
            let ended = try #require(result.logs.first { $0.message.hasPrefix("END ") }?.timestamp)
            print("timeout test: wall \(wall), handler start to END \(ended - started) ms")
            #expect(ended - started < 5_000)
            #expect(result.payloadText == #"{"errorType":"Sandbox.Timedout","errorMessage":"RequestId: \#(id) Error: Task timed out after 1.00 seconds"}"#)
            let lines = LambdaFixture.messages(result)
            #expect(lines.last?.matches(#"REPORT RequestId: \#(id)\tDuration: \d+\.\d\d ms\tBilled Duration: \d+ ms\tMemory Size: 128 MB\tMax Memory Used: \d+ MB\tInit Duration: \d+\.\d\d ms\tStatus: timeout"#) == true)
            let childLine = try #require(lines.first { $0.contains("\tINFO\tchild ") })
            let childPID = try #require(Int32(childLine.split(separator: " ").last ?? ""))
            #expect(Self.isGoneOrZombie(childPID))
        }

        /// A killed grandchild is reparented and may linger as a zombie until its new parent reaps it.
        static func isGoneOrZombie(_ pid: Int32) -> Bool {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
            let state = stat.split(separator: ")").last?.split(separator: " ").first
            return state == "Z" || state == "X"
        }
    }
}
