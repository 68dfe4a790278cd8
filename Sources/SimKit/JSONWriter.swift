/// Serialises `JSON` the way the tools learners compare with do.
///
/// `.compact` is what AWS services and `JSON.stringify` send (`{"a":1}`); `.python(indent:)` is
/// Python's `json.dumps(indent=4, ensure_ascii=False)` as the aws CLI prints it; `.pythonInline`
/// is `json.dumps(obj)` (`{"a": 1}`), which SAM prints for capabilities and overrides.
public enum JSONStyle: Sendable {
    case compact
    case pythonInline
    case python(indent: Int)
}

extension JSON {
    /// The text of this value in the given style.
    public func serialized(_ style: JSONStyle = .compact) -> String {
        var out = ""
        write(to: &out, style: style, level: 0)
        return out
    }

    private func write(to out: inout String, style: JSONStyle, level: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d): out += JSON.formatDouble(d, python: style.isPython)
        case .string(let s): JSON.writeString(s, to: &out)
        case .array(let items):
            writeContainer(open: "[", close: "]", count: items.count, out: &out, style: style, level: level) {
                i, out in items[i].write(to: &out, style: style, level: level + 1)
            }
        case .object(let object):
            let members = object.members
            let separator = style.isPython ? ": " : ":"
            writeContainer(open: "{", close: "}", count: members.count, out: &out, style: style, level: level) {
                i, out in
                JSON.writeString(members[i].key, to: &out)
                out += separator
                members[i].value.write(to: &out, style: style, level: level + 1)
            }
        }
    }

    private func writeContainer(
        open: String, close: String, count: Int, out: inout String, style: JSONStyle, level: Int,
        element: (Int, inout String) -> Void
    ) {
        out += open
        if count == 0 { out += close; return }
        switch style {
        case .compact, .pythonInline:
            for i in 0..<count {
                if i > 0 { out += style.isPython ? ", " : "," }
                element(i, &out)
            }
        case .python(let indent):
            let inner = String(repeating: " ", count: indent * (level + 1))
            for i in 0..<count {
                out += i == 0 ? "\n" : ",\n"
                out += inner
                element(i, &out)
            }
            out += "\n" + String(repeating: " ", count: indent * level)
        }
        out += close
    }

    /// Escapes like `JSON.stringify` and Python's `ensure_ascii=False`: only `"`, `\` and control
    /// characters; `/` and non-ASCII stay as they are.
    public static func writeString(_ s: String, to out: inout String) {
        out += "\""
        // Most strings need no escape: append them whole. (`"`, `\` and controls are ASCII, so
        // scanning UTF-8 bytes finds every one.)
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            out += s
            out += "\""
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case let c where c.value < 0x20:
                let hex = String(c.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    /// `writeString` into UTF-8 bytes (the same escapes), for writers that build bytes.
    public static func writeString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            // Most strings need no escape: append them whole.
            guard bytes.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else {
                out.append(contentsOf: bytes)
                return
            }
            var escaped = ""
            writeString(String(decoding: bytes, as: UTF8.self), to: &escaped)
            out.append(contentsOf: escaped.utf8.dropFirst().dropLast())
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Python prints `5.0` for a whole double and `1e+16` style exponents; JavaScript prints `5`.
    static func formatDouble(_ d: Double, python: Bool) -> String {
        guard d.isFinite else { return python ? (d.isNaN ? "NaN" : (d > 0 ? "Infinity" : "-Infinity")) : "null" }
        if d == d.rounded(), abs(d) < 1e16 {
            let whole = String(Int64(d))
            return python ? whole + ".0" : whole
        }
        var text = "\(d)"
        if python, let e = text.firstIndex(of: "e") {
            // Swift prints 1e-05 as "1e-05"; Python as "1e-05" too, but "1e+16" needs the sign.
            let exponent = text[text.index(after: e)...]
            if !exponent.hasPrefix("-") && !exponent.hasPrefix("+") {
                text = String(text[..<e]) + "e+" + exponent
            }
        }
        return text
    }
}

extension JSONStyle {
    var isPython: Bool {
        switch self {
        case .compact: false
        case .pythonInline, .python: true
        }
    }
}
