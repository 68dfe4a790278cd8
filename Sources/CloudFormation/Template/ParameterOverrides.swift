import SimKit

/// `--parameter-overrides` as the SAM CLI reads it: `Key=Value Key2=Value2` or
/// `ParameterKey=K,ParameterValue=V …` (both may be mixed), values optionally quoted.
///
/// SAM CLI's `CfnParameterOverridesType` (samcli/cli/types.py) matches the same two shapes with
/// two regular expressions and strips the quotes; a later key replaces an earlier one.
public struct ParameterOverrides: Sendable, Equatable {
    /// The pairs in the order given, each key once (a later value replaced an earlier one in place).
    public private(set) var pairs: [(key: String, value: String)]

    /// An empty set.
    public init() { pairs = [] }

    /// As a dictionary, for `Template.resolveParameters`.
    public var dictionary: [String: String] { Dictionary(pairs, uniquingKeysWith: { _, last in last }) }

    /// Sets `key` to `value`, replacing an earlier value in place.
    public mutating func set(_ key: String, _ value: String) {
        if let index = pairs.firstIndex(where: { $0.key == key }) { pairs[index].value = value } else { pairs.append((key, value)) }
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.pairs.count == rhs.pairs.count && zip(lhs.pairs, rhs.pairs).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }

    /// Parses each argument (one `--parameter-overrides` value, or one list item of samconfig.toml);
    /// an argument may hold several space-separated pairs.
    public static func parse(_ arguments: [String]) throws(WorkbookError) -> ParameterOverrides {
        var result = ParameterOverrides()
        for argument in arguments {
            for token in try tokens(argument) {
                let (key, value) = try pair(token)
                result.set(key, value)
            }
        }
        return result
    }

    /// Parses one string of pairs.
    public static func parse(_ text: String) throws(WorkbookError) -> ParameterOverrides { try parse([text]) }

    /// Splits at spaces outside quotes, keeping the quotes (they are removed per value).
    static func tokens(_ text: String) throws(WorkbookError) -> [String] {
        var tokens: [String] = []
        var current = ""
        var quote: Character?
        var escaped = false
        for character in text {
            if escaped { current.append(character); escaped = false; continue }
            if character == "\\" { current.append(character); escaped = true; continue }
            if let open = quote {
                current.append(character)
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
                current.append(character)
            } else if character.isWhitespace {
                if !current.isEmpty { tokens.append(current); current = "" }
            } else {
                current.append(character)
            }
        }
        if quote != nil { throw invalid(text, reason: "a quote is not closed") }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }

    static func pair(_ token: String) throws(WorkbookError) -> (String, String) {
        let long = "ParameterKey="
        if token.hasPrefix(long) {
            guard let comma = token.range(of: ",ParameterValue=") else { throw invalid(token, reason: "',ParameterValue=' is missing") }
            let key = unquote(String(token[token.index(token.startIndex, offsetBy: long.count)..<comma.lowerBound]))
            return try checked(key, unquote(String(token[comma.upperBound...])), token)
        }
        guard let equals = token.firstIndex(of: "=") else { throw invalid(token, reason: "'=' is missing") }
        return try checked(unquote(String(token[..<equals])), unquote(String(token[token.index(after: equals)...])), token)
    }

    static func checked(_ key: String, _ value: String, _ token: String) throws(WorkbookError) -> (String, String) {
        guard !key.isEmpty, key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw invalid(token, reason: "a parameter name has only letters and digits")
        }
        return (key, value)
    }

    /// Removes one pair of surrounding quotes and backslash escapes inside them.
    static func unquote(_ text: String) -> String {
        guard text.count >= 2, let first = text.first, first == "\"" || first == "'", text.last == first else { return text }
        var result = ""
        var escaped = false
        for character in text.dropFirst().dropLast() {
            if escaped { result.append(character); escaped = false } else if character == "\\" { escaped = true } else { result.append(character) }
        }
        return result
    }

    static func invalid(_ text: String, reason: String) -> WorkbookError {
        WorkbookError(
            LocalizedText(en: "invalid --parameter-overrides value '\(text)': \(reason)",
                          ko: "잘못된 --parameter-overrides 값 '\(text)': \(reason)"),
            fix: LocalizedText(en: "write Key=Value pairs separated by spaces, e.g. Stage=dev TableName=\"my table\"",
                               ko: "Key=Value 쌍을 공백으로 구분해 쓰세요. 예: Stage=dev TableName=\"my table\""))
    }
}
