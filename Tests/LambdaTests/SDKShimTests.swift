import DynamoDB
import Foundation
@testable import Lambda
import SimKit
import Testing

extension NodeProcessTests {
    /// The bundled AWS SDK shims (Resources/runtime/sdk) in real Node processes against the simulated
    /// DynamoDB on a loopback port: what a handler sees from `aws-sdk` v2 (nodejs16.x and older) and
    /// `@aws-sdk/*` v3 (nodejs18.x+) — data, dropped or refused `undefined`s, and errors shaped like
    /// each SDK's (reference/aws-behavior.md §3.1, §3.2).
    @Suite struct SDKShimTests {
        @Test func v2DocumentClientWithPromisesAndCallbacks() async throws {
            let lines = try await SDKScript.run(.v2, "v2-document-client.cjs")
            #expect(lines["put"] == .string("{}"))
            #expect(lines["get"] == .string(#"{"Item":{"ID":"1","tags":{"a":null},"list":[1,3],"price":12.5}}"#))
            // v2 drops undefined at every depth and never sends it.
            #expect(lines["raw"] == .string(#"{"ID":{"S":"1"},"tags":{"M":{"a":{"NULL":true}}},"list":{"L":[{"N":"1"},{"N":"3"}]},"price":{"N":"12.5"}}"#))
            #expect(lines["callbackGet"] == .string(#"{"ID":"1","tags":{"a":null},"list":[1,3],"price":12.5}"#))
            #expect(lines["update"] == .string(#"{"Attributes":{"price":13.5}}"#))
            #expect(lines["query"] == .string(#"{"Items":[{"ID":"1","tags":{"a":null},"list":[1,3],"price":13.5}],"Count":1,"ScannedCount":1}"#))
            let failed = try #require(lines["conditionFailed"]?.objectValue)
            #expect(failed["code"] == "ConditionalCheckFailedException")
            #expect(failed["name"] == "ConditionalCheckFailedException")
            #expect(failed["message"] == "The conditional request failed")
            #expect(failed["statusCode"] == 400)
            #expect(failed["retryable"] == false)
            #expect(failed["timeIsDate"] == true)
            #expect(failed["requestId"]?.stringValue?.wholeMatch(of: #/[A-Z0-9]{52}/#) != nil)
            #expect(failed["keys"] == .string("message,code,[__type],time,requestId,statusCode,retryable,retryDelay"))
            #expect(lines["callbackError"] == "ConditionalCheckFailedException 400")
            #expect(lines["missingTable"] == "MissingRequiredParameter: Missing required key 'TableName' in params")
            #expect(lines["s3"] == .string("the workbook's bundled aws-sdk models only DynamoDB (AWS.DynamoDB, AWS.DynamoDB.DocumentClient); AWS.S3 is not simulated."))
        }

        @Test func v3DocumentClientMarshallsLikeLibDynamoDB() async throws {
            let lines = try await SDKScript.run(.v3, "v3-document-client.cjs")
            #expect(lines["put"] == .string(#"{"$metadata":{"httpStatusCode":200,"attempts":1,"totalRetryDelay":0}}"#))
            #expect(lines["get"] == .string(#"{"ID":"1","price":12.5,"tags":{"a":null}}"#))
            #expect(lines["update"] == .string(#"{"price":13.5}"#))
            #expect(lines["query"] == .string(#"[{"ID":"1","price":13.5,"tags":{"a":null}}]"#))
            // v3 refuses undefined before sending anything, unless told to remove it.
            #expect(lines["undefined"] == "Error: Pass options.removeUndefinedValues=true to remove undefined values from map/array/set.")
            #expect(lines["undefinedNotSent"] == false)
            #expect(lines["removed"] == .string(#"{"ID":"2","list":[1]}"#))
            let failed = try #require(lines["conditionFailed"]?.objectValue)
            #expect(failed["name"] == "ConditionalCheckFailedException")
            #expect(failed["message"] == "The conditional request failed")
            #expect(failed["fault"] == "client")
            #expect(failed["httpStatusCode"] == 400)
            #expect(failed["instanceOfClass"] == true)
            #expect(failed["instanceOfService"] == true)
            #expect(failed["type"] == "com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException")
            #expect(failed["metadataKeys"] == "httpStatusCode,requestId,extendedRequestId,cfId,attempts,totalRetryDelay")
            #expect(lines["missingTable"] == "ResourceNotFoundException Requested resource not found 400")
            #expect(lines["binary"] == "Uint8Array 3")
            #expect(lines["asyncEndpoint"] == "nothing answered at http://127.0.0.1:9", "an async endpoint provider is awaited")
            #expect(lines["unmodelled"]?.stringValue?.hasPrefix("the workbook's simulated DynamoDB does not model DescribeLimits") == true)
        }

