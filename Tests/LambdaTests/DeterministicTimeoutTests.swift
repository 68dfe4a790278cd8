import Foundation
@testable import Lambda
import SimKit
import Testing

extension NodeProcessTests {
    /// Deterministic mode: the function's Timeout is on the virtual clock, so a handler that sleeps
    /// (or waits for nothing at all) times out at exactly its deadline without waiting real seconds.
    @Suite struct DeterministicTimeoutTests {
        let id = LambdaFixture.requestID
        static let sleeper = ["index.js": """
            exports.handler = async (event) => {
              console.log('sleeping');
              if (event.sleep) await new Promise((resolve) => setTimeout(resolve, event.sleep));
              if (event.forever) await new Promise(() => {});
              return 'awake';
            };
            """]

        /// A warm-up invocation (the cold start's wall time depends on the machine's load), then
        /// `payload` under `id`: the result, the clock's move and the wall time of that invocation.
        func warmInvoke(_ payload: String, timeout: Int) async throws -> (InvocationResult, EpochMillis, Duration) {
            let settings = LambdaFixture.deterministicSettings()
            return try await ExecutionEnvironmentPool.withPool(settings) { pool in
                let function = LambdaFixture.function(timeout: timeout), code = LambdaFixture.code(Self.sleeper)
                _ = try await pool.invoke(function, code: code, payload: Array("{}".utf8), requestID: "aaaaaaaa-0000-4000-8000-000000000001")
                let before = settings.clock.now(), began = ContinuousClock.now
                let result = try await pool.invoke(function, code: code, payload: Array(payload.utf8), requestID: id)
                return (result, settings.clock.now() - before, ContinuousClock.now - began)
            }
        }

        @Test func aSixtySecondSleepTimesOutAfterExactlyThreeVirtualSeconds() async throws {
            let (result, moved, wall) = try await warmInvoke(#"{"sleep":60000}"#, timeout: 3)
            print("deterministic timeout test: wall \(LambdaFixture.seconds(wall)) s for a 60 s sleep under Timeout 3")
            #expect(!result.environment.coldStart)
            #expect(result.functionError == "Unhandled")
            #expect(result.payloadText == #"{"errorType":"Sandbox.Timedout","errorMessage":"RequestId: \#(id) Error: Task timed out after 3.00 seconds"}"#)
            #expect(moved == 3000)
            #expect(try LambdaFixture.timestamp(result, of: "END ") - LambdaFixture.timestamp(result, of: "START ") == 3000)
            #expect(LambdaFixture.messages(result).last == "REPORT RequestId: \(id)\tDuration: 3000.00 ms\tBilled Duration: 3000 ms\tMemory Size: 128 MB\tMax Memory Used: 72 MB\tStatus: timeout")
            #expect(wall < .seconds(20))
        }

        @Test func aColdTimeoutAddsTheModelledInitBeforeStart() async throws {
            let settings = LambdaFixture.deterministicSettings()
            let began = ContinuousClock.now
            let result = try await LambdaFixture.invoke(settings: settings, Self.sleeper, payload: #"{"sleep":60000}"#)
            print("deterministic cold timeout test: wall \(LambdaFixture.seconds(ContinuousClock.now - began)) s")
            #expect(result.environment.coldStart)
            #expect(LambdaFixture.messages(result).last == "REPORT RequestId: \(id)\tDuration: 3000.00 ms\tBilled Duration: 3150 ms\tMemory Size: 128 MB\tMax Memory Used: 72 MB\tInit Duration: 150.00 ms\tStatus: timeout")
            #expect(try LambdaFixture.timestamp(result, of: "INIT_START ") == LambdaFixture.anchor)
            #expect(try LambdaFixture.timestamp(result, of: "START ") == LambdaFixture.anchor + ModelledCosts.initMillis)
            #expect(settings.clock.now() - LambdaFixture.anchor == ModelledCosts.initMillis + 3000)
            // A real 60 s sleep would not fit.
            #expect(ContinuousClock.now - began < .seconds(60))
        }

        /// Nothing pending at all (no timer, no socket): the bootstrap reports itself idle and the
        /// invocation ends at its virtual deadline at once.
        @Test func aPromiseThatNeverSettlesTimesOutAtTheVirtualDeadlinePromptly() async throws {
            let (result, moved, wall) = try await warmInvoke(#"{"forever":true}"#, timeout: 30)
            print("deterministic idle test: wall \(LambdaFixture.seconds(wall)) s under Timeout 30")
            #expect(result.payloadText == #"{"errorType":"Sandbox.Timedout","errorMessage":"RequestId: \#(id) Error: Task timed out after 30.00 seconds"}"#)
            #expect(LambdaFixture.messages(result).last == "REPORT RequestId: \(id)\tDuration: 30000.00 ms\tBilled Duration: 30000 ms\tMemory Size: 128 MB\tMax Memory Used: 72 MB\tStatus: timeout")
            #expect(moved == 30_000)
            #expect(wall < .seconds(20))
        }
    }
}
