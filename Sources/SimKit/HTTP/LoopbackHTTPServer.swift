import NIOCore
import NIOHTTP1
import NIOPosix

/// Answers one whole request. Never throws: a failure is a response (AWS errors are data).
public typealias HTTPHandler = @Sendable (HTTPRequest) async -> HTTPResponse

/// `HTTPHandler` for work that never waits (a SQLite transaction, a lookup): it runs on the
/// connection's event loop, so it must not block on anything another request would provide.
public typealias SyncHTTPHandler = @Sendable (HTTPRequest) -> HTTPResponse

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
/// each one belongs to a child task of one `withThrowingDiscardingTaskGroup`, so cancelling
/// `run()` ends every connection before it returns (STYLE.md rule 10). A bound server that is
/// never run holds its socket until `close()`.
///
/// Two modes, same HTTP behaviour: an `HTTPHandler` is awaited on the concurrency pool (it may
/// wait, as the Runtime API's long poll does); a `SyncHTTPHandler` is called on the event loop
/// (`SyncHTTPConnectionHandler`), which saves the several loop ↔ pool hops per request.
public struct LoopbackHTTPServer: Sendable {
    typealias Connection = NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>

    /// An accepted connection, as its mode serves it.
    enum Accepted: Sendable {
        /// Served by `serve(_:limit:handler:)` in its connection task.
        case streamed(Connection, HTTPHandler)
        /// Served by the pipeline's `SyncHTTPConnectionHandler`; its task only owns its lifetime.
        case handled(any Channel)
    }

    /// The only address the server listens on: nothing of the simulated account leaves the machine.
    public static let host = "127.0.0.1"

    /// One event loop for servers whose synchronous handlers wait on SQLite (the DynamoDB
    /// endpoint handlers call): on the shared group they would hold up the Runtime API of the
    /// environments whose connections share their loop. Lives as long as the process, as NIO's
    /// singleton does.
    public static let blockingHandlerLoop: any EventLoopGroup = MultiThreadedEventLoopGroup(numberOfThreads: 1)

    /// The bound TCP port (the kernel's choice when bound with port 0).
    public let port: Int
    /// Larger request bodies are answered 413 and the connection closed (DynamoDB's 16 MiB).
    public let maxBodyBytes: Int
    private let listener: NIOAsyncChannel<Accepted, Never>

    private init(port: Int, maxBodyBytes: Int, listener: NIOAsyncChannel<Accepted, Never>) {
        self.port = port
        self.maxBodyBytes = maxBodyBytes
        self.listener = listener
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
        try await bind(port: port, maxBodyBytes: maxBodyBytes, group: group, inOrderAnswers: false) { channel in
            .streamed(try Connection(wrappingChannelSynchronously: channel), handler)
        }
    }

    /// `bind(port:maxBodyBytes:group:handler:)` with a handler called on the connection's event
    /// loop: for handlers that never wait, at a fraction of the per-request cost.
    public static func bind(port: Int = 0, maxBodyBytes: Int = 16 * 1024 * 1024,
                            group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
                            syncHandler: @escaping SyncHTTPHandler) async throws -> LoopbackHTTPServer {
        try await bind(port: port, maxBodyBytes: maxBodyBytes, group: group, inOrderAnswers: true) { channel in
            // Not read until `run()` takes the connection: like a streamed one waiting in the
            // accept stream, no request is answered by a server that is not running.
            try channel.syncOptions?.setOption(.autoRead, value: false)
            try channel.pipeline.syncOperations.addHandler(SyncHTTPConnectionHandler(handler: syncHandler, limit: maxBodyBytes))
            return .handled(channel)
        }
    }

    /// Binds with `accepted` completing each connection's pipeline, on its event loop.
    ///
    /// `inOrderAnswers`: the handler answers each request before the next is read (the sync
    /// mode), so NIO's pipelining assistance has nothing to order; and the headers it writes are
    /// the workbook's own constants, so the outbound header validator is skipped too (together
    /// about a tenth of a DynamoDB call's server time, perf).
    private static func bind(port: Int, maxBodyBytes: Int, group: any EventLoopGroup, inOrderAnswers: Bool,
                             accepted: @escaping @Sendable (any Channel) throws -> Accepted) async throws -> LoopbackHTTPServer {
        guard (0...65_535).contains(port) else { throw LoopbackHTTPServer.portOutOfRange(port) }
        let listener: NIOAsyncChannel<Accepted, Never>
        do {
            listener = try await ServerBootstrap(group: group)
                .serverChannelOption(.backlog, value: 256)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
                .bind(host: host, port: port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.configureHTTPServerPipeline(
                            withPipeliningAssistance: !inOrderAnswers, withErrorHandling: true,
                            withOutboundHeaderValidation: !inOrderAnswers)
                        return try accepted(channel)
                    }
                }
        } catch let error as IOError {
            throw LoopbackHTTPServer.bindFailed(port: port, reason: error.description)
        }
        let bound = listener.channel.localAddress?.port ?? port
        return LoopbackHTTPServer(port: bound, maxBodyBytes: maxBodyBytes, listener: listener)
    }

    /// Serves until the calling task is cancelled, then closes the socket and every connection.
    ///
    /// Returns normally on cancellation; throws only if the listening socket itself fails.
    public func run() async throws {
        let listener = self.listener, limit = maxBodyBytes
        // Why one unstructured Task (never detached, always awaited before `run` returns): NIO
        // drops the connections still buffered in an accept stream whose task is cancelled, and
        // traps on their unfinished writers. So cancellation closes the socket instead; the accept
        // loop, outside the cancelled task, takes what was already accepted, then cancels the
        // connection tasks and waits for them (STYLE.md rule 10: nothing outlives `run`).
        let acceptor = Task { try await Self.accept(listener, limit: limit) }
        try await withTaskCancellationHandler {
            try await acceptor.value
        } onCancel: {
            listener.channel.close(promise: nil)
        }
    }

    /// The accept loop: one child task per connection, all ended once the listener closes.
    static func accept(_ listener: NIOAsyncChannel<Accepted, Never>, limit: Int) async throws {
        try await listener.executeThenClose { inbound in
            try await withThrowingDiscardingTaskGroup { group in
                for try await connection in inbound {
                    switch connection {
                    case .streamed(let connection, let handler):
                        group.addTask { await Self.serve(connection, limit: limit, handler: handler) }
                    case .handled(let channel):
                        group.addTask { await Self.untilClosed(channel) }
                    }
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
}
