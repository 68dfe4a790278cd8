import SimKit

/// How Python prints the values the aws CLI formatters hold, so text and table output and
/// JMESPath messages read exactly as the real CLI's.
public enum PythonText {
    /// Python's `str(value)`: strings as they are, `True`/`False`/`None`, floats as `repr`,
    /// lists and dicts as their `repr`.
    static func str(_ value: JSON) -> String {
        if case .string(let s) = value { return s }
        return repr(value)
    }

    /// Python's `repr(value)` for the types `json.loads` produces.
    static func repr(_ value: JSON) -> String {
        switch value {
        case .null: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .double: return value.serialized(.pythonInline)
        case .string(let s): return reprString(s)
        case .array(let items): return "[" + items.map(repr).joined(separator: ", ") + "]"
        case .object(let object):
            return "{" + object.members.map { reprString($0.key) + ": " + repr($0.value) }.joined(separator: ", ") + "}"
        }
    }

    /// Python's string `repr`: single quotes unless the text holds `'` and no `"`.
    public static func reprString(_ s: String) -> String {
        let quote: Character = s.contains("'") && !s.contains("\"") ? "\"" : "'"
        var out = String(quote)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where Character(scalar) == quote: out += "\\" + String(quote)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                out += "\\x" + hex(scalar.value, width: 2)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out.append(quote)
        return out
    }

    static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Python's truthiness: `None`, `False`, `0`, `0.0`, `''`, `[]` and `{}` are false.
    static func isFalsy(_ value: JSON) -> Bool {
        switch value {
        case .null: true
        case .bool(let b): !b
        case .int(let i): i == 0
        case .double(let d): d == 0
        case .string(let s): s.isEmpty
        case .array(let a): a.isEmpty
        case .object(let o): o.isEmpty
        }
    }

    /// Whether a value is a scalar for the formatters (not a list or dict).
    static func isScalar(_ value: JSON) -> Bool {
        switch value {
        case .array, .object: false
        default: true
        }
    }

    /// Python's default string ordering: by code point.
    static func codePointLess(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
    }
}
