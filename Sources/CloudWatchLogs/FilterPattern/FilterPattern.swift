/// A CloudWatch Logs filter pattern, parsed once and matched against many log events.
///
/// The language is the one FilterLogEvents, metric filters, subscription filters and Live Tail
/// share: the empty pattern (every event), terms (`ERROR -Retrying`, `?ERROR ?WARN`,
/// `"Task timed out"`), a standalone `%regex%`, JSON patterns (`{ $.level = "ERROR" }`) and
/// space-delimited patterns (`[ip, user, ..., status_code = 4*, bytes > 1000]`). A pattern that
/// does not parse throws, so a typo never silently matches everything.
/// https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html
///
/// ```swift
/// let pattern = try FilterPattern("{ $.latency > 1000 }")
/// pattern.matches(#"{"latency": 1500}"#)   // true
/// ```
public struct FilterPattern: Sendable, Equatable, CustomStringConvertible {
    /// Which of the pattern languages a pattern is written in.
    public enum Kind: Sendable, Equatable {
        /// The empty (or all-blank) pattern: every event matches.
        case everything
        /// Terms and quoted phrases for unstructured events.
        case terms
        /// A standalone `%regex%`.
        case regex
        /// A `{ … }` pattern over JSON events.
        case json
        /// A `[ … ]` pattern over space-delimited events.
        case spaceDelimited
    }

    private enum Matcher: Sendable, Equatable {
        case everything
        case terms(TermPattern)
        case regex(FilterRegex)
        case json(JSONPattern)
        case spaceDelimited(SpaceDelimitedPattern)
    }

    /// The pattern as the learner wrote it.
    public let source: String
    private let matcher: Matcher

    /// Parses `source`.
    ///
    /// - Throws: `FilterPatternError` (AWS's `InvalidParameterException: Invalid filter pattern`,
    ///   plus the column and reason) when the pattern does not parse.
    public init(_ source: String) throws(FilterPatternError) {
        self.source = source
        var cursor = PatternCursor(source)
        cursor.skipSpaces()
        switch cursor.current {
        case nil: matcher = .everything
        case "{"?: matcher = .json(try JSONPattern(parsing: &cursor))
        case "["?: matcher = .spaceDelimited(try SpaceDelimitedPattern(parsing: &cursor))
        case "%"?: matcher = .regex(try Self.standaloneRegex(&cursor))
        default:
            let terms = try TermPattern(parsing: &cursor)
            matcher = terms.constrainsNothing ? .everything : .terms(terms)
        }
    }

    /// A regex that is the whole pattern; anything after it is an error.
    private static func standaloneRegex(_ cursor: inout PatternCursor) throws(FilterPatternError) -> FilterRegex {
        let regex = try cursor.readRegex()
        cursor.skipSpaces()
        guard cursor.isAtEnd else { throw .regexNotStandalone(at: cursor.column) }
        return regex
    }

    /// Which language the pattern is written in.
    public var kind: Kind {
        switch matcher {
        case .everything: .everything
        case .terms: .terms
        case .regex: .regex
        case .json: .json
        case .spaceDelimited: .spaceDelimited
        }
    }

    /// Whether the log event `message` matches the pattern.
    public func matches(_ message: String) -> Bool {
        switch matcher {
        case .everything: return true
        case .regex(let regex): return regex.matches(message)
        case .spaceDelimited(let pattern): return pattern.matches(message)
        case .terms, .json:
            var message = message
            return message.withUTF8 { matches(utf8: UnsafeRawBufferPointer($0)) }
        }
    }

    /// Whether the log event whose UTF-8 bytes are `message` matches the pattern: the same
    /// answer as `matches(_:)`, without making a `String` for the events most patterns reject
    /// (FilterLogEvents reads them straight from SQLite's buffer).
    public func matches(utf8 message: UnsafeRawBufferPointer) -> Bool {
        switch matcher {
        case .everything: true
        case .terms(let terms): terms.matches(utf8: message)
        case .json(let json): json.matches(utf8: message)
        case .regex(let regex): regex.matches(String(decoding: message, as: UTF8.self))
        case .spaceDelimited(let pattern): pattern.matches(String(decoding: message, as: UTF8.self))
        }
    }

    /// The pattern as written.
    public var description: String { source }
}
