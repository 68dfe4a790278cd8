import Lambda
import SimKit
import Testing

/// Invoke's payload check (reference/aws-behavior.md §2.1): JSON or Lambda's
/// InvalidRequestContentException with the Jackson parser's words and position.
struct InvocationPayloadTests {
    private func message(_ text: String) -> String? {
        guard case .failure(let error) = InvocationPayload.validated(Array(text.utf8)) else { return nil }
        #expect(error.code == "InvalidRequestContentException")
        #expect(error.httpStatus == 400)
        let prefix = "Could not parse request body into json: Could not parse payload into json: "
        #expect(error.message.hasPrefix(prefix))
        return String(error.message.dropFirst(prefix.count))
    }

    @Test func jsonPassesAndNothingIsAnEmptyObject() throws {
        #expect(try InvocationPayload.validated(Array(#"{"a":[1,2]}"#.utf8)).get() == Array(#"{"a":[1,2]}"#.utf8))
        #expect(try InvocationPayload.validated(nil).get() == Array("{}".utf8))
        #expect(try InvocationPayload.validated(Array("  \n".utf8)).get() == Array("{}".utf8))
        #expect(try InvocationPayload.validated(Array("\"text\"".utf8)).get() == Array("\"text\"".utf8))
    }

    @Test(arguments: [
        // The recorded case (a real CLI transcript).
        ("Hello World", "Unrecognized token 'Hello': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')\n at [Source: (byte[])\"Hello World\"; line: 1, column: 7]"),
        ("not json", "Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')\n at [Source: (byte[])\"not json\"; line: 1, column: 5]"),
        ("{'a': 1}", "Unexpected character (''' (code 39)): was expecting double-quote to start field name\n at [Source: (byte[])\"{'a': 1}\"; line: 1, column: 3]"),
        ("{\"a\": 1", "Unexpected end-of-input\n at [Source: (byte[])\"{\"a\": 1\"; line: 1, column: 8]"),
    ])
    func malformedPayloadsGetJacksonsMessage(payload: String, expected: String) {
        #expect(message(payload) == expected)
    }
}
