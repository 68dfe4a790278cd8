import SimKit
import Testing

/// `LoopbackHTTPServer` on a real socket (port 0, so tests never collide): keep-alive, close,
/// bodies, the bound port, and cancellation ending `run()` with every connection.
@Suite struct LoopbackHTTPServerTests {
    /// Echoes method, path, one header and the body length; the body back as the response body.
    static let echo: HTTPHandler = { request in
        HTTPResponse(status: request.path.hasPrefix("/missing") ? 404 : 200,
                     headers: [("X-Echo", "\(request.method) \(request.path) \(request.headers["x-test"] ?? "-") \(request.body.count)")],
                     body: request.body)
    }

    /// Runs `body` against a server bound on port 0, then cancels `run()` and waits for it.
    func withServer(_ handler: @escaping HTTPHandler = echo, maxBodyBytes: Int = 1 << 20,
                    _ body: @Sendable @escaping (LoopbackHTTPServer) async throws -> Void) async throws {
        let server = try await LoopbackHTTPServer.bind(port: 0, maxBodyBytes: maxBodyBytes, handler: handler)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            try await body(server)
            group.cancelAll()
            try await group.waitForAll()
        }
    }

    @Test func bindsAnEphemeralPortOnLoopback() async throws {
        try await withServer { server in
            #expect(server.port > 0)
            #expect(server.url == "http://127.0.0.1:\(server.port)")
        }
    }

    @Test func keepsTheConnectionAliveAcrossRequests() async throws {
        try await withServer { server in
            let client = try #require(RawHTTPClient(port: server.port))
            client.send("POST /a HTTP/1.1\r\nHost: x\r\nX-Test: one\r\nContent-Length: 5\r\n\r\nhello")
            let first = try #require(await client.response())
            #expect(first.status == 200)
            #expect(first.body == "hello")
            #expect(first.headers["x-echo"] == "POST /a one 5")
            #expect(first.headers["connection"] == nil)
            client.send("GET /missing?x=1 HTTP/1.1\r\nHost: x\r\n\r\n")
            let second = try #require(await client.response())
            #expect(second.status == 404)
            #expect(second.headers["x-echo"] == "GET /missing?x=1 - 0")
            #expect(second.headers["content-length"] == "0")
        }
    }

    @Test func closesWhenTheClientAsks() async throws {
        try await withServer { server in
            let client = try #require(RawHTTPClient(port: server.port))
            client.send("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            let response = try #require(await client.response())
            #expect(response.headers["connection"] == "close")
            #expect(await client.closedByPeer())
        }
    }

    @Test func chunkedBodiesArriveWhole() async throws {
        try await withServer { server in
            let client = try #require(RawHTTPClient(port: server.port))
            client.send("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n4\r\ndefg\r\n0\r\n\r\n")
            let response = try #require(await client.response())
            #expect(response.body == "abcdefg")
        }
    }

    @Test func refusesBodiesOverTheLimit() async throws {
        try await withServer(maxBodyBytes: 8) { server in
            let client = try #require(RawHTTPClient(port: server.port))
            client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 20\r\n\r\n" + String(repeating: "x", count: 20))
            let response = try #require(await client.response())
            #expect(response.status == 413)
            #expect(await client.closedByPeer())
        }
    }

    @Test func cancellingRunClosesTheListenerAndIdleConnections() async throws {
        let server = try await LoopbackHTTPServer.bind(port: 0, handler: Self.echo)
        let port = server.port
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            let idle = try #require(RawHTTPClient(port: port))
            idle.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(await idle.response()?.status == 200)
            group.cancelAll()
            try await group.waitForAll()
            #expect(await idle.closedByPeer(), "an idle keep-alive connection ends with the server")
        }
        #expect(RawHTTPClient(port: port) == nil, "nothing listens after run() returned")
    }

    @Test func aTakenPortIsAWorkbookErrorWithAFix() async throws {
        let first = try await LoopbackHTTPServer.bind(port: 0, handler: Self.echo)
        await #expect(throws: WorkbookError.self) {
            _ = try await LoopbackHTTPServer.bind(port: first.port, handler: Self.echo)
        }
        await first.close()
        await #expect(throws: WorkbookError.self) {
            _ = try await LoopbackHTTPServer.bind(port: 70_000, handler: Self.echo)
        }
    }
}
