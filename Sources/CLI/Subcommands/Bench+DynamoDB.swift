import Account
import Commands
import Foundation
import SimKit

#if canImport(Glibc)
import Glibc
#endif

/// The DynamoDB cases of `workbook bench` (issue 4's speed numbers): PutItem and GetItem per
/// second in-process on an on-disk account (one transaction per write); PutItem per second
/// through `workbook dynamodb-endpoint` with one keep-alive HTTP client; and boto3 `put_item`
/// against that endpoint and against moto in server mode, timed by one Python script.
struct DynamoDBBench {
    /// A bench step that went wrong (the bench stops; it never reports a number it did not measure).
    static func failure(_ text: String) -> WorkbookError { WorkbookError(LocalizedText(en: "bench dynamodb: \(text)")) }

    var operations = 50_000
    var wirePuts = 20_000
    var botoPuts = 2_000
    var scratch: String
    /// The `workbook` executable that serves the endpoint.
    var executable: String

    /// This process's executable (`/proc/self/exe`), which serves the endpoint.
    static var currentExecutable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// Runs every case and prints one line each.
    func run(_ c: Console) throws {
        try inProcess(c)
        let workspace = "\(scratch)/dynamodb-endpoint"
        try FileManager.default.createDirectory(atPath: workspace, withIntermediateDirectories: true)
        let server = try EndpointProcess(executable: executable, workspace: workspace)
        defer { server.stop() }
        try wire(server.port, c)
        try boto3VersusMoto(server.url, c)
    }

    /// A small item like the sprint's: a string key, a title and a number (item `n`).
    static func item(_ n: Int) -> JSON {
        ["id": ["S": .string("item-\(n)")], "title": ["S": .string("learning serverless, part \(n % 100)")], "count": ["N": .string(String(n))]]
    }

    static let createTable: JSON = [
        "TableName": "bench", "BillingMode": "PAY_PER_REQUEST",
        "KeySchema": [["AttributeName": "id", "KeyType": "HASH"]],
        "AttributeDefinitions": [["AttributeName": "id", "AttributeType": "S"]],
    ]

    /// PutItem then GetItem through `Account.dynamodb`, on an account in a SQLite file: `rounds`
    /// rounds, each on a new account file, then the median round and the range. (One round on a
    /// shared 2-core VM can be a quarter off; the median of several is the number to quote.)
    func inProcess(_ c: Console, rounds: Int = 3) throws {
        var puts: [Double] = [], gets: [Double] = []
        for round in 1...max(1, rounds) {
            let (put, get) = try inProcessRound(file: "\(scratch)/dynamodb-bench-\(round).sqlite")
            puts.append(put.rate)
            gets.append(get.rate)
            if rounds > 1 {
                c.out(Bench.line("  round \(round)", String(format: "%10.0f puts/s (CPU %.1f µs/put) %8.0f gets/s (CPU %.1f µs/get)",
                                                           put.rate, put.cpuMicroseconds, get.rate, get.cpuMicroseconds)))
            }
        }
        c.out(Bench.line("dynamodb PutItem, in-process, on disk", Self.summary(puts, "puts", count: operations)))
        c.out(Bench.line("dynamodb GetItem, in-process, on disk", Self.summary(gets, "gets", count: operations)))
    }

    /// "median/s (min–max, n rounds of k)".
    static func summary(_ rates: [Double], _ unit: String, count: Int) -> String {
        let sorted = rates.sorted()
        let median = sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        return String(format: "%10.0f \(unit)/s  (median; %.0f–%.0f over %d rounds of %d)", median, sorted.first ?? 0, sorted.last ?? 0, sorted.count, count)
    }

    /// Operations per wall second, and CPU microseconds per operation.
    struct Rate {
        var rate: Double
        var cpuMicroseconds: Double

        init(_ count: Int, _ time: (wall: Double, cpu: Double)) {
            rate = Double(count) / time.wall
            cpuMicroseconds = time.cpu * 1e6 / Double(count)
        }
    }

    /// One round: `operations` puts, then as many gets, each one transaction.
    func inProcessRound(file: String) throws -> (puts: Rate, gets: Rate) {
        let account = try Account.fresh(at: file, date: TimeFormat.instant(year: 2026, month: 11, day: 1), seed: 1)
        _ = try account.dynamodb("CreateTable", Self.createTable).get()
        let puts = (0..<operations).map { n -> JSON in ["TableName": "bench", "Item": Self.item(n)] }
        let put = try Bench.timed {
            for request in puts { _ = try account.dynamodb("PutItem", request).get() }
        }
        let gets = (0..<operations).map { n -> JSON in ["TableName": "bench", "Key": ["id": ["S": .string("item-\(n)")]]] }
        var found = 0
        let get = try Bench.timed {
            for request in gets where try account.dynamodb("GetItem", request).get()["Item"] != nil { found += 1 }
        }
        guard found == operations else { throw DynamoDBBench.failure("GetItem found \(found) of \(operations) items") }
        return (Rate(operations, put), Rate(operations, get))
    }

