import SimKit

// The stored form of an item, written straight to UTF-8 bytes: the same characters as
// `dynamoJSON.serialized(.compact)` without building the `JSON` tree first, and without
// growing a `String` piece by piece (appending to a String re-checks its storage on every
// piece; that was 6% of an in-process PutItem, perf, `workbook bench --cases dynamodb-items`).
extension AttributeMap {
    /// `dynamoJSON.serialized(.compact)`: the text `dynamodb_items.item` holds.
    public var storedText: String { String(decoding: storedBytes, as: UTF8.self) }

    /// `storedText` as UTF-8 bytes, which is what SQLite binds.
    public var storedBytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(128)
        write(to: &out)
        return out
    }

    func write(to out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        for (i, member) in members.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            JSON.writeString(member.name, to: &out)
            out.append(UInt8(ascii: ":"))
            member.value.write(to: &out)
        }
        out.append(UInt8(ascii: "}"))
    }
}

extension AttributeValue {
    /// `dynamoJSON.serialized(.compact)`.
    func write(to out: inout [UInt8]) {
        switch self {
        case .s(let v): Self.write("{\"S\":", string: v, to: &out)
        case .n(let v): Self.write("{\"N\":", string: v.text, to: &out)
        case .b(let v): Self.write("{\"B\":", string: Base64.encode(v), to: &out)
        case .bool(let v): out.append(contentsOf: (v ? "{\"BOOL\":true}" : "{\"BOOL\":false}").utf8)
        case .null: out.append(contentsOf: "{\"NULL\":true}".utf8)
        case .ss(let v): Self.write("{\"SS\":[", strings: v, to: &out)
        case .ns(let v): Self.write("{\"NS\":[", strings: v.map(\.text), to: &out)
        case .bs(let v): Self.write("{\"BS\":[", strings: v.map(Base64.encode), to: &out)
        case .l(let v):
            out.append(contentsOf: "{\"L\":[".utf8)
            for (i, element) in v.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                element.write(to: &out)
            }
            out.append(contentsOf: "]}".utf8)
        case .m(let v):
            out.append(contentsOf: "{\"M\":".utf8)
            v.write(to: &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// `{"T":"…"}`, with `opening` being `{"T":`.
    private static func write(_ opening: StaticString, string: String, to out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: opening.utf8Start, count: opening.utf8CodeUnitCount))
        JSON.writeString(string, to: &out)
        out.append(UInt8(ascii: "}"))
    }

    /// `{"TS":["…",…]}`, with `opening` being `{"TS":[`.
    private static func write(_ opening: StaticString, strings: [String], to out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: opening.utf8Start, count: opening.utf8CodeUnitCount))
        for (i, string) in strings.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            JSON.writeString(string, to: &out)
        }
        out.append(contentsOf: "]}".utf8)
    }
}
