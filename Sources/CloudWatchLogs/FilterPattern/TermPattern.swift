/// A pattern for unstructured log events: terms that must, may or must not appear.
///
/// Matching is case-sensitive and by substring: `ERROR` matches "Exiting with ERRORCODE: -1".
/// Plain terms are ANDed, `-term` excludes, `?term` terms are ORed, and "if you combine ? with
/// other filter patterns, all question mark terms will be ignored".
/// https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html#matching-terms-unstructured-log-events
struct TermPattern: Sendable, Equatable {
    var required: [String] = []
    var excluded: [String] = []
    var optional: [String] = []

    /// True for patterns such as the docs' `" "`, which match every event.
    var constrainsNothing: Bool { required.isEmpty && excluded.isEmpty && optional.isEmpty }

    /// Whether the UTF-8 event `message` satisfies the terms. Matching is byte-wise (no Unicode
    /// normalisation), like AWS's matcher.
    func matches(utf8 message: UnsafeRawBufferPointer) -> Bool {
        if required.isEmpty && excluded.isEmpty {
            return optional.isEmpty || optional.contains { ByteSearch.contains(message, $0) }
        }
        return required.allSatisfy { ByteSearch.contains(message, $0) }
            && !excluded.contains { ByteSearch.contains(message, $0) }
    }

    /// Parses a whole term pattern.
    init(parsing cursor: inout PatternCursor) throws(FilterPatternError) {
        while true {
            cursor.skipSpaces()
            guard let first = cursor.current else { return }
            if first == "-" || first == "?" {
                cursor.advance()
                // The docs' own example writes `"ERROR" - "Exiting"`, a space after the minus.
                // https://github.com/awsdocs/amazon-cloudwatch-logs-user-guide/blob/master/doc_source/FilterAndPatternSyntax.md
                cursor.skipSpaces()
            }
            guard let term = try Self.readTerm(&cursor) else { continue }
            switch first {
            case "-": excluded.append(term)
            case "?": optional.append(term)
            default: required.append(term)
            }
        }
    }

    /// One term: a bare word or a quoted phrase. A phrase of only spaces (the docs' `" "`)
    /// constrains nothing, so it yields `nil`.
    private static func readTerm(_ cursor: inout PatternCursor) throws(FilterPatternError) -> String? {
        let start = cursor.column
        switch cursor.current {
        case nil: throw .expected(.term, at: start)
        case "\""?:
            let phrase = try cursor.readQuoted()
            if let next = cursor.current, !next.isWhitespace { throw .expected(.spaceAfterQuote, at: cursor.column) }
            return phrase.allSatisfy(\.isWhitespace) ? nil : phrase
        case "%"?:
            throw .regexNotStandalone(at: start)
        default:
            let word = cursor.read { !$0.isWhitespace }
            if let bad = word.enumerated().first(where: { !$0.element.isPatternWordCharacter }) {
                throw .needsQuotes(bad.element, at: start + bad.offset)
            }
            return word
        }
    }
}
