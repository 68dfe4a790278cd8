import SimKit

/// A `JSONPattern` compiled for matching raw UTF-8 bytes without building a JSON tree.
///
/// FilterLogEvents runs one pattern over up to millions of events, most of which fail it. The
/// plan answers in three steps, each exact: a cheap check of bytes that must occur (when the
/// event is plain ASCII with no escapes, an event reaching `$.level = "ERROR"` holds the bytes
/// `"level"` and `"ERROR"`), then one validating pass over the bytes that collects only the
/// values the selectors reach (`JSONScanner`), and, for the rare event the pass cannot settle
/// exactly (escaped or non-ASCII keys, duplicate keys, escaped selected strings), the full
/// parse that `JSONPattern.matchesByParsing` does.
struct JSONScanPlan: Sendable, Equatable {
    /// A selector step with its key as bytes.
    enum Step: Sendable, Equatable {
        case key([UInt8]), index(Int), anyKey, anyIndex
    }

    /// The condition with selectors replaced by their index in `selectors`.
    indirect enum Test: Sendable, Equatable {
        case all([Test]), any([Test])
        case compare(Int, ValueComparison)
        case isNull(Int), isTrue(Int), isFalse(Int), notExists(Int)
    }

    /// The pattern's distinct selectors, as byte steps.
    let steps: [[Step]]
    let test: Test
    /// Byte strings every matching ASCII, escape-free event contains.
    let required: [[UInt8]]
    /// False when a selector key is not ASCII (the byte scan cannot compare it as Swift does)
    /// or there are more selectors than a `UInt64` has bits.
    let scannable: Bool
    /// By depth: the selectors with that many steps (a value at that depth is what they reach).
    let endingAt: [UInt64]
    /// By depth: the selectors whose step there is `.anyKey`.
    let anyKeyAt: [UInt64]

    init(_ condition: JSONPattern.Condition) {
        var selectors: [JSONPattern.Selector] = []
        test = Self.compile(condition, &selectors)
        steps = selectors.map { selector in
            selector.steps.map { step -> Step in
                switch step {
                case .key(let key): .key(Array(key.utf8))
                case .index(let index): .index(index)
                case .anyKey: .anyKey
                case .anyIndex: .anyIndex
                }
            }
        }
        scannable = steps.count <= 64 && steps.allSatisfy { $0.allSatisfy { step in
            if case .key(let key) = step { return key.allSatisfy { $0 < 0x80 } }
            return true
        } }
        required = scannable ? Self.literals(condition) : []
        let depths = (steps.map(\.count).max() ?? 0) + 1
        var endingAt = Array(repeating: UInt64(0), count: depths), anyKeyAt = endingAt
        for (selector, path) in steps.enumerated() where selector < 64 {
            endingAt[path.count] |= 1 << selector
            for (depth, step) in path.enumerated() where step == .anyKey { anyKeyAt[depth] |= 1 << selector }
        }
        self.endingAt = endingAt
        self.anyKeyAt = anyKeyAt
    }

    private static func compile(_ condition: JSONPattern.Condition, _ selectors: inout [JSONPattern.Selector]) -> Test {
        func index(_ selector: JSONPattern.Selector) -> Int {
            if let found = selectors.firstIndex(of: selector) { return found }
            selectors.append(selector)
            return selectors.count - 1
        }
        switch condition {
        case .all(let conditions): return .all(conditions.map { compile($0, &selectors) })
        case .any(let conditions): return .any(conditions.map { compile($0, &selectors) })
        case .compare(let selector, let comparison): return .compare(index(selector), comparison)
        case .isNull(let selector): return .isNull(index(selector))
        case .isTrue(let selector): return .isTrue(index(selector))
        case .isFalse(let selector): return .isFalse(index(selector))
        case .notExists(let selector): return .notExists(index(selector))
        }
    }

    /// Whether the condition holds, given the values the selectors reach.
    func holds(_ found: [JSONScanner.Found]) -> Bool { test.holds(found) }
}

extension JSONScanPlan.Test {
    func holds(_ found: [JSONScanner.Found]) -> Bool {
        switch self {
        case .all(let tests): tests.allSatisfy { $0.holds(found) }
        case .any(let tests): tests.contains { $0.holds(found) }
        case .compare(let selector, let comparison): found.contains { $0.selector == selector && $0.value.satisfies(comparison) }
        case .isNull(let selector): found.contains { $0.selector == selector && $0.value == .null }
        case .isTrue(let selector): found.contains { $0.selector == selector && $0.value == .bool(true) }
        case .isFalse(let selector): found.contains { $0.selector == selector && $0.value == .bool(false) }
        case .notExists(let selector): !found.contains { $0.selector == selector }
        }
    }
}

/// The bytes a match needs, valid for events that are ASCII and have no `\` (in such an event a
/// key or string value is spelt in the bytes exactly as the pattern spells it, and Swift's
/// string equality is byte equality).
extension JSONScanPlan {
    /// Literals every event satisfying `condition` contains: all of them, not any.
    static func literals(_ condition: JSONPattern.Condition) -> [[UInt8]] {
        switch condition {
        case .all(let conditions): return conditions.flatMap(literals)
        case .any: return []
        case .compare(let selector, let comparison): return keys(selector) + value(comparison)
        case .isNull(let selector): return keys(selector) + [Array("null".utf8)]
        case .isTrue(let selector): return keys(selector) + [Array("true".utf8)]
        case .isFalse(let selector): return keys(selector) + [Array("false".utf8)]
        // Reaching nothing needs nothing.
        case .notExists: return []
        }
    }

    /// A value only reaches a selector through members named by its keys: `"level"`.
    static func keys(_ selector: JSONPattern.Selector) -> [[UInt8]] {
        selector.steps.compactMap { step in
            guard case .key(let key) = step else { return nil }
            return Array("\"\(key)\"".utf8)
        }
    }

    /// Characters a number or boolean compared as text can print (`String(1e300 * 10)` is
    /// "inf", `String(1e20)` "1e+20"): a value holding another one can only equal a JSON string.
    static let scalarCharacters = Set("0123456789.+-aefilnrstu".utf8)

    /// `= "ERROR"` needs `"ERROR"`; `= "ERR*"` needs `"ERR`; `= "*ROR"` needs `ROR"`.
    static func value(_ comparison: ValueComparison) -> [[UInt8]] {
        guard comparison.op == .equal, case .text(let wildcard) = comparison.value else { return [] }
        let core = Array(wildcard.core.utf8)
        guard !core.isEmpty, core.contains(where: { !scalarCharacters.contains($0) }) else { return [] }
        let open: [UInt8] = wildcard.anyPrefix ? [] : [UInt8(ascii: "\"")]
        let close: [UInt8] = wildcard.anySuffix ? [] : [UInt8(ascii: "\"")]
        return [open + core + close]
    }
}
