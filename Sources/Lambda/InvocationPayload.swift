import SimKit

/// The payload of an Invoke request, checked as Lambda's front end checks it: it must be JSON,
/// else 400 `InvalidRequestContentException` with the message of the Java (Jackson) parser behind
/// the service (reference/aws-behavior.md §2.1).
public enum InvocationPayload {
    /// The event bytes the function receives: the payload, or `{}` when none was sent [I: an
    /// empty Invoke body reaches the handler as an empty object].
    public static func validated(_ payload: [UInt8]?) -> Result<[UInt8], AWSError> {
        guard let payload, !payload.allSatisfy(isSpace) else { return .success(Array("{}".utf8)) }
        do {
            _ = try JSONParser.parse(bytes: payload)
            return .success(payload)
        } catch {
            return .failure(AWSError(code: "InvalidRequestContentException",
                                     message: "Could not parse request body into json: Could not parse payload into json: "
                                         + JacksonMessage.describe(payload, failure: error)))
        }
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }
}

/// Jackson's wording for the first syntax error of a document, with its `at [Source: …]` suffix.
///
/// Verified: an unrecognized bare word (`Unrecognized token 'Hello': was expecting (JSON String,
/// Number, Array, Object or token 'null', 'true' or 'false')\n at [Source: (byte[])"Hello World";
/// line: 1, column: 7]`, a real CLI transcript). The other two shapes (end of input, unexpected
/// character) follow Jackson's `ParserMinimalBase` texts [I: not seen from Lambda itself].
enum JacksonMessage {
    static func describe(_ payload: [UInt8], failure: JSONParser.Failure) -> String {
        var index = 0
        while index < payload.count, InvocationPayload.isSpace(payload[index]) { index += 1 }
        if let token = bareWord(in: payload, from: index) {
            return "Unrecognized token '\(token.text)': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')"
                + location(payload, offset: token.end)
        }
        if failure.offset >= payload.count {
            return "Unexpected end-of-input" + location(payload, offset: payload.count)
        }
        let byte = payload[failure.offset]
        let shown = byte < 0x80 ? String(UnicodeScalar(byte)) : "\\u" + String(byte, radix: 16)
        return "Unexpected character ('\(shown)' (code \(byte))): \(expectation(payload, at: failure.offset))"
            + location(payload, offset: failure.offset + 1)
    }

    /// A word of letters where a value starts that is not `true`, `false` or `null` (those fail
    /// later, as characters): its text and the offset just past the character that ended it.
    private static func bareWord(in payload: [UInt8], from start: Int) -> (text: String, end: Int)? {
        var end = start
        while end < payload.count, isWordByte(payload[end]) { end += 1 }
        guard end > start, !(payload[start] >= 0x30 && payload[start] <= 0x39), payload[start] != 0x2D else { return nil }
        let text = String(decoding: payload[start..<end], as: UTF8.self)
        guard !["true", "false", "null"].contains(text) else { return nil }
        // Jackson consumes the character that ended the token before it reports.
        return (text, min(end + 1, payload.count))
    }

    private static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b == 0x24 || b >= 0x80
    }

    /// Inside an object where a name belongs Jackson wants a double quote; elsewhere a value.
    private static func expectation(_ payload: [UInt8], at offset: Int) -> String {
        var i = offset - 1
        while i >= 0, InvocationPayload.isSpace(payload[i]) { i -= 1 }
        if i >= 0, payload[i] == UInt8(ascii: "{") || payload[i] == UInt8(ascii: ",") && insideObject(payload, before: i) {
            return "was expecting double-quote to start field name"
        }
        return "expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')"
    }

    private static func insideObject(_ payload: [UInt8], before offset: Int) -> Bool {
        var depth: [UInt8] = []
        var inString = false
        var escaped = false
        for b in payload[..<offset] {
            if inString {
                if escaped { escaped = false } else if b == 0x5C { escaped = true } else if b == 0x22 { inString = false }
                continue
            }
            switch b {
            case 0x22: inString = true
            case 0x7B, 0x5B: depth.append(b)
            case 0x7D, 0x5D: _ = depth.popLast()
            default: break
            }
        }
        return depth.last == 0x7B
    }

    /// `\n at [Source: (byte[])"<payload>"; line: L, column: C]`, 1-based, as Jackson counts.
    private static func location(_ payload: [UInt8], offset: Int) -> String {
        var line = 1
        var lineStart = 0
        for (i, b) in payload[..<min(offset, payload.count)].enumerated() where b == 0x0A {
            line += 1
            lineStart = i + 1
        }
        let source = String(decoding: payload.prefix(500), as: UTF8.self)
        let truncated = payload.count > 500 ? "[truncated \(payload.count - 500) bytes]" : ""
        return "\n at [Source: (byte[])\"\(source)\"\(truncated); line: \(line), column: \(offset - lineStart + 1)]"
    }
}
