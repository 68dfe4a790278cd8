import Foundation
@testable import Lambda
import SimKit
import Testing

extension NodeProcessTests {
    /// Lambda's Node module rules (reference/aws-behavior.md §2.3), on real Node processes.
    @Suite struct NodeModuleLoadingTests {
        @Test func aCommonJSHandlerAnswersWithItsResult() async throws {
            let result = try await LambdaFixture.invoke([
                "index.js": "exports.handler = async (event, context) => ({ got: event.a, name: context.functionName, version: context.functionVersion, memory: context.memoryLimitInMB, arn: context.invokedFunctionArn, id: context.awsRequestId, group: context.logGroupName, left: context.getRemainingTimeInMillis() });",
            ], payload: #"{"a":1}"#)
            #expect(result.statusCode == 200)
            #expect(result.functionError == nil)
            let body = try LambdaFixture.object(result)
            #expect(body["got"] == 1)
            #expect(body["name"] == "fn")
            #expect(body["version"] == "$LATEST")
            #expect(body["memory"] == "128")
            #expect(body["arn"] == "arn:aws:lambda:ap-northeast-2:123456789012:function:fn")
            #expect(body["id"] == "11111111-2222-4333-8444-555555555555")
            #expect(body["group"] == "/aws/lambda/fn")
            let left = try #require(body["left"].flatMap { if case .int(let n) = $0 { n } else { nil } })
            #expect(left > 2000 && left <= 3000)
        }

        @Test func anMJSFileIsImported() async throws {
            let result = try await LambdaFixture.invoke(["index.mjs": "export const handler = async () => ({ esm: typeof require });"])
            #expect(result.functionError == nil)
            #expect(result.payloadText == #"{"esm":"undefined"}"#)
        }

        @Test func aJSFileUnderTypeModuleIsImported() async throws {
            let result = try await LambdaFixture.invoke([
                "package.json": #"{"type": "module"}"#,
                "index.js": "export const handler = async () => 'from esm';",
            ])
            #expect(result.payloadText == #""from esm""#)
        }

        @Test func folderAndNestedHandlerStrings() async throws {
            let files = ["src/app.js": "exports.fn = { nested: async () => 'deep' };"]
            let result = try await LambdaFixture.invoke(files, LambdaFixture.function(handler: "src/app.fn.nested"))
            #expect(result.payloadText == #""deep""#)
        }

        /// The sprint's `js` vs `mjs` failure: Lambda keeps require(esm) and module detection off,
        /// while the machine's plain `node` (20.19+) loads the very same file.
        @Test func anExportInAJSFileFailsOnLambdaButLoadsUnderPlainNode() async throws {
            let source = "export const handler = async () => 'works on my machine';"
            let result = try await LambdaFixture.invoke(["index.js": source])
            #expect(result.functionError == "Unhandled")
            let body = try LambdaFixture.object(result)
            #expect(body["errorType"] == "Runtime.UserCodeSyntaxError")
            #expect(body["errorMessage"] == "SyntaxError: Unexpected token 'export'")
            #expect(body["trace"]?.arrayValue?.first == "Runtime.UserCodeSyntaxError: SyntaxError: Unexpected token 'export'")

            let plain = try await PlainNode.run(requiring: source)
            #expect(plain == "works on my machine")
        }

        @Test func aMissingPackageIsAnImportModuleErrorWithTheRequireStack() async throws {
            let result = try await LambdaFixture.invoke(
                ["app.js": "const AWS = require('aws-sdk');\nexports.handler = async () => 1;"],
                LambdaFixture.function(handler: "app.handler"))
            let body = try LambdaFixture.object(result)
            #expect(body["errorType"] == "Runtime.ImportModuleError")
            #expect(body["errorMessage"] == "Error: Cannot find module 'aws-sdk'\nRequire stack:\n- /var/task/app.js\n- /var/runtime/index.mjs")
            let trace = body["trace"]?.arrayValue?.compactMap(\.stringValue) ?? []
            #expect(Array(trace.prefix(4)) == ["Runtime.ImportModuleError: Error: Cannot find module 'aws-sdk'", "Require stack:",
                                               "- /var/task/app.js", "- /var/runtime/index.mjs"])
            #expect(!result.payloadText.contains(ScratchSpace.base + "/workbook-lambda-"))
        }

        /// Reference §2.2/§2.3: nodejs18.x and later bundle only the v3 `@aws-sdk/*`; an ES
        /// module's `import` of a missing package is Node's own error, not wrapped by Lambda.
        @Test func anESMImportOfAMissingPackageIsNodesOwnError() async throws {
            let result = try await LambdaFixture.invoke(
                ["index.mjs": "import AWS from 'aws-sdk';\nexport const handler = async () => 1;"],
                LambdaFixture.function(runtime: "nodejs22.x"))
            let body = try LambdaFixture.object(result)
            #expect(body["errorType"] == "Error")
            #expect(body["errorMessage"] == "Cannot find package 'aws-sdk' imported from /var/task/index.mjs")
            #expect(!result.payloadText.contains(ScratchSpace.base + "/workbook-lambda-"), "\(result.payloadText)")
        }

