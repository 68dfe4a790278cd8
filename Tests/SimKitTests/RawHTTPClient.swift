import Dispatch
import Glibc
import SimKit

/// Status, headers (lowercased names) and body of one response.
typealias RawResponse = (status: Int, headers: [String: String], body: String)

/// A blocking HTTP/1.1 client on one TCP connection, just enough to prove keep-alive and
/// `Connection: close` against `LoopbackHTTPServer` without another HTTP stack in between.
final class RawHTTPClient: @unchecked Sendable {
    // @unchecked: one test owns a client and uses it from one place at a time; reads run on a
    // Dispatch queue only so that blocking never holds a thread of the cooperative pool, which
    // the server under test needs.
    private let socket: Int32
    private var buffer: [UInt8] = []

    /// Connects to 127.0.0.1:`port`; nil when nothing listens there.
    init?(port: Int) {
        guard let fd = LoopbackSocket.connect(port: port) else { return nil }
        // Generous: the server answers on the cooperative pool, which the whole parallel test
        // run shares on two cores; a short timeout turned a busy pool into a false failure.
        var timeout = timeval(tv_sec: 120, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        socket = fd
    }

    deinit { close(socket) }

    /// Sends raw request bytes.
    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, 0) }
    }

    /// Reads one response: status, headers (lowercased names) and a `Content-Length` body.
    func readResponse() -> RawResponse? {
        guard let headEnd = readUntil([13, 10, 13, 10]) else { return nil }
        let head = String(decoding: buffer[..<headEnd], as: UTF8.self)
        buffer.removeFirst(headEnd + 4)
        var lines = head.split(separator: "\r\n").map(String.init)
        let statusLine = lines.removeFirst().split(separator: " ")
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingPrefix(" ").description
        }
        let length = Int(headers["content-length"] ?? "0") ?? 0
        while buffer.count < length { guard fill() else { return nil } }
        let body = String(decoding: buffer[..<length], as: UTF8.self)
        buffer.removeFirst(length)
        return (Int(statusLine[1]) ?? 0, headers, body)
    }

    /// `readResponse()` off the cooperative pool.
    func response() async -> RawResponse? { await offPool { self.readResponse() } }

    /// `isClosedByPeer()` off the cooperative pool.
    func closedByPeer() async -> Bool { await offPool { self.isClosedByPeer() } }

    private func offPool<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: body()) }
        }
    }

    /// True when the server has closed the connection (EOF with nothing left to read).
    func isClosedByPeer() -> Bool { buffer.isEmpty && !fill() }

    private func readUntil(_ marker: [UInt8]) -> Int? {
        while true {
            if buffer.count >= marker.count {
                for start in 0...(buffer.count - marker.count) where Array(buffer[start..<start + marker.count]) == marker {
                    return start
                }
            }
            guard fill() else { return nil }
        }
    }

    private func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 4096)
        let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return false }
        buffer += chunk[..<count]
        return true
    }
}
