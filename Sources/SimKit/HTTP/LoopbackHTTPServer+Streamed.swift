import NIOCore
import NIOHTTP1

/// The async mode: a connection's parts as an async sequence, the handler awaited between them.
extension LoopbackHTTPServer {
    /// One connection: requests in order until the client closes, asks to close, or we stop.
    /// Errors end this connection only, never the server.
    static func serve(_ connection: Connection, limit: Int, handler: HTTPHandler) async {
        try? await connection.executeThenClose { inbound, outbound in
            var pending: PendingRequest?
            for try await part in inbound {
                switch part {
                case .head(let head):
                    pending = PendingRequest(head: head)
                    if head.expectsContinue {
                        try await outbound.write(.head(HTTPResponseHead(version: head.version, status: .continue)))
                    }
                case .body(let buffer):
                    guard pending != nil else { continue }
                    pending?.body.append(contentsOf: buffer.readableBytesView)
                    if (pending?.body.count ?? 0) > limit {
                        try await write(.tooLarge, to: outbound, version: pending!.head.version, keepAlive: false)
                        return
                    }
                case .end:
                    guard let request = pending else { continue }
                    pending = nil
                    let response = await handler(request.message)
                    try await write(response, to: outbound, version: request.head.version, keepAlive: request.head.isKeepAlive)
                    if !request.head.isKeepAlive { return }
                }
            }
        }
    }

    /// Writes head, body and end in one flush.
    static func write(_ response: HTTPResponse, to outbound: NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>,
                      version: HTTPVersion, keepAlive: Bool) async throws {
        try await outbound.write(contentsOf: response.parts(version: version, keepAlive: keepAlive))
    }
}
