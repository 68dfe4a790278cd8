import Foundation
@testable import Lambda
import SimKit
import Testing

extension NodeProcessTests {
    /// The host's credentials never reach a handler, nor the processes it starts.
    @Suite struct HostSecretTests {
        @Test func aHostSecretAccessKeyIsNotInTheHandlersEnvironment() async throws {
            setenv("AWS_SECRET_ACCESS_KEY", "hostsecret", 1)
            let result = try await LambdaFixture.invoke([
                "index.js": "exports.handler = async () => ({ env: process.env, child: require('child_process').execSync('env').toString() });",
            ])
            let body = try LambdaFixture.object(result)
            let env = try #require(body["env"]?.objectValue)
            let secret = try #require(env["AWS_SECRET_ACCESS_KEY"]?.stringValue)
            #expect(secret != "hostsecret" && secret.count == 40)
            #expect(!env.contains { $0.value.stringValue == "hostsecret" })
            #expect(body["child"]?.stringValue?.contains("AWS_SECRET_ACCESS_KEY=\(secret)\n") == true)
            #expect(!result.payloadText.contains("hostsecret"))
        }
    }
}
