import Foundation
@testable import Lambda
import SimKit
import Testing

extension NodeProcessTests {
    /// A grandchild left running in the background never outlives its environment.
    @Suite struct OrphanReapingTests {
        static let spawnOrphan = """
            const { execSync } = require('child_process');
            const orphan = () => Number(execSync("sh -c 'sleep 300 > /dev/null 2>&1 & echo $!'").toString().trim());
            """

        @Test func aBackgroundSleepIsKilledWhenTheEnvironmentIsDisposed() async throws {
            let result = try await LambdaFixture.invoke(["index.js": Self.spawnOrphan + "exports.handler = async () => orphan();"])
            let pid = try #require(Int32(result.payloadText))
            #expect(pid > 0)
            #expect(LambdaFixture.isGoneOrZombie(pid))
        }

        @Test func itIsKilledEvenWhenTheRuntimeExitedFirst() async throws {
            let result = try await LambdaFixture.invoke([
                "index.js": Self.spawnOrphan + "exports.handler = async () => { console.log('orphan', orphan()); process.exit(1); };",
            ], LambdaFixture.function(timeout: 60))
            #expect(try LambdaFixture.object(result)["errorType"] == "Runtime.ExitError")
            let line = try #require(LambdaFixture.messages(result).first { $0.contains("\tINFO\torphan ") })
            let pid = try #require(Int32(line.split(separator: " ").last ?? ""))
            #expect(LambdaFixture.isGoneOrZombie(pid))
        }
    }
}
