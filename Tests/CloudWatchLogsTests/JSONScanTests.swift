import Testing
@testable import CloudWatchLogs

/// The byte-level JSON matcher (`JSONScanPlan`, `JSONScanner`) against the parse-the-tree one:
/// same answer for every pattern and event, including the events the scan hands back.
struct JSONScanTests {
    static let patterns = [
        #"{ $.level = "ERROR" && $.latency > 1000 }"#,
        #"{ $.level = "ERROR" }"#, #"{ $.level != "ERROR" }"#, #"{ $.level = "ERR*" }"#, #"{ $.level = "*ROR" }"#,
        #"{ $.level = * }"#, "{ $.code = 404 }", #"{ $.code = "404" }"#, "{ $.code != 404 }", "{ $.code >= 4e2 }",
        "{ $.latency < -1 }", "{ $.n = inf }", #"{ $.flag = "true" }"#, "{ $.flag IS TRUE }", "{ $.flag IS FALSE }",
        "{ $.missing IS NULL }", "{ $.missing NOT EXISTS }", "{ $.a.b NOT EXISTS }", "{ $.a.b = 1 || $.a.c = 2 }",
        "{ $.list[1] = 2 }", "{ $.list[*] = 3 }", "{ $.* = 1 }", "{ $.a.* = 1 }", #"{ $.['k.j'] = "v" }"#,
        "{ $.K = 1 }", #"{ $.msg = %fail% }"#, "{ ($.a.b = 1 && $.list[0] = 1) || $.level IS NULL }",
        "{ $.a = 1 && $.a = 1 }", "{ $.nested[0][1] = 5 }", "{ $.a IS NULL && $.b NOT EXISTS }",
    ]

    static let events = [
        #"{"level":"ERROR","latency":1200}"#, #"{"level":"ERROR","latency":999}"#, #"{"level":"INFO","latency":5000}"#,
        #"  {"level" : "ERROR" , "latency" : 1.2e3 }  "#, #"{"level":"ERROR","latency":1200,}"#, #"{"level":"ERROR""#,
        #"{"level":"ERROR","latency":01}"#, #"{"level":"ERR\u004fR","latency":1200}"#, #"{"lev\u0065l":"ERROR","latency":1200}"#,
        #"{"level":"ERROR","level":"INFO","latency":1200}"#, #"{"level":"INFO","level":"ERROR","latency":1200}"#,
        #"{"level":"ERRORS"}"#, #"{"level":"ERR"}"#, #"{"level":"XERROR"}"#, #"{"level":"ERROR\t"}"#, "{\"level\":\"ERR\tOR\"}",
        #"{"code":404}"#, #"{"code":"404"}"#, #"{"code":404.0}"#, #"{"code":4.04e2}"#, #"{"code":-0}"#, #"{"code":null}"#,
        #"{"code":[404]}"#, #"{"code":{"x":404}}"#, #"{"latency":-5}"#, #"{"n":1e999}"#, #"{"n":-1e999}"#,
        #"{"flag":true}"#, #"{"flag":false}"#, #"{"flag":"true"}"#, #"{"flag":tru}"#, #"{"missing":null}"#, #"{"missing":1}"#,
        #"{"a":{"b":1}}"#, #"{"a":{"c":2}}"#, #"{"a":{"b":{"x":1}}}"#, #"{"a":[{"b":1}]}"#, #"{"a":1}"#, #"{"a":null}"#,
        #"{"list":[1,2,3]}"#, #"{"list":[3]}"#, #"{"list":[]}"#, #"{"list":[1,[2]]}"#, #"{"nested":[[0,5],[1]]}"#,
        #"{"x":1,"y":2}"#, #"{"x":2,"x":1}"#, #"{"k.j":"v"}"#, #"{"K":1}"#, "{\"\u{212A}\":1}", #"{"\u212A":1}"#,
        #"{"msg":"a failure"}"#, #"{"msg":"fa\"il"}"#, #"{"메시지":"ERROR","level":"ERROR","latency":2000}"#,
        #"{"level":"ÉRROR"}"#, #"[{"level":"ERROR"}]"#, "[]", "{}", "{", "}", "", "   ", "ERROR 1200", #""ERROR""#,
        #"{"level":"ERROR","latency":1200} trailing"#, "{\"level\":\"ERROR\",\"latency\":1200}\n", "\n{\"a\":1}",
        #"{"s":"\ud83d\ude00","a":1}"#, #"{"s":"\ud800\u0041","a":1}"#, #"{"s":"\ud800\uzzzz","a":1}"#, #"{"s":"\x"}"#,
        #"{"a":tRue}"#, #"{"a":1 "b":2}"#, #"{"a" 1}"#, #"{'a':1}"#, #"{"a":1.}"#, #"{"a":.5}"#, #"{"a":-}"#, #"{"a":1e}"#,
        String(repeating: "[", count: 511) + String(repeating: "]", count: 511),
        String(repeating: "[", count: 512) + String(repeating: "]", count: 512),
        "{\"a\":" + String(repeating: "[", count: 600) + String(repeating: "]", count: 600) + ",\"level\":\"ERROR\"}",
    ]