    /// PutItem over HTTP/1.1 keep-alive, one request at a time, against the endpoint process.
    func wire(_ port: Int, _ c: Console) throws {
        let client = try KeepAliveHTTPClient(port: port)
        defer { client.close() }
        func call(_ operation: String, _ body: [UInt8]) throws {
            let (status, answer) = try client.post(target: "DynamoDB_20120810.\(operation)", body: body)
            guard status == 200 else { throw DynamoDBBench.failure("\(operation) answered \(status): \(String(decoding: answer, as: UTF8.self))") }
        }
        try call("CreateTable", Array(Self.createTable.serialized(.compact).utf8))
        // Serialized before the clock starts, as the in-process case builds its requests first:
        // the number is the endpoint's, not the bench client's JSON writer's.
        let bodies = (0..<wirePuts).map { n in Array(JSON.object(["TableName": "bench", "Item": Self.item(n)]).serialized(.compact).utf8) }
        for body in bodies.prefix(200) { try call("PutItem", body) }  // warm-up
        let seconds = try Bench.seconds { for body in bodies { try call("PutItem", body) } }
        c.out(Bench.line("dynamodb PutItem, wire, 1 keep-alive client", rate(wirePuts, seconds, "puts")))
    }

    /// boto3 `put_item` against our endpoint and against moto's server, in one Python run.
    func boto3VersusMoto(_ url: String, _ c: Console) throws {
        let script = "\(scratch)/boto3_vs_moto.py"
        try Self.pythonScript.write(toFile: script, atomically: true, encoding: .utf8)
        let output = try Self.capture("/usr/bin/env", ["python3", script, url, String(botoPuts)], in: scratch)
        guard let result = try? JSONParser.parse(output), let ours = result["ours"]?.doubleValue, let moto = result["moto"]?.doubleValue else {
            c.out(Bench.line("boto3 put_item, workbook vs moto", "skipped: \(output.trimmingCharacters(in: .whitespacesAndNewlines))"))
            return
        }
        c.out(Bench.line("boto3 put_item, workbook endpoint", String(format: "%10.0f puts/s  (%d puts)", ours, botoPuts)))
        c.out(Bench.line("boto3 put_item, moto server", String(format: "%10.0f puts/s  (%d puts)", moto, botoPuts)))
        c.out(Bench.line("boto3 put_item, workbook / moto", String(format: "%10.2f ×", ours / moto)))
    }

    func rate(_ count: Int, _ seconds: Double, _ unit: String) -> String {
        String(format: "%10.0f \(unit)/s  (%d in %.2f s)", Double(count) / seconds, count, seconds)
    }



    /// Runs a process to the end; its stdout, or its stderr when it failed.
    static func capture(_ executable: String, _ arguments: [String], in directory: String) throws -> String {
        let run = try ChildProcess.run(executable, arguments, in: directory)
        return run.exitCode == 0 ? run.stdoutText : run.stderrText
    }

    /// Times `n` boto3 puts against each endpoint with the same client settings, in alternating
    /// rounds; prints one JSON line. moto runs as `python3 -m moto.server` in its own process, as the differential test
    /// starts it (and is SIGKILLed: it ignores SIGTERM without a terminal).
    static let pythonScript = #"""
        import json, socket, subprocess, sys, time

