import SimKit
import Testing

/// `LoopbackHTTPServer` on a real socket (port 0, so tests never collide): keep-alive, close,
/// bodies, the bound port, and cancellation ending `run()` with every connection. Every test runs
/// against both modes, which must behave alike.
@Suite struct LoopbackHTTPServerTests {
    /// The handler awaited on the concurrency pool, or called on the event loop.
    enum Mode: CaseIterable, Sendable { case async, sync }

    /// Echoes method, path, one header and the body length; the body back as the response body.
    static let echo: SyncHTTPHandler = { request in
        HTTPResponse(status: request.path.hasPrefix("/missing") ? 404 : 200,
                     headers: [("X-Echo", "\(request.method) \(request.path) \(request.headers["x-test"] ?? "-") \(request.body.count)")],
                     body: request.body)
    }

    /// Binds `echo` in `mode`.
    static func bind(_ mode: Mode, port: Int = 0, maxBodyBytes: Int = 1 << 20) async throws -> LoopbackHTTPServer {
        switch mode {
        case .async: try await LoopbackHTTPServer.bind(port: port, maxBodyBytes: maxBodyBytes, handler: { echo($0) })
        case .sync: try await LoopbackHTTPServer.bind(port: port, maxBodyBytes: maxBodyBytes, syncHandler: echo)
        }
    }

    /// Runs `body` against a server bound on port 0, then cancels `run()` and waits for it.
    func withServer(_ mode: Mode, maxBodyBytes: Int = 1 << 20,
                    _ body: @Sendable @escaping (LoopbackHTTPServer) async throws -> Void) async throws {
        let server = try await Self.bind(mode, maxBodyBytes: maxBodyBytes)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            try await body(server)
            group.cancelAll()
            try await group.waitForAll()
        }
    }

    @Test(arguments: Mode.allCases) func bindsAnEphemeralPortOnLoopback(mode: Mode) async throws {
        try await withServer(mode) { server in
            #expect(server.port > 0)
            #expect(server.url == "http://127.0.0.1:\(server.port)")
        }
    }

    @Test(arguments: Mode.allCases) func keepsTheConnectionAliveAcrossRequests(mode: Mode) async throws {
        try await withServer(mode) { server in
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

    @Test(arguments: Mode.allCases) func closesWhenTheClientAsks(mode: Mode) async throws {
        try await withServer(mode) { server in
            let client = try #require(RawHTTPClient(port: server.port))
            client.send("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            let response = try #require(await client.response())
            #expect(response.headers["connection"] == "close")
            #expect(await client.closedByPeer())
        }
    }

    @Test(arguments: Mode.allCases) func chunkedBodiesArriveWhole(mode: Mode) async throws {
        try await withServer(mode) { server in
            let client = try #require(RawHTTPClient(port: server.port))
            client.send("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n4\r\ndefg\r\n0\r\n\r\n")
            let response = try #require(await client.response())
            #expect(response.body == "abcdefg")
        }
    }

    @Test(arguments: Mode.allCases) func answers100ContinueBeforeTheBody(mode: Mode) async throws {
        try await withServer(mode) { server in
            let client = try #require(RawHTTPClient(port: server.port))
            client.send("POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n")
            #expect(await client.response()?.status == 100)
            client.send("abc")
            let response = try #require(await client.response())
            #expect(response.status == 200)
            #expect(response.body == "abc")
        }
    }

    @Test(arguments: Mode.allCases) func refusesBodiesOverTheLimit(mode: Mode) async throws {
        try await withServer(mode, maxBodyBytes: 8) { server in
            let client = try #require(RawHTTPClient(port: server.port))
            client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 20\r\n\r\n" + String(repeating: "x", count: 20))
            let response = try #require(await client.response())
            #expect(response.status == 413)
            #expect(await client.closedByPeer())
        }
    }

    @Test(arguments: Mode.allCases) func cancellingRunClosesTheListenerAndIdleConnections(mode: Mode) async throws {
        let server = try await Self.bind(mode)
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

    @Test(arguments: Mode.allCases) func aTakenPortIsAWorkbookErrorWithAFix(mode: Mode) async throws {
        let first = try await Self.bind(mode)
        await #expect(throws: WorkbookError.self) {
            _ = try await Self.bind(mode, port: first.port)
        }
        await first.close()
        await #expect(throws: WorkbookError.self) {
            _ = try await Self.bind(mode, port: 70_000)
        }
    }
}
