import Foundation
@testable import Lambda
import SimKit
import Testing

extension NodeProcessTests {
    /// Cold and warm starts, log lines, the sandbox's environment and clock.
    @Suite struct InvocationLifecycleTests {
        let id = LambdaFixture.requestID

        @Test func aColdStartLogsInitStartStartConsoleEndAndReport() async throws {
            let result = try await LambdaFixture.invoke([
                "index.js": "console.log('loading');\nexports.handler = async (event) => { console.log('hello %s', 'world', { a: 1 }); return null; };",
            ])
            #expect(result.environment.coldStart)
            #expect(result.payloadText == "null")
            let lines = LambdaFixture.messages(result)
            #expect(lines.count == 6)
            #expect(lines[0].hasPrefix("INIT_START Runtime Version: nodejs:20.v48\tRuntime Version ARN: arn:aws:lambda:ap-northeast-2::runtime:"))
            #expect(lines[1].contains(LambdaFixture.consolePrefix("undefined", "INFO")) && lines[1].hasSuffix("\tloading"))
            #expect(lines[2] == "START RequestId: \(id) Version: $LATEST")
            #expect(lines[3].contains(LambdaFixture.consolePrefix(id, "INFO")) && lines[3].hasSuffix("\thello world { a: 1 }"))
            #expect(lines[4] == "END RequestId: \(id)")
            let report = try #require(try Regex(#"REPORT RequestId: \#(id)\tDuration: (\d+\.\d\d) ms\tBilled Duration: (\d+) ms\tMemory Size: 128 MB\tMax Memory Used: (\d+) MB\tInit Duration: (\d+\.\d\d) ms"#).wholeMatch(in: lines[5]))
            let duration = try #require(Double(report.output[1].substring ?? "")), billed = try #require(Int(report.output[2].substring ?? ""))
            let initDuration = try #require(Double(report.output[4].substring ?? ""))
            #expect(billed == Int((duration + initDuration).rounded(.up)))
            #expect((Int(report.output[3].substring ?? "") ?? 0) > 0)
        }

        @Test func aWarmSecondInvokeReusesTheEnvironment() async throws {
            let files = ["index.js": "let count = 0;\nexports.handler = async () => ({ count: ++count, pid: process.pid });"]
            let (first, second) = try await ExecutionEnvironmentPool.withPool(LambdaFixture.settings()) { pool in
                // Timeout 30: under a loaded machine (the whole suite starts Node processes at once) a
                // first invocation can take more than the default 3 s of real time.
                let function = LambdaFixture.function(timeout: 30)
                let code = LambdaFixture.code(files)
                let a = try await pool.invoke(function, code: code, payload: Array("{}".utf8), requestID: "aaaaaaaa-0000-4000-8000-000000000001")
                let b = try await pool.invoke(function, code: code, payload: Array("{}".utf8), requestID: "aaaaaaaa-0000-4000-8000-000000000002")
                return (a, b)
            }
            #expect(first.environment.coldStart && !second.environment.coldStart)
            #expect(first.environment.processID == second.environment.processID)
            #expect(first.environment.logStreamName == second.environment.logStreamName)
            #expect(try LambdaFixture.object(first)["count"] == 1)
            #expect(try LambdaFixture.object(second)["count"] == 2)
            let lines = LambdaFixture.messages(second)
            #expect(!lines.contains { $0.hasPrefix("INIT_START") })
            #expect(lines.first == "START RequestId: aaaaaaaa-0000-4000-8000-000000000002 Version: $LATEST")
            #expect(lines.last?.matches(#"REPORT RequestId: \S+\tDuration: \d+\.\d\d ms\tBilled Duration: \d+ ms\tMemory Size: 128 MB\tMax Memory Used: \d+ MB"#) == true)
            #expect(first.environment.logStreamName.matches(#"2026/07/22/\[\$LATEST\][0-9a-f]{32}"#))
        }

