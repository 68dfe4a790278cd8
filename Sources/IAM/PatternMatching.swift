/// The patterns of one `Action`/`NotAction` or `Resource`/`NotResource` element.
public enum PatternList: Sendable, Hashable {
    /// `Action` / `Resource`: the statement covers what matches one of the patterns.
    case including([String])
    /// `NotAction` / `NotResource`: the statement covers everything that matches none of them.
    case excluding([String])

    /// The patterns, whichever form they take.
    public var patterns: [String] {
        switch self {
        case .including(let patterns), .excluding(let patterns): patterns
        }
    }
}

/// IAM's wildcard matching: `*` matches any run of characters (including none, `:` and `/`),
/// `?` matches exactly one character; everything else matches itself.
///
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html#reference_policies_elements_resource_wildcards
public enum Wildcard {
    /// Whether an `Action` pattern matches an action. Action names are case-insensitive in IAM,
    /// so `dynamodb:putitem` matches `dynamodb:PutItem`.
    public static func matchesAction(_ pattern: String, _ action: String) -> Bool {
        matches(pattern.lowercased(), action.lowercased())
    }

    /// Whether a `Resource` pattern matches a resource ARN. ARNs are case-sensitive.
    public static func matchesResource(_ pattern: String, _ resource: String) -> Bool {
        matches(pattern, resource)
    }

    /// Case-sensitive glob match of `text` against `pattern`.
    ///
    /// The classic greedy algorithm with one backtrack point: linear for patterns without `*`,
    /// and never exponential, whatever a learner writes.
    public static func matches(_ pattern: String, _ text: String) -> Bool {
        let pattern = Array(pattern.unicodeScalars)
        let text = Array(text.unicodeScalars)
        var p = 0, t = 0
        var star: Int?
        var starText = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == "*" {
                star = p
                starText = t
                p += 1
            } else if p < pattern.count, pattern[p] == "?" || pattern[p] == text[t] {
                p += 1
                t += 1
            } else if let star {
                p = star + 1
                starText += 1
                t = starText
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}
