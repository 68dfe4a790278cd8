import Foundation
@testable import Lambda
import SimKit
import Testing

extension NodeProcessTests {
    /// MemorySize: the process group's resident memory is polled and the group killed above it,
    /// answering like Lambda's out-of-memory end.
    @Suite struct MemoryLimitTests {
        let id = LambdaFixture.requestID

        @Test func aHandlerAllocatingBuffersPastMemorySizeIsKilled() async throws {
            let began = ContinuousClock.now
            let result = try await LambdaFixture.invoke([
                "index.js": """
                    exports.handler = async () => {
                      console.log('pid', process.pid);
                      const kept = [];
                      for (;;) {
                        kept.push(Buffer.alloc(8 * 1024 * 1024, 1));
                        await new Promise((resolve) => setImmediate(resolve));
                      }
                    };
                    """,
            ], LambdaFixture.function(timeout: 30, memorySize: 128))
            print("memory test: wall \(LambdaFixture.seconds(ContinuousClock.now - began)) s")
            #expect(result.functionError == "Unhandled")
            #expect(result.payloadText == #"{"errorType":"Runtime.OutOfMemory","errorMessage":"RequestId: \#(id) Error: Runtime exited with error: signal: killed"}"#)
            let lines = LambdaFixture.messages(result)
            #expect(lines[lines.count - 2] == "END RequestId: \(id)")
            #expect(lines.last?.matches(#"REPORT RequestId: \#(id)\tDuration: \d+\.\d\d ms\tBilled Duration: \d+ ms\tMemory Size: 128 MB\tMax Memory Used: 128 MB\tInit Duration: \d+\.\d\d ms\tStatus: error\tError Type: Runtime.OutOfMemory"#) == true)
            let line = try #require(lines.first { $0.contains("\tINFO\tpid ") })
            #expect(LambdaFixture.isGoneOrZombie(try #require(Int32(line.split(separator: " ").last ?? ""))))
        }

        @Test func theEnvironmentIsDiscardedAndTheNextInvocationStartsCold() async throws {
            let files = ["index.js": """
                exports.handler = async (event) => {
                  const kept = [];
                  while (event.blowUp) { kept.push(Buffer.alloc(8 * 1024 * 1024, 1)); await new Promise((r) => setImmediate(r)); }
                  return 'fine';
                };
                """]
            let (first, second) = try await ExecutionEnvironmentPool.withPool(LambdaFixture.settings()) { pool in
                let function = LambdaFixture.function(timeout: 30), code = LambdaFixture.code(files)
                let a = try await pool.invoke(function, code: code, payload: Array(#"{"blowUp":true}"#.utf8), requestID: id)
                let b = try await pool.invoke(function, code: code, payload: Array("{}".utf8), requestID: "aaaaaaaa-0000-4000-8000-000000000002")
                return (a, b)
            }
            #expect(try LambdaFixture.object(first)["errorType"] == "Runtime.OutOfMemory")
            #expect(second.environment.coldStart && second.payloadText == #""fine""#)
        }
    }
}
