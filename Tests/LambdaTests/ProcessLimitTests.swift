import Foundation
@testable import Lambda
import SimKit
import Testing

extension NodeProcessTests {
    /// A handler that starts processes in a loop is stopped at `SandboxLimits.maxProcesses`: the
    /// group is killed and the invocation fails as a runtime exit, without hanging the workbook.
    @Suite struct ProcessLimitTests {
        let id = LambdaFixture.requestID

        @Test func aSpawnLoopIsKilledAsARuntimeExit() async throws {
            let began = ContinuousClock.now
            let result = try await LambdaFixture.invoke([
                "index.js": """
                    const { spawn } = require('child_process');
                    exports.handler = async () => {
                      for (let i = 0; i < 1000; i++) {
                        const child = spawn('sleep', ['30'], { stdio: 'ignore' });
                        console.log('spawned', child.pid);
                        await new Promise((resolve) => setImmediate(resolve));
                      }
                      return 'survived';
                    };
                    """,
            ], LambdaFixture.function(timeout: 60))
            print("process limit test: wall \(LambdaFixture.seconds(ContinuousClock.now - began)) s")
            #expect(result.payloadText == #"{"errorType":"Runtime.ExitError","errorMessage":"RequestId: \#(id) Error: Runtime exited with error: signal: killed"}"#)
            let lines = LambdaFixture.messages(result)
            #expect(lines.last?.hasSuffix("\tStatus: error\tError Type: Runtime.ExitError") == true)
            let pids = lines.compactMap { $0.contains("\tINFO\tspawned ") ? Int32($0.split(separator: " ").last ?? "") : nil }
            #expect(pids.count >= SandboxLimits.lambda.maxProcesses - 1 && pids.count < 1000)
            #expect(pids.allSatisfy(LambdaFixture.isGoneOrZombie))
        }

        /// A shell forking in a loop: far faster than the watch's polling, still stopped within a poll
        /// or two, and nothing of the group is left.
        @Test func aShellForkLoopIsKilledAndLeavesNothingBehind() async throws {
            let began = ContinuousClock.now
            let result = try await LambdaFixture.invoke([
                "index.js": """
                    const { spawn } = require('child_process');
                    exports.handler = async () => {
                      console.log('group', process.pid);
                      spawn('sh', ['-c', 'while :; do sleep 30 & done'], { stdio: 'ignore' });
                      await new Promise((resolve) => setTimeout(resolve, 50000));
                    };
                    """,
            ], LambdaFixture.function(timeout: 60))
            let wall = ContinuousClock.now - began
            print("fork loop test: wall \(LambdaFixture.seconds(wall)) s")
            #expect(result.payloadText == #"{"errorType":"Runtime.ExitError","errorMessage":"RequestId: \#(id) Error: Runtime exited with error: signal: killed"}"#)
            // The payload (signal: killed, not Sandbox.Timedout) shows the process limit ended it; the
            // wall guard only proves nothing hangs (a fully loaded CI machine took 45 s: the fork
            // loop starves the watch of CPU).
            #expect(wall < .seconds(120))
            let line = try #require(LambdaFixture.messages(result).first { $0.contains("\tINFO\tgroup ") })
            let group = try #require(Int32(line.split(separator: " ").last ?? ""))
            let left = (ProcessTable.members(of: [group])[group] ?? []).filter { !LambdaFixture.isGoneOrZombie($0) }
            #expect(left.isEmpty)
        }
    }
}