        @Test func consoleMethodsUseLambdasTextFormat() async throws {
            let result = try await LambdaFixture.invoke([
                "index.js": """
                    exports.handler = async () => {
                      console.info('info'); console.warn('warn'); console.error('error'); console.debug('debug'); console.trace('trace');
                      console.log('two\\nlines'); console.log('%d items %j', 3, { a: 1 });
                      process.stdout.write('raw one\\nraw two\\n');
                      return 1;
                    };
                    """,
            ])
            let own = LambdaFixture.messages(result).filter { $0.contains("\t\(id)\t") || $0.hasPrefix("raw") }
            #expect(own.count == 9)
            for (line, level) in zip(own, ["INFO", "WARN", "ERROR", "DEBUG", "TRACE", "INFO", "INFO"]) {
                #expect(line.contains(LambdaFixture.consolePrefix(id, level)))
            }
            #expect(own[5].hasSuffix("\tINFO\ttwo\nlines"))
            #expect(own[6].hasSuffix("\tINFO\t3 items {\"a\":1}"))
            #expect(Array(own.suffix(2)) == ["raw one", "raw two"])
        }

        @Test func theJSONLogFormatWritesObjects() async throws {
            let result = try await LambdaFixture.invoke(
                ["index.js": "exports.handler = async () => { console.log('hi'); return 1; };"],
                LambdaFixture.function(environment: ["AWS_LAMBDA_LOG_FORMAT": "JSON"]))
            let line = try #require(LambdaFixture.messages(result).first { $0.contains("\"message\":\"hi\"") })
            #expect(line.matches(#"\{"timestamp":"2026-07-22T03:5\d:\d\d\.\d{3}Z","level":"INFO","requestId":"\#(id)","message":"hi"\}"#))
        }

        @Test func theHandlerSeesLambdasEnvironmentAndNeverTheHosts() async throws {
            setenv("AWS_SECRET_ACCESS_KEY", "host-secret", 1)
            setenv("WORKBOOK_HOST_ONLY", "host-value", 1)
            let result = try await LambdaFixture.invoke(
                ["index.js": "exports.handler = async () => process.env;"],
                LambdaFixture.function(environment: ["TABLE": "items"]))
            let env = try LambdaFixture.object(result)
            #expect(!result.payloadText.contains("host-secret") && !result.payloadText.contains("host-value"))
            #expect(env["AWS_SECRET_ACCESS_KEY"]?.stringValue?.count == 40)
            #expect(env["AWS_ACCESS_KEY_ID"]?.stringValue?.hasPrefix("ASIA") == true)
            #expect(env["TABLE"] == "items")
            #expect(env["LAMBDA_TASK_ROOT"] == "/var/task")
            #expect(env["LAMBDA_RUNTIME_DIR"] == "/var/runtime")
            #expect(env["AWS_EXECUTION_ENV"] == "AWS_Lambda_nodejs20.x")
            #expect(env["TZ"] == ":UTC")
            #expect(env["_HANDLER"] == "index.handler")
            #expect(env["AWS_REGION"] == "ap-northeast-2")
            #expect(env["NODE_PATH"] == "/opt/nodejs/node20/node_modules:/opt/nodejs/node_modules:/var/runtime/node_modules:/var/runtime:/var/task")
            #expect(env["HOME"] == nil)
            #expect(!env.keys.contains { $0.hasPrefix("WORKBOOK_") })
        }

        @Test func theHandlersDateIsTheVirtualClock() async throws {
            let settings = LambdaFixture.settings()
            let result = try await LambdaFixture.invoke(settings: settings, [
                "index.js": """
                    const atInit = new Date().toISOString();
                    exports.handler = async () => ({ atInit, now: new Date().toISOString(), nowMs: Date.now(), call: Date(),
                      intl: new Intl.DateTimeFormat('en-US', { year: 'numeric', timeZone: 'UTC' }).format() });
                    """,
            ])
            let body = try LambdaFixture.object(result)
            #expect(body["atInit"]?.stringValue?.hasPrefix("2026-07-22T03:5") == true)
            #expect(body["now"]?.stringValue?.hasPrefix("2026-07-22T03:5") == true)
            #expect(body["call"]?.stringValue?.hasPrefix("Wed Jul 22 2026") == true)
            #expect(body["intl"] == "2026")
            let nowMs = try #require(body["nowMs"].flatMap { if case .int(let n) = $0 { n } else { nil } })
            // Interactive mode: the anchor plus real elapsed time, never the host's date.
            #expect(nowMs >= LambdaFixture.anchor && nowMs <= settings.clock.now())
        }

        @Test func anUnsimulatedRuntimeIsNamed() async throws {
            await #expect(throws: WorkbookError.self) {
                _ = try await LambdaFixture.invoke(["app.rb": "def handler(event:, context:) = 1"], LambdaFixture.function(runtime: "ruby3.3", handler: "app.handler"))
            }
        }
    }
}
