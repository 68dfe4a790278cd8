import CloudFormation
import Foundation
import SimKit

/// One expectation: a value found by a path in the observations, compared one way.
public struct Expectation: Sendable {
    public enum Comparison: Sendable {
        case equals(JSON)
        case notEquals(JSON)
        case oneOf([JSON])
        case contains(String)
        case notContains(String)
        case matches(String)
        case exists(Bool)
        case atLeast(Double)
        case atMost(Double)
    }

    /// `deploy.exit`, `stack.Outputs.DynamoDbTable`, `replay.commands[-1].exit`, `template.Resources.Fn.Properties.Runtime`.
    public var path: String
    public var comparison: Comparison
    /// What the learner should read, e.g. "the stack is CREATE_COMPLETE".
    public var says: LocalizedText?
    /// False for answers the learner must find: the report then does not print the expected value.
    public var reveal: Bool

    init(node: TemplateNode, reader: LessonReader) throws {
        path = try reader.string(node, "at")
        reveal = node["reveal"]?.value != .bool(false)
        says = node["says"].flatMap { n in n["en"]?.stringValue.map { LocalizedText(en: $0, ko: n["ko"]?.stringValue) } }
        let keys = ["equals", "not-equals", "one-of", "contains", "not-contains", "matches", "exists", "at-least", "at-most"]
        guard let key = keys.first(where: { node[$0] != nil }), let value = node[key] else {
            throw reader.error("an expectation needs one of: \(keys.joined(separator: ", "))", at: node)
        }
        switch key {
        case "equals": comparison = .equals(value.json)
        case "not-equals": comparison = .notEquals(value.json)
        case "one-of": comparison = .oneOf(value.listValue?.map(\.json) ?? [value.json])
        case "contains": comparison = .contains(value.scalarText ?? "")
        case "not-contains": comparison = .notContains(value.scalarText ?? "")
        case "matches":
            let pattern = value.scalarText ?? ""
            guard (try? NSRegularExpression(pattern: pattern)) != nil else { throw reader.error("'\(pattern)' is not a regular expression", at: value) }
            comparison = .matches(pattern)
        case "at-least", "at-most":
            guard let number = value.scalarText.flatMap(Double.init) else { throw reader.error("'\(key)' needs a number", at: value) }
            comparison = key == "at-least" ? .atLeast(number) : .atMost(number)
        default: comparison = .exists(value.value == .bool(true))
        }
    }

    /// Whether `actual` (nil when the path found nothing) satisfies this expectation.
    public func isMet(by actual: JSON?) -> Bool {
        switch comparison {
        case .equals(let expected): return actual.map { Self.same($0, expected) } ?? false
        case .notEquals(let expected): return !(actual.map { Self.same($0, expected) } ?? false)
        case .oneOf(let options): return actual.map { a in options.contains { Self.same(a, $0) } } ?? false
        case .contains(let text): return Self.text(actual).contains(text) || (actual?.arrayValue?.contains { Self.text($0) == text } ?? false)
        case .notContains(let text): return !Self.text(actual).contains(text)
        case .matches(let pattern):
            let subject = Self.text(actual)
            return (try? NSRegularExpression(pattern: pattern))?.firstMatch(in: subject, range: NSRange(subject.startIndex..., in: subject)) != nil
        case .exists(let wanted): return (actual != nil && actual != .null) == wanted
        case .atLeast(let n): return actual?.doubleValue.map { $0 >= n } ?? false
        case .atMost(let n): return actual?.doubleValue.map { $0 <= n } ?? false
        }
    }

    /// The expected side, printed for the learner.
    public var expectedText: String {
        switch comparison {
        case .equals(let v): Self.text(v)
        case .notEquals(let v): "not " + Self.text(v)
        case .oneOf(let vs): "one of " + vs.map(Self.text).joined(separator: ", ")
        case .contains(let t): "text containing \"\(t)\""
        case .notContains(let t): "text without \"\(t)\""
        case .matches(let p): "text matching /\(p)/"
        case .exists(let b): b ? "present" : "absent"
        case .atLeast(let n): "at least \(Self.text(JSON.double(n).intValue.map(JSON.int) ?? .double(n)))"
        case .atMost(let n): "at most \(Self.text(JSON.double(n).intValue.map(JSON.int) ?? .double(n)))"
        }
    }

    /// Numbers and strings compare by their text (YAML `0` equals an exit code 0).
    static func same(_ a: JSON, _ b: JSON) -> Bool {
        if a == b { return true }
        switch (a, b) {
        case (.int, .string), (.string, .int), (.double, .string), (.string, .double), (.int, .double), (.double, .int):
            return text(a) == text(b)
        default: return false
        }
    }

    static func text(_ value: JSON?) -> String {
        switch value {
        case nil: "(nothing)"
        case .string(let s)?: s
        case let v?: v.serialized()
        }
    }
}

/// Looks up `a.b[0].c` in a JSON value; `[-1]` is the last element.
enum ObservationPath {
    static func lookup(_ path: String, in root: JSON) -> JSON? {
        var current: JSON? = root
        for component in components(path) {
            switch component {
            case .key(let k): current = current?[k]
            case .index(let i):
                guard let array = current?.arrayValue else { return nil }
                let index = i < 0 ? array.count + i : i
                current = array.indices.contains(index) ? array[index] : nil
            }
        }
        return current
    }

    enum Component { case key(String), index(Int) }

    static func components(_ path: String) -> [Component] {
        var out: [Component] = []
        for part in path.split(separator: ".") {
            var rest = Substring(part)
            if let bracket = rest.firstIndex(of: "[") {
                let key = rest[..<bracket]
                if !key.isEmpty { out.append(.key(String(key))) }
                rest = rest[bracket...]
                while rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
                    out.append(.index(Int(rest[rest.index(after: rest.startIndex)..<close]) ?? 0))
                    rest = rest[rest.index(after: close)...]
                }
            } else {
                out.append(.key(String(rest)))
            }
        }
        return out
    }
}
