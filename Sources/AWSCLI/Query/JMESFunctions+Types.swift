import SimKit

/// Type names and checks of `jmespath/functions.py`.
extension JMESFunctions {
    /// `_convert_to_jmespath_type` of a value.
    static func jmespathType(_ value: JSON) -> String {
        switch value {
        case .null: "null"
        case .bool: "boolean"
        case .int, .double: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// `type(value).__name__`, which subtype errors print unconverted.
    static func pythonTypeName(_ value: JSON) -> String {
        switch value {
        case .null: "NoneType"
        case .bool: "bool"
        case .int: "int"
        case .double: "float"
        case .string: "str"
        case .array: "list"
        case .object: "dict"
        }
    }

    static func typeError(_ function: String, _ value: JSON, _ actual: String, _ expected: String) -> CLIFailure {
        CLIFailure.general("In function \(function)(), invalid type for value: \(PythonText.str(value)), "
            + "expected one of: \(expected), received: \"\(actual)\"")
    }

    private static func pythonList(_ types: [String]) -> String {
        "[" + types.map { "'\($0)'" }.joined(separator: ", ") + "]"
    }

    /// `_type_check_single`: the base type first, then the element type of `array-…` types.
    static func check(_ value: JSON, isExpref: Bool, _ types: [String], _ function: String) throws {
        let expected = pythonList(types)
        let actual = isExpref ? "expref" : jmespathType(value)
        let bases = Set(types.map { String($0.split(separator: "-").first ?? "") })
        guard bases.contains(actual) else {
            throw typeError(function, isExpref ? .string("<expref>") : value, actual, expected)
        }
        let subtypes = types.compactMap { $0.split(separator: "-").dropFirst().first.map(String.init) }
        guard !subtypes.isEmpty, case .array(let items) = value, let head = items.first else { return }
        let allowed: String
        if subtypes.count == 1 {
            allowed = subtypes[0]
        } else if let match = subtypes.first(where: { $0 == jmespathType(head) }) {
            allowed = match
        } else {
            throw typeError(function, head, pythonTypeName(head), expected)
        }
        for item in items where jmespathType(item) != allowed {
            throw typeError(function, item, pythonTypeName(item), expected)
        }
    }

    /// `json.dumps(value, separators=(',', ':'))`: compact, non-ASCII escaped as `\uXXXX`.
    static func asciiCompact(_ value: JSON) -> String {
        var out = ""
        for scalar in value.serialized(.compact).unicodeScalars {
            if scalar.isASCII {
                out.unicodeScalars.append(scalar)
            } else {
                for unit in String(scalar).utf16 { out += "\\u" + PythonText.hex(UInt32(unit), width: 4) }
            }
        }
        return out
    }
}