        /// Each runtime line finds the SDK its Lambda runtime bundles, and only that one.
        @Test func theBundledSDKFollowsTheRuntime() async throws {
            let probe = ["index.js": """
                const found = (name) => { try { require.resolve(name); return true; } catch { return false; } };
                exports.handler = async () => [found('aws-sdk'), found('@aws-sdk/client-dynamodb'), found('@aws-sdk/lib-dynamodb')];
                """]
            let old = try await LambdaFixture.invoke(probe, LambdaFixture.function(runtime: "nodejs16.x"))
            #expect(old.payloadText == "[true,false,false]")
            let current = try await LambdaFixture.invoke(probe, LambdaFixture.function(runtime: "nodejs22.x"))
            #expect(current.payloadText == "[false,true,true]")
        }

        @Test func aMissingExportIsHandlerNotFound() async throws {
            let result = try await LambdaFixture.invoke(["index.js": "exports.other = async () => 1;"])
            let body = try LambdaFixture.object(result)
            #expect(body["errorType"] == "Runtime.HandlerNotFound")
            #expect(body["errorMessage"] == "index.handler is undefined or not exported")
        }

        @Test func aHandlerStringWithoutAFunctionIsMalformed() async throws {
            let files = ["index.js": "exports.handler = async () => 1;"]
            let bad = try LambdaFixture.object(try await LambdaFixture.invoke(files, LambdaFixture.function(handler: "index")))
            #expect(bad["errorType"] == "Runtime.MalformedHandlerName")
            #expect(bad["errorMessage"] == "Bad handler")
            let relative = try LambdaFixture.object(try await LambdaFixture.invoke(files, LambdaFixture.function(handler: "../x.handler")))
            #expect(relative["errorMessage"] == "'../x.handler' is not a valid handler name. Use absolute paths when specifying root directories in handler names.")
        }

        @Test func aFailedInitIsLoggedTwiceAndReported() async throws {
            let result = try await LambdaFixture.invoke(["index.js": "exports.other = 1;"])
            let lines = LambdaFixture.messages(result)
            #expect(lines[0].hasPrefix("INIT_START Runtime Version: nodejs:20.v48\tRuntime Version ARN: arn:aws:lambda:ap-northeast-2::runtime:"))
            #expect(lines[1].contains(LambdaFixture.consolePrefix("undefined", "ERROR")))
            #expect(lines[1].contains("\tUncaught Exception \t{\"errorType\":\"Runtime.HandlerNotFound\",\"errorMessage\":\"index.handler is undefined or not exported\",\"stack\":[\"Runtime.HandlerNotFound: index.handler is undefined or not exported\""))
            #expect(lines[2].matches(#"INIT_REPORT Init Duration: \d+\.\d\d ms\tPhase: init\tStatus: error\tError Type: Runtime.HandlerNotFound"#))
            #expect(lines[3].contains("\tUncaught Exception \t"))
            #expect(lines[4].matches(#"INIT_REPORT Init Duration: \d+\.\d\d ms\tPhase: invoke\tStatus: error\tError Type: Runtime.HandlerNotFound"#))
            #expect(lines[5] == "START RequestId: 11111111-2222-4333-8444-555555555555 Version: $LATEST")
            #expect(lines[6] == "END RequestId: 11111111-2222-4333-8444-555555555555")
            #expect(lines[7].hasSuffix("\tStatus: error\tError Type: Runtime.HandlerNotFound"))
            #expect(lines.count == 8)
        }
    }

    /// The machine's node without Lambda's flags, as a learner runs it locally.
    enum PlainNode {
        static func run(requiring source: String) async throws -> String {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plain-node-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            try source.write(to: folder.appendingPathComponent("index.js"), atomically: true, encoding: .utf8)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["node", "-e", "require('./index.js').handler().then((v) => process.stdout.write(v))"]
            process.currentDirectoryURL = folder
            let output = folder.appendingPathComponent("out.txt")
            _ = FileManager.default.createFile(atPath: output.path, contents: nil)
            process.standardOutput = try FileHandle(forWritingTo: output)
            process.standardError = FileHandle.nullDevice
            // Waits on the termination handler, never blocking a thread of the test pool.
            await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
                process.terminationHandler = { _ in done.resume() }
                do { try process.run() } catch { done.resume() }
            }
            return (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        }
    }
}
