import Testing

@testable import CloudWatchLogs

/// The documented examples, row by row: pattern, log event, match or not.
struct FilterPatternDocExampleTests {
    @Test(arguments: TermExamples.rows)
    func termAndRegexExamples(row: FilterPatternExampleRow) throws {
        #expect(try FilterPattern(row.pattern).matches(row.message) == row.matches)
    }

    @Test(arguments: JSONExamples.rows)
    func jsonExamples(row: FilterPatternExampleRow) throws {
        #expect(try FilterPattern(row.pattern).matches(row.message) == row.matches)
    }

    @Test(arguments: SpaceDelimitedExamples.rows)
    func spaceDelimitedExamples(row: FilterPatternExampleRow) throws {
        #expect(try FilterPattern(row.pattern).matches(row.message) == row.matches)
    }

    @Test func thereAreAtLeastEightyDocumentedRows() {
        #expect(TermExamples.rows.count + JSONExamples.rows.count + SpaceDelimitedExamples.rows.count >= 80)
    }

    @Test(arguments: [
        ("", FilterPattern.Kind.everything), ("\" \"", .everything), ("ERROR -x", .terms),
        ("%a%", .regex), ("{ $.a = 1 }", .json), ("[a, b]", .spaceDelimited),
    ])
    func kindFollowsTheFirstCharacter(pattern: String, kind: FilterPattern.Kind) throws {
        #expect(try FilterPattern(pattern).kind == kind)
    }

    @Test func lambdaMessagesKeepTheirNewlineAndStillMatch() throws {
        #expect(try FilterPattern(#"{ $.level = "INFO" }"#).matches("{\"level\":\"INFO\"}\n"))
        #expect(try FilterPattern("[w1=END, w2]").matches("END RequestId: 6f1c\n"))
    }

    @Test func quotedPhrasesKeepUnicodeAndEscapedQuotes() throws {
        #expect(try FilterPattern(#""저장 실패""#).matches("오류: 저장 실패"))
        #expect(try FilterPattern(#""say \"hi\"""#).matches(#"they say "hi" twice"#))
        #expect(try !FilterPattern(#""say \"hi\"""#).matches("they say hi twice"))
    }
}


/// One documented example: a pattern, a log event, and whether AWS says the event matches.
struct FilterPatternExampleRow: Sendable, CustomTestStringConvertible {
    let pattern: String
    let message: String
    let matches: Bool

    init(_ pattern: String, _ message: String, _ matches: Bool) {
        self.pattern = pattern
        self.message = message
        self.matches = matches
    }

    var testDescription: String { "\(pattern)  ⟷  \(message.prefix(60))  →  \(matches)" }
}

/// Where the rows come from. Each row file cites one of these beside every group of rows.
enum DocSources {
    /// The current combined page (regex, unstructured, JSON and space-delimited sections).
    static let syntax = "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html"
    /// The current sibling page for JSON patterns.
    static let json = "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/matching-terms-json-log-events.html"
    /// The current sibling page for regex.
    static let regex = "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/regex-expressions.html"
    /// The earlier version of the syntax page, as kept in the archived docs repository.
    static let archived = "https://github.com/awsdocs/amazon-cloudwatch-logs-user-guide/blob/master/doc_source/FilterAndPatternSyntax.md"
}
