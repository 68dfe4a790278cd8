import SimKit

// The stored form of an item, written straight to text: the same characters as
// `dynamoJSON.serialized(.compact)` without building the `JSON` tree first (a PutItem's
// largest Swift cost after parsing the request, measured by `workbook bench --cases dynamodb`).
extension AttributeMap {
    /// `dynamoJSON.serialized(.compact)`: the text `dynamodb_items.item` holds.
    public var storedText: String {
        var out = ""
        out.reserveCapacity(64)
        write(to: &out)
        return out
    }

    func write(to out: inout String) {
        out += "{"
        for (i, member) in members.enumerated() {
            if i > 0 { out += "," }
            JSON.writeString(member.name, to: &out)
            out += ":"
            member.value.write(to: &out)
        }
        out += "}"
    }
}

extension AttributeValue {
    /// `dynamoJSON.serialized(.compact)`.
    func write(to out: inout String) {
        switch self {
        case .s(let v): Self.write("S", string: v, to: &out)
        case .n(let v): Self.write("N", string: v.text, to: &out)
        case .b(let v): Self.write("B", string: Base64.encode(v), to: &out)
        case .bool(let v): out += v ? "{\"BOOL\":true}" : "{\"BOOL\":false}"
        case .null: out += "{\"NULL\":true}"
        case .ss(let v): Self.write("SS", strings: v, to: &out)
        case .ns(let v): Self.write("NS", strings: v.map(\.text), to: &out)
        case .bs(let v): Self.write("BS", strings: v.map(Base64.encode), to: &out)
        case .l(let v):
            out += "{\"L\":["
            for (i, element) in v.enumerated() {
                if i > 0 { out += "," }
                element.write(to: &out)
            }
            out += "]}"
        case .m(let v):
            out += "{\"M\":"
            v.write(to: &out)
            out += "}"
        }
    }

    private static func write(_ type: String, string: String, to out: inout String) {
        out += "{\""
        out += type
        out += "\":"
        JSON.writeString(string, to: &out)
        out += "}"
    }

    private static func write(_ type: String, strings: [String], to out: inout String) {
        out += "{\""
        out += type
        out += "\":["
        for (i, string) in strings.enumerated() {
            if i > 0 { out += "," }
            JSON.writeString(string, to: &out)
        }
        out += "]}"
    }
}