    @Test(arguments: patterns)
    func theScanAgreesWithTheParser(_ source: String) throws {
        let pattern = try FilterPattern(source)
        let json = try #require(Self.json(source))
        for event in Self.events {
            let fast = event.withUTF8Bytes { pattern.matches(utf8: $0) }
            let slow = event.withUTF8Bytes { json.matchesByParsing($0) }
            #expect(fast == slow, "\(source) on \(event.prefix(80))")
            #expect(pattern.matches(event) == slow, "\(source) on \(event.prefix(80)) through matches(_:)")
        }
    }

    /// Generated events, valid and broken by one edit, against every pattern.
    @Test func generatedEventsAgree() throws {
        var random = SplitMix(seed: 4)
        let compiled = try Self.patterns.map { (try FilterPattern($0), try #require(Self.json($0))) }
        for _ in 0..<3_000 {
            var event = Self.generate(&random, depth: 0)
            if random.next() % 3 == 0 {
                var bytes = Array(event.utf8)
                let at = Int(random.next() % UInt64(bytes.count + 1))
                let noise = Array(#"{}[],:" \.-0e1tn"#.utf8)
                if random.next() % 2 == 0, at < bytes.count { bytes.remove(at: at) } else { bytes.insert(noise[Int(random.next() % UInt64(noise.count))], at: at) }
                event = String(decoding: bytes, as: UTF8.self)
            }
            for (pattern, json) in compiled {
                let fast = event.withUTF8Bytes { pattern.matches(utf8: $0) }
                let slow = event.withUTF8Bytes { json.matchesByParsing($0) }
                #expect(fast == slow, "\(pattern) on \(event)")
            }
        }
    }

    static func generate(_ random: inout SplitMix, depth: Int) -> String {
        let keys = ["level", "latency", "a", "b", "c", "code", "list", "K", "k.j", "flag", "missing", "nested"]
        let scalars = [#""ERROR""#, #""INFO""#, "1200", "999", "1", "2", "3", "404", #""404""#, "4.04e2", "-0", "true", "false",
                       "null", #""true""#, #""ERROR""#, #""a failure""#, "1e999", #""ÉRROR""#]
        switch depth < 3 ? random.next() % 4 : 3 {
        case 0:
            let count = Int(random.next() % 5)
            let members = (0..<count).map { _ in "\"\(keys[Int(random.next() % UInt64(keys.count))])\":\(generate(&random, depth: depth + 1))" }
            return "{" + members.joined(separator: random.next() % 2 == 0 ? "," : " , ") + "}"
        case 1:
            let count = Int(random.next() % 4)
            return "[" + (0..<count).map { _ in generate(&random, depth: depth + 1) }.joined(separator: ",") + "]"
        default:
            return scalars[Int(random.next() % UInt64(scalars.count))]
        }
    }

    @Test func requiredLiteralsOfTheBenchPattern() throws {
        let json = try #require(Self.json(#"{ $.level = "ERROR" && $.latency > 1000 }"#))
        #expect(json.plan.required.map { String(decoding: $0, as: UTF8.self) } == [#""level""#, #""ERROR""#, #""latency""#])
        let numeric = try #require(Self.json(#"{ $.code = "404" }"#))
        #expect(numeric.plan.required == [Array(#""code""#.utf8)], "404 may be a JSON number compared as text")
    }

    /// A small seeded generator (no `SystemRandomNumberGenerator` in tests).
    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func json(_ source: String) -> JSONPattern? {
        var cursor = PatternCursor(source)
        cursor.skipSpaces()
        return try? JSONPattern(parsing: &cursor)
    }
}

extension String {
    func withUTF8Bytes<T>(_ body: (UnsafeRawBufferPointer) -> T) -> T {
        var copy = self
        return copy.withUTF8 { body(UnsafeRawBufferPointer($0)) }
    }
}
