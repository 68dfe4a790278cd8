import SimKit

/// Python's `json.loads` with `object_pairs_hook=OrderedDict`, as the aws CLI decodes JSON
/// parameters and JMESPath literals: same accepted texts (`NaN`, `Infinity`), same error
/// messages and positions as CPython's C scanner (`Modules/_json.c`), which learners see in
/// `Error parsing parameter '--item': Invalid JSON: Expecting ',' delimiter: line 1 column 16 (char 15)`.
///
/// Trailing commas get Python 3.13's message (`Illegal trailing comma before end of object`),
/// the interpreter aws CLI v2 bundles; Python 3.11 said `Expecting property name enclosed in
/// double quotes` / `Expecting value` there.
struct PythonJSON {
    /// `JSONDecodeError`: `str(e)` is `"<msg>: line L column C (char P)"`.
    struct DecodeError: Error, Equatable, CustomStringConvertible {
        let message: String
        let position: Int
        let line: Int
        let column: Int
        var description: String { "\(message): line \(line) column \(column) (char \(position))" }
    }

    private let s: [Unicode.Scalar]
    private static let whitespace: Set<Unicode.Scalar> = [" ", "\t", "\n", "\r"]

    /// Parses a whole text (`json.loads`).
    static func loads(_ text: String) throws(DecodeError) -> JSON {
        let decoder = PythonJSON(s: Array(text.unicodeScalars))
        if decoder.s.first == "\u{FEFF}" { throw decoder.error("Unexpected UTF-8 BOM (decode using utf-8-sig)", 0) }
        let (value, end) = try decoder.scanValue(decoder.skipSpace(0))
        let rest = decoder.skipSpace(end)
        if rest != decoder.s.count { throw decoder.error("Extra data", rest) }
        return value
    }

    private func error(_ message: String, _ position: Int) -> DecodeError {
        let before = s[..<min(position, s.count)]
        let line = before.filter { $0 == "\n" }.count + 1
        let lastNewline = before.lastIndex(of: "\n") ?? -1
        return DecodeError(message: message, position: position, line: line, column: position - lastNewline)
    }

    private func skipSpace(_ index: Int) -> Int {
        var i = index
        while i < s.count, Self.whitespace.contains(s[i]) { i += 1 }
        return i
    }

    private func matches(_ word: String, at index: Int) -> Bool {
        let w = Array(word.unicodeScalars)
        return index + w.count <= s.count && Array(s[index..<index + w.count]) == w
    }

    /// `scan_once`: a value starting exactly at `index`, and the index after it.
    private func scanValue(_ index: Int) throws(DecodeError) -> (JSON, Int) {
        guard index < s.count else { throw error("Expecting value", index) }
        switch s[index] {
        case "\"":
            let (text, end) = try scanString(index + 1)
            return (.string(text), end)
        case "{": return try scanObject(index + 1)
        case "[": return try scanArray(index + 1)
        case "n" where matches("null", at: index): return (.null, index + 4)
        case "t" where matches("true", at: index): return (.bool(true), index + 4)
        case "f" where matches("false", at: index): return (.bool(false), index + 5)
        case "N" where matches("NaN", at: index): return (.double(.nan), index + 3)
        case "I" where matches("Infinity", at: index): return (.double(.infinity), index + 8)
        case "-" where matches("-Infinity", at: index): return (.double(-.infinity), index + 9)
        default: return try scanNumber(index)
        }
    }

    private func isDigit(_ i: Int) -> Bool { i < s.count && ("0"..."9").contains(s[i]) }

    private func scanNumber(_ start: Int) throws(DecodeError) -> (JSON, Int) {
        var i = start
        if i < s.count, s[i] == "-" { i += 1 }
        if i < s.count, ("1"..."9").contains(s[i]) {
            while isDigit(i) { i += 1 }
        } else if i < s.count, s[i] == "0" {
            i += 1
        } else {
            throw error("Expecting value", start)
        }
        var isFloat = false
        if i < s.count, s[i] == ".", isDigit(i + 1) {
            isFloat = true
            i += 1
            while isDigit(i) { i += 1 }
        }
        if i < s.count, s[i] == "e" || s[i] == "E" {
            var j = i + 1
            if j < s.count, s[j] == "+" || s[j] == "-" { j += 1 }
            if isDigit(j) {
                isFloat = true
                while isDigit(j) { j += 1 }
                i = j
            }
        }
        var text = ""
        text.unicodeScalars.append(contentsOf: s[start..<i])
        if !isFloat, let int = Int64(text) { return (.int(int), i) }
        return (.double(Double(text) ?? .nan), i)
    }