        @Test func v3PackagesLoadAsESModules() async throws {
            let lines = try await SDKScript.run(.v3, "v3-esm.mjs")
            #expect(lines["get"] == .string(#"{"ID":"esm","n":1}"#))
            #expect(lines["instanceOf"] == true)
        }

        @Test func withoutAnEndpointOrForAnotherServiceTheSDKSaysWhatIsNotSimulated() async throws {
            let lines = try await SDKScript.run(.v3, "v3-no-endpoint.cjs", endpoint: false)
            #expect(lines["error"]?.stringValue?.hasPrefix("the workbook simulator provides no DynamoDB endpoint here") == true)
            #expect(lines["s3"]?.stringValue?.hasPrefix(
                "the workbook simulates only DynamoDB among AWS services a function calls: @aws-sdk/client-s3 is not simulated") == true)
        }
    }
}

/// Runs one script of `Fixtures/sdk/` in a plain Node process whose `node_modules` is a bundled SDK
/// folder, against a simulated DynamoDB served on port 0 for the duration of the run.
enum SDKScript {
    enum Bundle: String { case v2 = "nodejs-v2", v3 = "nodejs-v3" }

    /// The script's output: one `{"name": value}` JSON object per line, merged.
    static func run(_ sdk: Bundle, _ script: String, endpoint: Bool = true) async throws -> JSONObject {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sdk-shim-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let sdkRoot = URL(fileURLWithPath: try NodeLauncher.locate(hostPath: ProcessInfo.processInfo.environment["PATH"]).runtimeDir)
            .deletingLastPathComponent().appendingPathComponent("sdk")
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("node_modules"),
                                                   withDestinationURL: sdkRoot.appendingPathComponent("\(sdk.rawValue)/node_modules"))
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/sdk")
        for name in [script, "prelude.cjs"] {
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let output = try await withDynamoDB { url in
            try await node(["--require", "./prelude.cjs", script], in: folder, endpoint: endpoint ? url : nil)
        }
        var merged = JSONObject()
        for line in output.stdout.split(separator: "\n") {
            guard let object = try JSONParser.parse(String(line)).objectValue else { continue }
            for (key, value) in object { merged[key] = value }
        }
        #expect(output.status == 0, "node failed: \(output.stderr)")
        return merged
    }

    /// A fresh in-memory DynamoDB on 127.0.0.1, served while `body` runs.
    static func withDynamoDB<T: Sendable>(_ body: @Sendable @escaping (String) async throws -> T) async throws -> T {
        let store = try Store.inMemory(migrations: DynamoDBSchema.migrations)
        let operations = DynamoDBOperations(tables: TableStore(region: "ap-northeast-2", account: "123456789012"))
        let ids = IDGenerator(seed: 7)
        let handler = DynamoDBClosureHandler(detailed: { operation, request in
            try store.write { db in try operations.performDetailed(operation, request, now: LambdaFixture.anchor, ids: ids, in: db) }
        })
        let endpoint = DynamoDBEndpoint(handler: handler, region: "ap-northeast-2",
                                        requestID: { DynamoDBEndpoint.requestID(from: ids) })
        let server = try await LoopbackHTTPServer.bind(port: 0, syncHandler: endpoint.httpHandler)
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await server.run(); return nil }
            defer { group.cancelAll() }
            return try await body(server.url)
        }
    }

    struct Output: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// `node` with Lambda's module flags and Lambda-like credentials in the environment.
    static func node(_ arguments: [String], in folder: URL, endpoint: String?) async throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["node", "--no-experimental-require-module", "--no-experimental-detect-module"] + arguments
        process.currentDirectoryURL = folder
        var environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
                           "AWS_REGION": "ap-northeast-2", "AWS_ACCESS_KEY_ID": "ASIAQEXAMPLEEXAMPLE01",
                           "AWS_SECRET_ACCESS_KEY": String(repeating: "s", count: 40), "AWS_SESSION_TOKEN": "token"]
        if let endpoint { environment["SDK_TEST_DYNAMODB_URL"] = endpoint }
        process.environment = environment
        let out = folder.appendingPathComponent("stdout.txt"), err = folder.appendingPathComponent("stderr.txt")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let stdout = try FileHandle(forWritingTo: out), stderr = try FileHandle(forWritingTo: err)
        defer {
            try? stdout.close()
            try? stderr.close()
        }
        process.standardOutput = stdout
        process.standardError = stderr
        // Waits on the termination handler, never blocking a thread of the test pool.
        let status: Int32 = await withCheckedContinuation { done in
            process.terminationHandler = { done.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch { done.resume(returning: -1) }
        }
        return Output(status: status, stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                      stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }
}
