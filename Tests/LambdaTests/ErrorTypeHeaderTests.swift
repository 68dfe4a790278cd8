import Foundation
@testable import Lambda
import SimKit
import Testing

extension NodeProcessTests {
    /// An error whose name is not ASCII (a learner's own `class 가격오류 extends Error`) is still the
    /// function's error: the runtime cannot put it in a header, but the payload keeps it.
    @Suite struct ErrorTypeHeaderTests {
        @Test func aNonASCIIErrorNameIsStillAFunctionError() async throws {
            let result = try await LambdaFixture.invoke([
                "index.js": """
                    class PriceError extends Error { constructor(m) { super(m); this.name = '가격오류'; } }
                    exports.handler = async () => { throw new PriceError('음수 가격'); };
                    """,
            ], LambdaFixture.function(timeout: 30))
            #expect(result.functionError == "Unhandled")
            let payload = try LambdaFixture.object(result)
            #expect(payload["errorType"] == "가격오류")
            #expect(payload["errorMessage"] == "음수 가격")
            #expect(!LambdaFixture.messages(result).contains { $0.contains("Status: timeout") })
        }
    }
}
