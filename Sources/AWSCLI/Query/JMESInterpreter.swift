import SimKit

/// Evaluates a `JMESNode` with the semantics of `jmespath/visitor.py` `TreeInterpreter`.
struct JMESInterpreter {
    func visit(_ node: JMESNode, _ value: JSON) throws -> JSON {
        switch node {
        case .field(let name): return value.objectValue?[name] ?? .null
        case .literal(let literal): return literal
        case .identity, .current: return value
        case .subexpression(let children), .indexExpression(let children):
            var result = value
            for child in children { result = try visit(child, result) }
            return result
        case .index(let i): return Self.index(value, i)
        case .slice(let start, let stop, let step): return try Self.slice(value, start, stop, step)
        case .projection(let left, let right):
            guard case .array(let base) = try visit(left, value) else { return .null }
            return .array(try base.map { try visit(right, $0) }.filter { !$0.isNull })
        case .valueProjection(let left, let right):
            guard case .object(let base) = try visit(left, value) else { return .null }
            return .array(try base.members.map { try visit(right, $0.value) }.filter { !$0.isNull })
        case .filterProjection(let left, let right, let condition):
            guard case .array(let base) = try visit(left, value) else { return .null }
            var collected: [JSON] = []
            for element in base where Self.isTrue(try visit(condition, element)) {
                let projected = try visit(right, element)
                if !projected.isNull { collected.append(projected) }
            }
            return .array(collected)
        case .flatten(let inner):
            guard case .array(let base) = try visit(inner, value) else { return .null }
            return .array(base.flatMap { $0.arrayValue ?? [$0] })
        case .comparator(let op, let left, let right):
            return try compare(op, try visit(left, value), try visit(right, value))
        case .or(let left, let right):
            let matched = try visit(left, value)
            return Self.isTrue(matched) ? matched : try visit(right, value)
        case .and(let left, let right):
            let matched = try visit(left, value)
            return Self.isTrue(matched) ? try visit(right, value) : matched
        case .not(let inner):
            let result = try visit(inner, value)
            if let number = result.doubleValue, result.boolValue == nil, number == 0 { return false }
            return .bool(!Self.isTrue(result))
        case .pipe(let left, let right): return try visit(right, try visit(left, value))
        case .multiSelectList(let children):
            if value.isNull { return .null }
            return .array(try children.map { try visit($0, value) })
        case .multiSelectHash(let pairs):
            if value.isNull { return .null }
            var object = JSONObject()
            for (key, child) in pairs { object[key] = try visit(child, value) }
            return .object(object)
        case .function(let name, let arguments):
            return try JMESFunctions(interpreter: self).call(name, arguments, value)
        case .expref:
            // Only meaningful as a function argument; `JMESFunctions` reads the node itself.
            return .null
        }
    }

    /// `_is_false`: `''`, `[]`, `{}`, `None` and `False` are false; `0` is true.
    static func isTrue(_ value: JSON) -> Bool {
        switch value {
        case .null: false
        case .bool(let b): b
        case .string(let s): !s.isEmpty
        case .array(let a): !a.isEmpty
        case .object(let o): !o.isEmpty
        case .int, .double: true
        }
    }

    private static func index(_ value: JSON, _ i: Int) -> JSON {
        guard case .array(let items) = value else { return .null }
        let position = i < 0 ? items.count + i : i
        return items.indices.contains(position) ? items[position] : .null
    }

    /// Python's `list[start:stop:step]`.
    private static func slice(_ value: JSON, _ start: Int?, _ stop: Int?, _ step: Int?) throws -> JSON {
        guard case .array(let items) = value else { return .null }
        let step = step ?? 1
        guard step != 0 else { throw CLIFailure.general("slice step cannot be zero") }
        let n = items.count
        func clamp(_ v: Int?, _ fallback: Int, low: Int, high: Int) -> Int {
            guard let v else { return fallback }
            let adjusted = v < 0 ? v + n : v
            return min(max(adjusted, low), high)
        }
        var result: [JSON] = []
        if step > 0 {
            var i = clamp(start, 0, low: 0, high: n)
            let end = clamp(stop, n, low: 0, high: n)
            while i < end { result.append(items[i]); i += step }
        } else {
            var i = clamp(start, n - 1, low: -1, high: n - 1)
            let end = clamp(stop, -1, low: -1, high: n - 1)
            while i > end { result.append(items[i]); i += step }
        }
        return .array(result)
    }

    private func compare(_ op: JMESNode.Comparator, _ left: JSON, _ right: JSON) throws -> JSON {
        switch op {
        case .eq: return .bool(Self.equal(left, right))
        case .ne: return .bool(!Self.equal(left, right))
        default: break
        }
        let ordered: Bool
        if let a = Self.number(left), let b = Self.number(right) {
            ordered = Self.holds(op, a < b, a == b)
        } else if case .string(let a) = left, case .string(let b) = right {
            ordered = Self.holds(op, PythonText.codePointLess(a, b), a.unicodeScalars.elementsEqual(b.unicodeScalars))
        } else if Self.isComparable(left), Self.isComparable(right) {
            // Python raises TypeError comparing a str with a number.
            let symbol = ["lt": "<", "lte": "<=", "gt": ">", "gte": ">="][op.rawValue] ?? "<"
            throw CLIFailure.general("'\(symbol)' not supported between instances of "
                + "'\(Self.pythonType(left))' and '\(Self.pythonType(right))'")
        } else {
            return .null
        }
        return .bool(ordered)
    }

    private static func pythonType(_ value: JSON) -> String {
        switch value {
        case .string: "str"
        case .int: "int"
        default: "float"
        }
    }

    private static func holds(_ op: JMESNode.Comparator, _ less: Bool, _ equal: Bool) -> Bool {
        switch op {
        case .lt: less
        case .lte: less || equal
        case .gt: !less && !equal
        case .gte: !less
        case .eq: equal
        case .ne: !equal
        }
    }

    /// Numbers, never booleans (`_is_actual_number`).
    static func number(_ value: JSON) -> Double? {
        switch value {
        case .int(let i): Double(i)
        case .double(let d): d
        default: nil
        }
    }

    private static func isComparable(_ value: JSON) -> Bool { number(value) != nil || value.stringValue != nil }

    /// Python `==` on decoded JSON, with jmespath's rule that 0 and 1 never equal a boolean.
    static func equal(_ a: JSON, _ b: JSON) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.string(let x), .string(let y)): return x.unicodeScalars.elementsEqual(y.unicodeScalars)
        case (.array(let x), .array(let y)): return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
        case (.object(let x), .object(let y)):
            return x.count == y.count && x.members.allSatisfy { m in y[m.key].map { equal(m.value, $0) } ?? false }
        default:
            if let x = number(a), let y = number(b) { return x == y }
            return false
        }
    }
}
