import NIOCore
import NIOHTTP1

/// The sync mode of `LoopbackHTTPServer`: gathers head, body and end, calls the handler right on
/// the event loop and writes the response with one flush. Behaves as `LoopbackHTTPServer.serve`
/// does (100-continue, the body limit, keep-alive and close), without leaving the loop.
final class SyncHTTPConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let handler: SyncHTTPHandler
    private let limit: Int
    private var pending: PendingRequest?
    /// The last response is on its way and the connection closes after it: read nothing more.
    private var closing = false

    init(handler: @escaping SyncHTTPHandler, limit: Int) {
        self.handler = handler
        self.limit = limit
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !closing else { return }
        switch unwrapInboundIn(data) {
        case .head(let head):
            pending = PendingRequest(head: head)
            if head.expectsContinue {
                context.writeAndFlush(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: .continue))), promise: nil)
            }
        case .body(let buffer):
            guard pending != nil else { return }
            pending?.body.append(contentsOf: buffer.readableBytesView)
            if let request = pending, request.body.count > limit {
                respond(.tooLarge, version: request.head.version, keepAlive: false, context: context)
            }
        case .end:
            guard let request = pending else { return }
            pending = nil
            respond(handler(request.message), version: request.head.version, keepAlive: request.head.isKeepAlive, context: context)
        }
    }

    /// Errors end this connection only (a malformed request was already answered 400 by NIO's
    /// `HTTPServerProtocolErrorHandler`, ahead of this handler).
    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        closing = true
        context.close(promise: nil)
    }

    private func respond(_ response: HTTPResponse, version: HTTPVersion, keepAlive: Bool, context: ChannelHandlerContext) {
        let parts = response.parts(version: version, keepAlive: keepAlive)
        for part in parts.dropLast() { context.write(wrapOutboundOut(part), promise: nil) }
        guard !keepAlive else { return context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil) }
        closing = true
        // Closed once written: closing at once could drop a response the socket has not taken yet.
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
    }
}

extension LoopbackHTTPServer {
    /// The lifetime of a sync-mode connection: starts reading it, waits until it closes, and
    /// closes it when `run()` ends (the connection task is cancelled).
    static func untilClosed(_ channel: any Channel) async {
        await withTaskCancellationHandler {
            channel.setOption(.autoRead, value: true).whenFailure { _ in channel.close(promise: nil) }
            try? await channel.closeFuture.get()
        } onCancel: {
            channel.close(promise: nil)
        }
    }
}
