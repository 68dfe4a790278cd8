import Foundation
import SimKit

/// `BackCompatVisitor` of `awscli/shorthand.py`: walks shorthand output along the shape and
/// turns strings into the model's scalar types, wrapping single values given for lists.
enum ShorthandCoercion {
    static func coerce(_ value: JSON, _ shape: Shape) throws -> JSON {
        switch shape {
        case .structure(let members):
            guard case .object(var object) = value else { return value }
            for member in members {
                if let child = object[member.name] { object[member.name] = try coerce(child, member.shape) }
            }
            return .object(object)
        case .list(let member):
            guard case .array(let items) = value else { return value.isNull ? value : .array([value]) }
            return .array(try items.map { try coerce($0, member) })
        case .map(let valueShape):
            guard case .object(var object) = value else { return value }
            for key in object.keys {
                if let child = object[key] { object[key] = try coerce(child, valueShape) }
            }
            return .object(object)
        default:
            return try scalar(value, shape)
        }
    }

    /// `_visit_scalar`, also used for plain scalar parameters (`unpack_scalar_cli_arg`).
    static func scalar(_ value: JSON, _ shape: Shape) throws -> JSON {
        switch shape {
        case .integer, .long:
            guard case .string(let text) = value else { throw notAString("int", value) }
            guard let number = pythonInt(text) else {
                throw CLIFailure.general("invalid literal for int() with base 10: \(PythonText.reprString(text))")
            }
            return .int(number)
        case .double:
            guard case .string(let text) = value else { throw notAString("float", value) }
            guard let number = Double(trimmed(text).replacingOccurrences(of: "_", with: "")) else {
                throw CLIFailure.general("could not convert string to float: \(PythonText.reprString(text))")
            }
            return .double(number)
        case .boolean:
            switch value.stringValue?.lowercased() {
            case "true": return true
            case "false": return false
            default: return value
            }
        default:
            return value
        }
    }

    private static func notAString(_ type: String, _ value: JSON) -> CLIFailure {
        let typeName = value.arrayValue != nil ? "list" : "dict"
        return CLIFailure.general("\(type)() argument must be a string, a bytes-like object or a real number, not '\(typeName)'")
    }

    private static func trimmed(_ text: String) -> String {
        let space: Set<Unicode.Scalar> = [" ", "\t", "\n", "\r", "\u{0B}", "\u{0C}"]
        let scalars = text.unicodeScalars.drop(while: space.contains).reversed().drop(while: space.contains).reversed()
        return String(String.UnicodeScalarView(scalars))
    }

    /// Python's `int(text)`: surrounding spaces, a sign and `_` between digits allowed.
    static func pythonInt(_ text: String) -> Int64? {
        var t = Substring(trimmed(text))
        var sign: Int64 = 1
        if t.first == "-" || t.first == "+" {
            if t.first == "-" { sign = -1 }
            t = t.dropFirst()
        }
        guard let first = t.first, first.isASCII, first.isNumber, t.last != "_", !t.contains("__") else { return nil }
        let digits = t.replacingOccurrences(of: "_", with: "")
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }), let magnitude = Int64(digits) else { return nil }
        return sign * magnitude
    }
}
