import SimKit

/// The simulated built-in functions, with `jmespath/functions.py`'s arity and type checks and
/// error messages (raised while searching, so the CLI reports them with exit 255).
struct JMESFunctions {
    let interpreter: JMESInterpreter

    private enum Argument {
        case value(JSON)
        case expref(JMESNode)
    }

    /// Declared argument types, e.g. `["array-number", "array-string"]`; empty means any.
    private static let signatures: [String: (types: [[String]], variadic: Bool)] = [
        "contains": ([["array", "string"], []], false),
        "ends_with": ([["string"], ["string"]], false),
        "join": ([["string"], ["array-string"]], false),
        "keys": ([["object"]], false),
        "length": ([["string", "array", "object"]], false),
        "max": ([["array-number", "array-string"]], false),
        "min": ([["array-number", "array-string"]], false),
        "not_null": ([[]], true),
        "reverse": ([["array", "string"]], false),
        "sort": ([["array-string", "array-number"]], false),
        "sort_by": ([["array"], ["expref"]], false),
        "starts_with": ([["string"], ["string"]], false),
        "sum": ([["array-number"]], false),
        "to_string": ([[]], false),
        "type": ([[]], false),
        "values": ([["object"]], false),
    ]

    func call(_ name: String, _ nodes: [JMESNode], _ current: JSON) throws -> JSON {
        let arguments: [Argument] = try nodes.map { node in
            if case .expref(let inner) = node { return .expref(inner) }
            return .value(try interpreter.visit(node, current))
        }
        guard let signature = Self.signatures[name] else { throw CLIFailure.general("Unknown function: \(name)()") }
        let expected = signature.types.count
        if signature.variadic ? arguments.count < expected : arguments.count != expected {
            let noun = expected == 1 ? "argument" : "arguments"
            let atLeast = signature.variadic ? "at least " : ""
            throw CLIFailure.general("Expected \(atLeast)\(expected) \(noun) for function \(name)(), received \(arguments.count)")
        }
        for (argument, types) in zip(arguments, signature.types) where !types.isEmpty {
            try Self.typeCheck(argument, types, name)
        }
        return try evaluate(name, arguments)
    }

    private func evaluate(_ name: String, _ args: [Argument]) throws -> JSON {
        let values = args.map { if case .value(let v) = $0 { v } else { JSON.null } }
        let first = values.first ?? .null
        switch name {
        case "length":
            switch first {
            case .string(let s): return .int(Int64(s.unicodeScalars.count))
            case .array(let a): return .int(Int64(a.count))
            case .object(let o): return .int(Int64(o.count))
            default: return .null
            }
        case "contains": return try Self.contains(first, values[1])
        case "starts_with": return .bool((first.stringValue ?? "").unicodeScalars.starts(with: (values[1].stringValue ?? "").unicodeScalars))
        case "ends_with": return .bool((first.stringValue ?? "").unicodeScalars.reversed().starts(with: (values[1].stringValue ?? "").unicodeScalars.reversed()))
        case "join": return .string((values[1].arrayValue ?? []).compactMap(\.stringValue).joined(separator: first.stringValue ?? ""))
        case "keys": return .array((first.objectValue?.keys ?? []).map(JSON.string))
        case "values": return .array(first.objectValue?.members.map(\.value) ?? [])
        case "max", "min":
            let sorted = Self.sortedValues(first.arrayValue ?? [])
            return (name == "max" ? sorted.last : sorted.first) ?? .null
        case "sort": return .array(Self.sortedValues(first.arrayValue ?? []))
        case "sum": return Self.sum(first.arrayValue ?? [])
        case "reverse":
            if case .string(let s) = first { return .string(String(String.UnicodeScalarView(s.unicodeScalars.reversed()))) }
            return .array((first.arrayValue ?? []).reversed())
        case "not_null": return values.first(where: { !$0.isNull }) ?? .null
        case "to_string": return first.stringValue.map(JSON.string) ?? .string(Self.asciiCompact(first))
        case "type": return .string(Self.jmespathType(first))
        case "sort_by":
            guard case .expref(let key) = args[1] else { return .null }
            return try sortBy(first.arrayValue ?? [], key)
        default: throw CLIFailure.general("Unknown function: \(name)()")
        }
    }

    private func sortBy(_ items: [JSON], _ key: JMESNode) throws -> JSON {
        guard let head = items.first else { return .array([]) }
        let required = Self.jmespathType(try interpreter.visit(key, head))
        guard required == "number" || required == "string" else {
            throw Self.typeError("sort_by", head, required, "['string', 'number']")
        }
        let keyed: [(offset: Int, key: JSON, item: JSON)] = try items.enumerated().map { offset, item in
            let value = try interpreter.visit(key, item)
            let type = Self.jmespathType(value)
            guard type == required else { throw Self.typeError("sort_by", value, type, "['\(required)']") }
            return (offset, value, item)
        }
        return .array(keyed.sorted { a, b in
            Self.less(a.key, b.key) || (!Self.less(b.key, a.key) && a.offset < b.offset)
        }.map(\.item))
    }

    private static func typeCheck(_ argument: Argument, _ types: [String], _ function: String) throws {
        switch argument {
        case .value(let value): try check(value, isExpref: false, types, function)
        case .expref: try check(.null, isExpref: true, types, function)
        }
    }

    private static func contains(_ subject: JSON, _ search: JSON) throws -> JSON {
        if case .array(let items) = subject { return .bool(items.contains { JMESInterpreter.equal($0, search) }) }
        guard let needle = search.stringValue else {
            throw CLIFailure.general("'in <string>' requires string as left operand, not \(pythonTypeName(search))")
        }
        return .bool(needle.isEmpty || (subject.stringValue ?? "").contains(needle))
    }

    private static func less(_ a: JSON, _ b: JSON) -> Bool {
        if let x = JMESInterpreter.number(a), let y = JMESInterpreter.number(b) { return x < y }
        return PythonText.codePointLess(a.stringValue ?? "", b.stringValue ?? "")
    }

    private static func sortedValues(_ items: [JSON]) -> [JSON] {
        items.enumerated().sorted { a, b in
            less(a.element, b.element) || (!less(b.element, a.element) && a.offset < b.offset)
        }.map(\.element)
    }

    private static func sum(_ items: [JSON]) -> JSON {
        if items.allSatisfy({ if case .int = $0 { true } else { false } }) {
            return .int(items.reduce(Int64(0)) { $0 &+ ($1.intValue ?? 0) })
        }
        return .double(items.reduce(0.0) { $0 + (JMESInterpreter.number($1) ?? 0) })
    }
}
