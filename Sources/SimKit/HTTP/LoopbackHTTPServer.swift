import NIOCore
import NIOHTTP1
import NIOPosix

/// Answers one whole request. Never throws: a failure is a response (AWS errors are data).
public typealias HTTPHandler = @Sendable (HTTPRequest) async -> HTTPResponse

/// An HTTP/1.1 server on 127.0.0.1 only (DESIGN.md "Architecture"): the DynamoDB wire endpoint,
/// the Lambda Runtime API and `serve` sit on it.
///
/// Two steps, so a caller learns the port before serving:
/// ```swift
/// let server = try await LoopbackHTTPServer.bind(port: 0) { request in … }
/// print(server.url)
/// try await server.run()          // until the surrounding task is cancelled
/// ```
/// Connections are kept alive (HTTP/1.1 default, or `Connection: keep-alive` from 1.0 clients);
/// each one is served by a child task of one `withThrowingDiscardingTaskGroup`, so cancelling
/// `run()` ends every connection before it returns (STYLE.md rule 10). A bound server that is
/// never run holds its socket until `close()`.
public struct LoopbackHTTPServer: Sendable {
    typealias Connection = NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>

    /// The only address the server listens on: nothing of the simulated account leaves the machine.
    public static let host = "127.0.0.1"

    /// The bound TCP port (the kernel's choice when bound with port 0).
    public let port: Int
    /// Larger request bodies are answered 413 and the connection closed (DynamoDB's 16 MiB).
    public let maxBodyBytes: Int
    private let listener: NIOAsyncChannel<Connection, Never>
    private let handler: HTTPHandler

    private init(port: Int, maxBodyBytes: Int, listener: NIOAsyncChannel<Connection, Never>, handler: @escaping HTTPHandler) {
        self.port = port
        self.maxBodyBytes = maxBodyBytes
        self.listener = listener
        self.handler = handler
    }

    /// `http://127.0.0.1:<port>`.
    public var url: String { "http://\(Self.host):\(port)" }

    /// Binds 127.0.0.1:`port` (0 = an ephemeral port) and returns a server ready to `run()`.
    ///
    /// - Parameters:
    ///   - group: the event loops; NIO's shared group by default (owned by NIO, lives as long as
    ///     the process, so there is nothing to shut down).
    ///   - handler: called once per request, in order per connection.
    /// - Throws: `WorkbookError` when the port is taken or out of range.
    public static func bind(port: Int = 0, maxBodyBytes: Int = 16 * 1024 * 1024,
                            group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
                            handler: @escaping HTTPHandler) async throws -> LoopbackHTTPServer {
        guard (0...65_535).contains(port) else { throw LoopbackHTTPServer.portOutOfRange(port) }
        let listener: NIOAsyncChannel<Connection, Never>
        do {
            listener = try await ServerBootstrap(group: group)
                .serverChannelOption(.backlog, value: 256)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
                .bind(host: host, port: port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                        return try Connection(wrappingChannelSynchronously: channel)
                    }
                }
        } catch let error as IOError {
            throw LoopbackHTTPServer.bindFailed(port: port, reason: error.description)
        }
        let bound = listener.channel.localAddress?.port ?? port
        return LoopbackHTTPServer(port: bound, maxBodyBytes: maxBodyBytes, listener: listener, handler: handler)
    }

    /// Serves until the calling task is cancelled, then closes the socket and every connection.
    ///
    /// Returns normally on cancellation; throws only if the listening socket itself fails.
    public func run() async throws {
        let listener = self.listener, handler = self.handler, limit = maxBodyBytes
        // Why one unstructured Task (never detached, always awaited before `run` returns): NIO
        // drops the connections still buffered in an accept stream whose task is cancelled, and
        // traps on their unfinished writers. So cancellation closes the socket instead; the accept
        // loop, outside the cancelled task, takes what was already accepted, then cancels the
        // connection tasks and waits for them (STYLE.md rule 10: nothing outlives `run`).
        let acceptor = Task { try await Self.accept(listener, limit: limit, handler: handler) }
        try await withTaskCancellationHandler {
            try await acceptor.value
        } onCancel: {
            listener.channel.close(promise: nil)
        }
    }

    /// The accept loop: one child task per connection, all ended once the listener closes.
    static func accept(_ listener: NIOAsyncChannel<Connection, Never>, limit: Int, handler: @escaping HTTPHandler) async throws {
        try await listener.executeThenClose { inbound in
            try await withThrowingDiscardingTaskGroup { group in
                for try await connection in inbound {
                    group.addTask { await Self.serve(connection, limit: limit, handler: handler) }
                }
                // The listener is closed: idle keep-alive connections end too.
                group.cancelAll()
            }
        }
    }

    /// Closes the listening socket of a server that was bound but will not be run.
    public func close() async {
        try? await listener.channel.close()
    }

    /// One connection: requests in order until the client closes, asks to close, or we stop.
    /// Errors end this connection only, never the server.
    static func serve(_ connection: Connection, limit: Int, handler: HTTPHandler) async {
        try? await connection.executeThenClose { inbound, outbound in
            var pending: PendingRequest?
            for try await part in inbound {
                switch part {
                case .head(let head):
                    pending = PendingRequest(head: head)
                    if head.headers["expect"].first?.lowercased() == "100-continue" {
                        try await outbound.write(.head(HTTPResponseHead(version: head.version, status: .continue)))
                    }
                case .body(let buffer):
                    guard pending != nil else { continue }
                    pending?.body.append(contentsOf: buffer.readableBytesView)
                    if (pending?.body.count ?? 0) > limit {
                        try await write(HTTPResponse(status: 413), to: outbound, version: pending!.head.version, keepAlive: false)
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
        var headers = HTTPHeaders(response.headers.fields.map { ($0.name, $0.value) })
        headers.replaceOrAdd(name: "Content-Length", value: String(response.body.count))
        if !keepAlive {
            headers.replaceOrAdd(name: "Connection", value: "close")
        } else if version.major == 1, version.minor == 0 {
            headers.replaceOrAdd(name: "Connection", value: "keep-alive")
        }
        let head = HTTPResponseHead(version: version, status: HTTPResponseStatus(statusCode: response.status), headers: headers)
        var parts: [HTTPServerResponsePart] = [.head(head)]
        if !response.body.isEmpty { parts.append(.body(.byteBuffer(ByteBuffer(bytes: response.body)))) }
        parts.append(.end(nil))
        try await outbound.write(contentsOf: parts)
    }
}

/// A request whose head has arrived and whose body is still coming.
struct PendingRequest {
    let head: HTTPRequestHead
    var body: [UInt8] = []

    var message: HTTPRequest {
        HTTPRequest(method: head.method.rawValue, path: head.uri,
                    headers: HTTPFields(head.headers.map { ($0.name, $0.value) }), body: body)
    }
}