    private func scanObject(_ start: Int) throws(DecodeError) -> (JSON, Int) {
        var object = JSONObject()
        var i = skipSpace(start)
        if i < s.count, s[i] == "}" { return (.object(object), i + 1) }
        while true {
            guard i < s.count, s[i] == "\"" else {
                throw error("Expecting property name enclosed in double quotes", i)
            }
            let (key, afterKey) = try scanString(i + 1)
            i = skipSpace(afterKey)
            guard i < s.count, s[i] == ":" else { throw error("Expecting ':' delimiter", i) }
            let (value, afterValue) = try scanValue(skipSpace(i + 1))
            object[key] = value
            i = skipSpace(afterValue)
            if i < s.count, s[i] == "}" { return (.object(object), i + 1) }
            guard i < s.count, s[i] == "," else { throw error("Expecting ',' delimiter", i) }
            let comma = i
            i = skipSpace(i + 1)
            if i < s.count, s[i] == "}" { throw error("Illegal trailing comma before end of object", comma) }
        }
    }

    private func scanArray(_ start: Int) throws(DecodeError) -> (JSON, Int) {
        var items: [JSON] = []
        var i = skipSpace(start)
        if i < s.count, s[i] == "]" { return (.array(items), i + 1) }
        while true {
            let (value, afterValue) = try scanValue(i)
            items.append(value)
            i = skipSpace(afterValue)
            if i < s.count, s[i] == "]" { return (.array(items), i + 1) }
            guard i < s.count, s[i] == "," else { throw error("Expecting ',' delimiter", i) }
            let comma = i
            i = skipSpace(i + 1)
            if i < s.count, s[i] == "]" { throw error("Illegal trailing comma before end of array", comma) }
        }
    }

    /// `scanstring`: `start` is just after the opening quote.
    private func scanString(_ start: Int) throws(DecodeError) -> (String, Int) {
        let begin = start - 1
        var out = String.UnicodeScalarView()
        var i = start
        while true {
            while i < s.count, s[i] != "\"", s[i] != "\\" {
                if s[i].value <= 0x1F { throw error("Invalid control character at", i) }
                out.append(s[i])
                i += 1
            }
            guard i < s.count else { throw error("Unterminated string starting at", begin) }
            if s[i] == "\"" { return (String(out), i + 1) }
            i += 1
            guard i < s.count else { throw error("Unterminated string starting at", begin) }
            if s[i] != "u" {
                let escapes: [Unicode.Scalar: Unicode.Scalar] = [
                    "\"": "\"", "\\": "\\", "/": "/", "b": "\u{08}", "f": "\u{0C}", "n": "\n", "r": "\r", "t": "\t",
                ]
                guard let scalar = escapes[s[i]] else { throw error("Invalid \\escape", i - 1) }
                out.append(scalar)
                i += 1
                continue
            }
            let (scalar, next) = try scanUnicodeEscape(i + 1)
            out.append(scalar)
            i = next
        }
    }

    /// The 4 hex digits after `\u` at `first`, joining a following low surrogate.
    private func scanUnicodeEscape(_ first: Int) throws(DecodeError) -> (Unicode.Scalar, Int) {
        let end = first + 4
        guard end < s.count else { throw error("Invalid \\uXXXX escape", first - 1) }
        guard let high = hexValue(first) else { throw error("Invalid \\uXXXX escape", first - 1) }
        if (0xD800...0xDBFF).contains(high), end + 6 < s.count, s[end] == "\\", s[end + 1] == "u" {
            guard let low = hexValue(end + 2) else { throw error("Invalid \\uXXXX escape", end + 1) }
            if (0xDC00...0xDFFF).contains(low) {
                let joined = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                return (Unicode.Scalar(joined) ?? "\u{FFFD}", end + 6)
            }
        }
        return (Unicode.Scalar(high) ?? "\u{FFFD}", end)
    }

    private func hexValue(_ at: Int) -> UInt32? {
        let digits = s[at..<at + 4]
        guard digits.allSatisfy({ $0.properties.isASCIIHexDigit }) else { return nil }
        var text = ""
        text.unicodeScalars.append(contentsOf: digits)
        return UInt32(text, radix: 16)
    }
}
