import Foundation
import Testing
import TestSupport

/// The differential suite of issue 4: the same 100 requests (Fixtures/dynamodb-diff/requests_list.py)
/// sent by botocore to `workbook dynamodb-endpoint` and to moto in server mode, both on
/// 127.0.0.1, compared field by field: HTTP status, `__type`, message and its key, the full body
/// (volatile values masked), content type, CRC and request-id shape. A difference fails the test
/// unless `allowlist.json` lists it with the AWS source that says our answer is AWS's.
///
/// `WORKBOOK_DIFF_OUT=DIR` keeps both recordings and the report in DIR.
@Suite("DynamoDB differential: workbook vs moto", .serialized)
struct DynamoDBDifferentialTests {
    static let folder = Fixtures.folder("dynamodb-diff")
    static let compared = ["status", "type", "message", "messageKey", "body", "rawBody", "contentType", "crc32",
                           "requestId", "clientError"]

    /// One accepted difference: where, what each side answered, and the AWS source for ours.
    struct Allowed: Decodable {
        var step: String
        var field: String
        var ours: AnyJSON?
        var moto: AnyJSON?
        var source: String

        func matches(step: String, field: String, ours: Any?, moto: Any?) -> Bool {
            (self.step == "*" || self.step == step) && self.field == field
                && (self.ours.map { same($0.value, ours) } ?? true) && (self.moto.map { same($0.value, moto) } ?? true)
        }
    }

    @Test func workbookAnswersLikeMotoOrLikeAWS() throws {
        let temp = TempFolder("workbook-e2e-ddb-diff")
        let ours = try record(server: .workbook, into: temp.path)
        let moto = try record(server: .moto, into: temp.path)
        let allowed = try JSONDecoder().decode([Allowed].self, from: Data(contentsOf: URL(fileURLWithPath: "\(Self.folder)/allowlist.json")))
        for entry in allowed { #expect(!entry.source.isEmpty, "allow-list entry without a source: \(entry.step) \(entry.field)") }

        var unexplained: [String] = []
        #expect(ours.count == moto.count && ours.count >= 60, "both recordings have every step")
        for (mine, theirs) in zip(ours.map(Self.comparable), moto.map(Self.comparable)) {
            let step = mine["name"] as? String ?? "?"
            for field in Self.compared where !same(mine[field], theirs[field]) {
                if allowed.contains(where: { $0.matches(step: step, field: field, ours: mine[field], moto: theirs[field]) }) { continue }
                unexplained.append("• \(step) — \(field)\n    workbook: \(render(mine[field]))\n    moto:     \(render(theirs[field]))")
            }
        }
        let report = unexplained.isEmpty ? "no unexplained differences\n" : unexplained.joined(separator: "\n") + "\n"
        if let out = ProcessInfo.processInfo.environment["WORKBOOK_DIFF_OUT"] {
            try report.write(toFile: "\(out)/report.txt", atomically: true, encoding: .utf8)
        }
        #expect(unexplained.isEmpty, "\(unexplained.count) differences not in allowlist.json:\n\(report)")
    }

    /// A step with `__type` and the message taken out of its body: they are compared on their own
    /// (`type`, `message`, `messageKey`), so one wrong namespace is one difference, not two.
    static func comparable(_ step: [String: Any]) -> [String: Any] {
        var step = step
        if var body = step["body"] as? [String: Any] {
            for key in ["__type", "message", "Message"] { body.removeValue(forKey: key) }
            step["body"] = body
        }
        return step
    }

    enum Server { case workbook, moto }

    /// Starts one server, runs the driver against it, stops it, and returns the recorded steps.
    func record(server kind: Server, into directory: String) throws -> [[String: Any]] {
        let name = kind == .workbook ? "workbook" : "moto"
        let url: String
        let server: ChildServer
        switch kind {
        case .workbook:
            let workspace = "\(directory)/workspace"
            try FileManager.default.createDirectory(atPath: workspace, withIntermediateDirectories: true)
            server = try ChildServer.workbook(["dynamodb-endpoint", "--port", "0"], in: workspace)
            url = try #require(server.firstLine(), "the endpoint printed no URL")
        case .moto:
            let port = try freeLoopbackPort()
            server = try ChildServer("/usr/bin/env", ["python3", "-m", "moto.server", "-H", "127.0.0.1", "-p", "\(port)"],
                                     in: directory, quietStderr: true)
            #expect(waitForListener(port: port), "moto server did not start")
            url = "http://127.0.0.1:\(port)"
        }
        // moto's server ignores SIGINT and SIGTERM when started without a terminal: SIGKILL it.
        defer { _ = server.stop(kind == .moto ? SIGKILL : SIGINT) }
        let output = "\(directory)/\(name).json"
        let run = try runPython(["\(Self.folder)/driver.py", "--endpoint", url, "--out", output], in: directory)
        try #require(run.exitCode == 0, "driver against \(name) failed:\n\(run.stderr)")
        if let keep = ProcessInfo.processInfo.environment["WORKBOOK_DIFF_OUT"] {
            try? FileManager.default.removeItem(atPath: "\(keep)/\(name).json")
            try FileManager.default.copyItem(atPath: output, toPath: "\(keep)/\(name).json")
        }
        let recording = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output))) as? [String: Any]
        return recording?["steps"] as? [[String: Any]] ?? []
    }
}

/// Any JSON value, decoded for the allow-list's `ours`/`moto`.
struct AnyJSON: Decodable {
    var value: Any?
    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { value = nil; return }
        // Round-trip through JSONSerialization so values compare like the recordings'.
        let raw = try container.decode(RawJSON.self)
        value = raw.object
    }
}

/// A JSON value as JSONSerialization would produce it.
private struct RawJSON: Decodable {
    var object: Any
    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let b = try? container.decode(Bool.self) { object = b }
        else if let i = try? container.decode(Int.self) { object = i }
        else if let d = try? container.decode(Double.self) { object = d }
        else if let s = try? container.decode(String.self) { object = s }
        else if let a = try? container.decode([RawJSON].self) { object = a.map(\.object) }
        else { object = try container.decode([String: RawJSON].self).mapValues(\.object) }
    }
}

/// Equality of two JSONSerialization values (nil and NSNull alike; 1 and 1.0 alike, as in JSON).
func same(_ a: Any?, _ b: Any?) -> Bool {
    let left = a is NSNull ? nil : a, right = b is NSNull ? nil : b
    switch (left, right) {
    case (nil, nil): return true
    case (nil, _), (_, nil): return false
    case let (l?, r?): return NSDictionary(dictionary: ["v": l]).isEqual(NSDictionary(dictionary: ["v": r]))
    }
}

/// A value as compact JSON text for the report.
func render(_ value: Any?) -> String {
    guard let value, !(value is NSNull) else { return "(absent)" }
    if let text = value as? String { return "\"\(text)\"" }
    guard let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed]) else { return "\(value)" }
    return String(decoding: data, as: UTF8.self)
}
