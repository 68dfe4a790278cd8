import NIOCore
import NIOHTTP1

// What both modes of `LoopbackHTTPServer` share, so they answer byte for byte alike.

/// A request whose head has arrived and whose body is still coming.
struct PendingRequest {
    let head: HTTPRequestHead
    var body: [UInt8] = []

    var message: HTTPRequest {
        HTTPRequest(method: head.method.rawValue, path: head.uri,
                    headers: HTTPFields(head.headers.map { ($0.name, $0.value) }), body: body)
    }
}

extension HTTPRequestHead {
    /// `Expect: 100-continue`: the client waits for a `100 Continue` before sending the body.
    var expectsContinue: Bool { headers["expect"].first?.lowercased() == "100-continue" }
}

extension HTTPResponse {
    /// The answer to a body over `LoopbackHTTPServer.maxBodyBytes`; the connection closes after it.
    static var tooLarge: HTTPResponse { HTTPResponse(status: 413) }

    /// Head, body and end: `Content-Length` always; `Connection: close` when the connection ends
    /// after this response, `keep-alive` for a 1.0 client whose connection stays.
    func parts(version: HTTPVersion, keepAlive: Bool) -> [HTTPServerResponsePart] {
        var fields = HTTPHeaders(headers.fields.map { ($0.name, $0.value) })
        fields.replaceOrAdd(name: "Content-Length", value: String(body.count))
        if !keepAlive {
            fields.replaceOrAdd(name: "Connection", value: "close")
        } else if version.major == 1, version.minor == 0 {
            fields.replaceOrAdd(name: "Connection", value: "keep-alive")
        }
        let head = HTTPResponseHead(version: version, status: HTTPResponseStatus(statusCode: status), headers: fields)
        var parts: [HTTPServerResponsePart] = [.head(head)]
        if !body.isEmpty { parts.append(.body(.byteBuffer(ByteBuffer(bytes: body)))) }
        parts.append(.end(nil))
        return parts
    }
}
