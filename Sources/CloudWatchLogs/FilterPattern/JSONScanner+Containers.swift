/// Objects and arrays: where selectors take their steps.
extension JSONScanner {
    /// Scans an object (the cursor on `{`); `walking` selectors take their step `depth` into
    /// the members it names.
    mutating func object(depth: Int, _ walking: UInt64) -> Bool {
        index += 1
        // A repeated key makes the parser keep its last value: give up rather than keep both.
        var named: UInt64 = 0
        var seen: [Range<Int>] = []
        let anyKey = walking != 0 && depth < plan.anyKeyAt.count && walking & plan.anyKeyAt[depth] != 0
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return true }
        while true {
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return false }
            let start = index + 1
            guard let flags = string() else { return false }
            let key = start..<index - 1
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return false }
            index += 1
            skipSpace()
            var children: UInt64 = 0
            if walking != 0 {
                // The parser compares keys as Swift strings (canonical equivalence): only plain
                // ASCII keys compare byte for byte.
                guard flags == 0, !(anyKey && seen.contains(where: { same($0, key) })) else {
                    undecided = true
                    return false
                }
                if anyKey { seen.append(key) }
                children = members(named: key, walking, depth: depth)
                if children & named & ~(anyKey ? plan.anyKeyAt[depth] : 0) != 0 {
                    undecided = true
                    return false
                }
                named |= children
            }
            guard value(depth: depth + 1, children) else { return false }
            skipSpace()
            guard index < bytes.count else { return false }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; return true }
            return false
        }
    }

    /// The selectors of `walking` whose step `depth` takes the member named by the bytes `key`.
    func members(named key: Range<Int>, _ walking: UInt64, depth: Int) -> UInt64 {
        var children: UInt64 = 0
        var rest = walking
        while rest != 0 {
            let selector = rest.trailingZeroBitCount
            rest &= rest - 1
            switch plan.steps[selector][depth] {
            case .key(let name):
                if name.count == key.count, name.elementsEqual(bytes[key]) { children |= 1 << UInt64(selector) }
            case .anyKey: children |= 1 << UInt64(selector)
            case .index, .anyIndex: break
            }
        }
        return children
    }

    /// Scans an array (the cursor on `[`); `walking` selectors take their step `depth` into the
    /// elements it names.
    mutating func array(depth: Int, _ walking: UInt64) -> Bool {
        index += 1
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return true }
        var position = 0
        while true {
            skipSpace()
            guard value(depth: depth + 1, walking == 0 ? 0 : elements(at: position, walking, depth: depth)) else { return false }
            position += 1
            skipSpace()
            guard index < bytes.count else { return false }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; return true }
            return false
        }
    }

    /// The selectors of `walking` whose step `depth` takes element `position`.
    func elements(at position: Int, _ walking: UInt64, depth: Int) -> UInt64 {
        var children: UInt64 = 0
        var rest = walking
        while rest != 0 {
            let selector = rest.trailingZeroBitCount
            rest &= rest - 1
            switch plan.steps[selector][depth] {
            case .index(let index): if index == position { children |= 1 << UInt64(selector) }
            case .anyIndex: children |= 1 << UInt64(selector)
            case .key, .anyKey: break
            }
        }
        return children
    }

    func same(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        a.count == b.count && bytes[a].elementsEqual(bytes[b])
    }
}
