import Foundation
@testable import Lambda
import SimKit
import Testing

extension NodeProcessTests {
    /// On real time, a handler whose promise can never settle lets Node's event loop empty: Lambda
    /// reports that as Runtime.NodeJsExit (reference/aws-behavior.md §2.2), and so do we.
    @Suite struct NodeExitTests {
        @Test func aPromiseThatNeverSettlesIsRuntimeNodeJsExit() async throws {
            let clock = VirtualClock(state: ClockState(mode: .interactive, anchor: LambdaFixture.anchor, wallAnchor: SystemWallClock().now()))
            let settings = ExecutionEnvironmentPool.Settings(region: "ap-northeast-2", clock: clock, ids: IDGenerator(seed: 3), deterministic: false)
            let result = try await LambdaFixture.invoke(settings: settings, [
                "index.js": "exports.handler = () => new Promise(() => {});",
            ], LambdaFixture.function(timeout: 30))
            #expect(result.functionError == "Unhandled")
            #expect(result.payloadText == #"{"errorType":"Runtime.NodeJsExit","errorMessage":"The Lambda runtime client detected an unexpected Node.js exit code. This is most commonly caused by a Promise that was never settled. For more information, see https://nodejs.org/docs/latest/api/process.html#exit-codes"}"#)
            #expect(LambdaFixture.messages(result).last?.hasPrefix("REPORT RequestId: ") == true)
        }
    }
}