        def main():
            url, n = sys.argv[1], int(sys.argv[2])
            try:
                import boto3
                from botocore.config import Config
                import moto.server  # noqa: F401
            except ImportError as error:
                print("needs boto3 and moto[server] (pip install 'moto[server]'): %s" % error)
                return
            def client(endpoint):
                made = boto3.client("dynamodb", endpoint_url=endpoint, region_name="ap-northeast-2",
                                    aws_access_key_id="bench", aws_secret_access_key="bench",
                                    config=Config(retries={"max_attempts": 1}))
                made.create_table(TableName="boto-bench", BillingMode="PAY_PER_REQUEST",
                                  KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
                                  AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}])
                return made
            def put(made, i):
                made.put_item(TableName="boto-bench", Item={"id": {"S": "item-%d" % i},
                              "title": {"S": "learning serverless, part %d" % (i % 100)}, "count": {"N": str(i)}})
            def timed(made, first, count):
                start = time.perf_counter()
                for i in range(first, first + count):
                    put(made, i)
                return time.perf_counter() - start
            probe = socket.socket()
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
            probe.close()
            moto = subprocess.Popen([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            try:
                deadline = time.time() + 60
                while True:
                    try:
                        socket.create_connection(("127.0.0.1", port), timeout=1).close()
                        break
                    except OSError:
                        if time.time() > deadline:
                            print("moto server did not start")
                            return
                        time.sleep(0.1)
                clients = [client(url), client("http://127.0.0.1:%d" % port)]
                for made in clients:
                    timed(made, 0, 100)  # warm-up
                # Ten alternating rounds, so a change in the machine's load falls on both alike.
                seconds, rounds = [0.0, 0.0], 10
                for r in range(rounds):
                    for side, made in enumerate(clients):
                        seconds[side] += timed(made, r * n // rounds, n // rounds)
                ours, theirs = (rounds * (n // rounds)) / seconds[0], (rounds * (n // rounds)) / seconds[1]
            finally:
                moto.kill()
                moto.wait()
            print(json.dumps({"ours": ours, "moto": theirs}))

        main()
        """#
}

/// `workbook dynamodb-endpoint --port 0` on a workspace, as a learner runs it; stopped with SIGINT.
final class EndpointProcess {
    let process = Process()
    let url: String
    let port: Int

    init(executable: String, workspace: String) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--workspace", workspace, "dynamodb-endpoint", "--port", "0"]
        process.currentDirectoryURL = URL(fileURLWithPath: workspace)
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var text = Data()
        while !text.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text.append(chunk)
        }
        url = String(decoding: text, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let port = url.split(separator: ":").last.flatMap({ Int($0) }) else {
            process.terminate()
            process.waitUntilExit()
            throw DynamoDBBench.failure("the endpoint printed no URL (\(url))")
        }
        self.port = port
    }

    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGINT) }
        process.waitUntilExit()
    }
}

/// A minimal HTTP/1.1 client over one blocking socket: POSTs a body, reads one
/// `Content-Length` response, keeps the connection open for the next request.
final class KeepAliveHTTPClient {
    private let fd: Int32
    private var buffer: [UInt8] = []
    private var chunk = [UInt8](repeating: 0, count: 65_536)

    init(port: Int) throws {
        guard let connected = LoopbackSocket.connect(port: port) else { throw DynamoDBBench.failure("cannot connect to 127.0.0.1:\(port)") }
        fd = connected
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
    }

    /// One DynamoDB call: the status and the body.
    func post(target: String, body: [UInt8]) throws -> (status: Int, body: [UInt8]) {
        let head = "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.0\r\n"
            + "X-Amz-Target: \(target)\r\nContent-Length: \(body.count)\r\n\r\n"
        try send(Array(head.utf8) + body)
        return try receive()
    }

    func close() { Glibc.close(fd) }

    private func send(_ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw DynamoDBBench.failure("send failed (errno \(errno))") }
            sent += n
        }
    }

    /// One response: the head parsed as bytes (no `String` per line), its end searched only in
    /// what arrived since the last look.
    private func receive() throws -> (status: Int, body: [UInt8]) {
        var searched = 0
        var head: (end: Int, status: Int, length: Int)?
        while true {
            if head == nil, let end = Self.find([13, 10, 13, 10], in: buffer, from: max(0, searched - 3)) {
                head = (end + 4, Self.status(buffer), Self.contentLength(buffer[..<end]))
            }
            searched = buffer.count
            if let head, buffer.count >= head.end + head.length {
                let body = Array(buffer[head.end..<head.end + head.length])
                buffer.removeFirst(head.end + head.length)
                return (head.status, body)
            }
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard n > 0 else { throw DynamoDBBench.failure("connection closed (errno \(errno))") }
            buffer.append(contentsOf: chunk[..<n])
        }
    }

    /// The status code of `HTTP/1.1 200 OK`: the three digits after the first space.
    static func status(_ head: [UInt8]) -> Int {
        guard let space = head.firstIndex(of: 32), head.count >= space + 4 else { return 0 }
        return head[space + 1..<space + 4].reduce(0) { $0 * 10 + Int($1) - 48 }
    }

    /// The `Content-Length` of a response head (any letter case), 0 when absent.
    static func contentLength(_ head: ArraySlice<UInt8>) -> Int {
        let name = Array("\r\ncontent-length:".utf8)
        var i = head.startIndex
        while i + name.count <= head.endIndex {
            if zip(head[i..<i + name.count], name).allSatisfy({ ((65...90).contains($0) ? $0 | 0x20 : $0) == $1 }) {
                let digits = head[(i + name.count)...].drop { $0 == 32 }.prefix { (48...57).contains($0) }
                return digits.reduce(0) { $0 * 10 + Int($1) - 48 }
            }
            i += 1
        }
        return 0
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int = 0) -> Int? {
        guard haystack.count - start >= needle.count else { return nil }
        return (start...(haystack.count - needle.count)).first { i in haystack[i..<i + needle.count].elementsEqual(needle) }
    }

}
