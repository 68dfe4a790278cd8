import Foundation
@testable import Lambda
import SimKit
import Testing

extension NodeProcessTests {
    /// Deterministic mode: `Math.random` (and `crypto.randomUUID`) draw from a generator seeded with
    /// the workbook's seed and the request id.
    @Suite struct SeededRandomTests {
        let files = ["index.js": """
            const atInit = Math.random();
            exports.handler = async () => ({ atInit, numbers: [Math.random(), Math.random(), Math.random()], uuid: require('crypto').randomUUID() });
            """]

        func draw(seed: UInt64, requestID: String) async throws -> JSONObject {
            try LambdaFixture.object(try await LambdaFixture.invoke(settings: LambdaFixture.deterministicSettings(seed: seed), files, requestID: requestID))
        }

        @Test func theSameSeedAndRequestIDDrawTheSameNumbersInTwoFreshPools() async throws {
            let first = try await draw(seed: 42, requestID: "aaaaaaaa-0000-4000-8000-000000000001")
            let second = try await draw(seed: 42, requestID: "aaaaaaaa-0000-4000-8000-000000000001")
            #expect(first == second)
            let numbers = try #require(first["numbers"]?.arrayValue)
            #expect(Set(numbers).count == 3)
            #expect(first["uuid"]?.stringValue?.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}") == true)
        }

        @Test func anotherRequestIDOrSeedDrawsOtherNumbers() async throws {
            let first = try await draw(seed: 42, requestID: "aaaaaaaa-0000-4000-8000-000000000001")
            let otherRequest = try await draw(seed: 42, requestID: "aaaaaaaa-0000-4000-8000-000000000002")
            let otherSeed = try await draw(seed: 43, requestID: "aaaaaaaa-0000-4000-8000-000000000001")
            #expect(first["numbers"] != otherRequest["numbers"] && first["uuid"] != otherRequest["uuid"])
            // Init draws from the seed alone: the same for every request id.
            #expect(first["atInit"] == otherRequest["atInit"])
            #expect(first["numbers"] != otherSeed["numbers"] && first["atInit"] != otherSeed["atInit"])
        }
    }
}
