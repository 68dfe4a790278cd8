import Foundation
@testable import Lambda
import SimKit
import Testing

extension NodeProcessTests {
    /// Deterministic mode: handler timers run on virtual time and jump when nothing else is pending.
    @Suite struct DeterministicTimerTests {
        let id = LambdaFixture.requestID

        @Test func twoOneSecondSleepsTakeTwoVirtualSecondsAndNoRealOnes() async throws {
            let settings = LambdaFixture.deterministicSettings()
            let began = ContinuousClock.now
            let result = try await LambdaFixture.invoke(settings: settings, [
                "index.mjs": """
                    import { setTimeout as sleep } from 'node:timers/promises';
                    import { promisify } from 'node:util';
                    export const handler = async () => {
                      const start = Date.now();
                      await sleep(1000);
                      console.log('after one');
                      await new Promise((resolve) => setTimeout(resolve, 500));
                      await promisify(setTimeout)(500);
                      return { elapsed: Date.now() - start, remaining: 0 };
                    };
                    """,
            ])
            print("deterministic timers test: wall \(LambdaFixture.seconds(ContinuousClock.now - began)) s")
            #expect(result.payloadText == #"{"elapsed":2000,"remaining":0}"#)
            let start = try LambdaFixture.timestamp(result, of: "START ")
            let afterOne = try #require(result.logs.first { $0.message.hasSuffix("\tINFO\tafter one") })
            #expect(afterOne.timestamp - start == 1000)
            #expect(afterOne.message.hasPrefix("2026-07-22T03:52:01.150Z\t\(id)\tINFO\t"))
            // 2000 ms of sleeping plus the modelled overhead; the cold start's init before START.
            #expect(try LambdaFixture.timestamp(result, of: "END ") - start == 2000 + ModelledCosts.invokeOverheadMillis)
            #expect(settings.clock.now() - LambdaFixture.anchor == ModelledCosts.initMillis + 2000 + ModelledCosts.invokeOverheadMillis)
            #expect(LambdaFixture.messages(result).last == "REPORT RequestId: \(id)\tDuration: 2002.00 ms\tBilled Duration: 2152 ms\tMemory Size: 128 MB\tMax Memory Used: 72 MB\tInit Duration: 150.00 ms")
        }

        @Test func longSleepsOnAWarmEnvironmentTakeLittleWallTime() async throws {
            let settings = LambdaFixture.deterministicSettings()
            let files = ["index.js": "exports.handler = async (event) => { for (let i = 0; i < event.sleeps; i++) await new Promise((r) => setTimeout(r, 30000)); return Date.now(); };"]
            let (result, start, wall) = try await ExecutionEnvironmentPool.withPool(settings) { pool in
                let function = LambdaFixture.function(timeout: 300), code = LambdaFixture.code(files)
                _ = try await pool.invoke(function, code: code, payload: Array(#"{"sleeps":0}"#.utf8), requestID: "aaaaaaaa-0000-4000-8000-000000000001")
                let start = settings.clock.now(), began = ContinuousClock.now
                let result = try await pool.invoke(function, code: code, payload: Array(#"{"sleeps":4}"#.utf8), requestID: id)
                return (result, start, ContinuousClock.now - began)
            }
            print("deterministic long sleeps test: wall \(LambdaFixture.seconds(wall)) s for 120 virtual seconds")
            #expect(result.payloadText == String(start + 120_000))
            #expect(settings.clock.now() - start == 120_000 + ModelledCosts.invokeOverheadMillis)
            #expect(wall < .seconds(20))
        }

        @Test func intervalsClearingAndCallbackHandlersFollowVirtualTime() async throws {
            let result = try await LambdaFixture.invoke(settings: LambdaFixture.deterministicSettings(), [
                "index.js": """
                    exports.handler = (event, context, callback) => {
                      const start = Date.now();
                      const ticks = [];
                      let count = 0;
                      const interval = setInterval(() => { ticks.push(Date.now() - start); if (++count === 3) clearInterval(interval); }, 250);
                      const never = setTimeout(() => ticks.push('cleared'), 100);
                      clearTimeout(never);
                      setTimeout(() => ticks.push('unref'), 10).unref();
                      // A callback handler's result waits for the loop to empty: after the last tick.
                      callback(null, { ticks, remaining: context.getRemainingTimeInMillis() });
                    };
                    """,
            ], LambdaFixture.function(runtime: "nodejs20.x"))
            let body = try LambdaFixture.object(result)
            // The unreferenced timer fires on the way to the interval's first tick.
            #expect(body["ticks"] == ["unref", 250, 500, 750])
            #expect(body["remaining"] == 3000)
        }
    }
}
