import SimKit
import Testing

@testable import CloudWatchLogs

/// Patterns AWS rejects: always its bare `Invalid filter pattern`, plus our column and reason.
struct FilterPatternErrorTests {
    /// (pattern, 1-based column where parsing fails, a word the reason must contain).
    static let badPatterns: [(pattern: String, column: Int, reason: String)] = [
        // DocSources.syntax: "%something!% would be rejected since '!' is not supported."
        ("%something!%", 11, "`!`"),
        // "The ( and ) operators are not supported."
        ("%(ab)%", 2, "( and )"),
        // "Multi-byte characters are not supported."
        ("%에러%", 2, "multi-byte"),
        // The docs print `%abcc|ab[^c]$` without its closing %.
        ("%abcc|ab[^c]$", 1, "never closed"),
        ("%*abc%", 2, "nothing before it"),
        ("%a{3,x}%", 3, "repeat count"),
        ("%[z-a]%", 5, "range"),
        ("%\\q%", 2, "escape"),
        ("%ab\\x4%", 6, "hexadecimal"),
        // "The variables IS NOT and EXISTS currently aren't supported."
        ("{ $.SomeObject IS NOT NULL }", 16, "IS NOT"),
        ("{ $.SomeObject EXISTS }", 16, "EXISTS"),
        ("{ $.SomeObject IS MISSING }", 19, "NULL, TRUE or FALSE"),
        (#"{ $.eventType = "UpdateTrail" "#, 31, "closing }"),
        (#"{ eventType = "UpdateTrail" }"#, 3, "property selector"),
        ("{ $.latency > fast }", 15, "not a number"),
        ("{ $.latency > \"1000\" }", 15, "not a number"),
        ("{ $.a == 1 }", 8, "`=`"),
        ("{ ($.a = 1 }", 12, "closing )"),
        ("{ $.a = 1 } extra", 13, "end of the pattern"),
        ("{ $.a = user@example.com }", 13, "`@`"),
        // "You can only use up to one wildcard selector in a property selector, and up to three
        // wildcard selectors in a filter pattern with compound expressions."
        ("{ $.a[*].b[*] = 1 }", 11, "at most 1"),
        ("{ $.a.* = 1 || $.b.* = 1 || $.c.* = 1 || $.d.* = 1 }", 45, "at most 3"),
        // "There is a limit of 2 regex for each filter pattern when creating a delimited or JSON filter pattern."
        ("[w1=%a%, w2=%b%, w3=%c%]", 21, "at most 2"),
        ("[ip, user", 10, "comma or the closing ]"),
        ("[]", 2, "field name"),
        ("[w1=ERROR && w9=1, w2]", 14, "`w9`"),
        ("[ip, bytes > big]", 14, "not a number"),
        ("[ip user]", 5, "comma"),
        (#""Task timed out"#, 1, "never closed"),
        ("ERROR:", 6, "`:`"),
        ("ERROR %timed out%", 7, "whole pattern"),
        ("ERROR -", 8, "term after"),
        (#""ERROR"x"#, 8, "space after"),
    ]

    @Test(arguments: badPatterns.indices)
    func badPatternIsRejectedWithItsColumn(index: Int) {
        let (pattern, column, reason) = Self.badPatterns[index]
        #expect {
            try FilterPattern(pattern)
        } throws: { error in
            guard let error = error as? FilterPatternError else { return false }
            #expect(error.column == column, "\(pattern): \(error.reason.en)")
            #expect(error.reason.en.contains(reason), "\(pattern): \(error.reason.en)")
            return error.awsError == FilterPatternError.invalidFilterPattern
        }
    }

    @Test func rejectionReadsAsTheAWSCLIPrintsIt() throws {
        let error = try #require(throws: FilterPatternError.self) { try FilterPattern("%something!%") }
        #expect(error.awsError.cliLine(operation: "FilterLogEvents")
            == "An error occurred (InvalidParameterException) when calling the FilterLogEvents operation: Invalid filter pattern")
        #expect(error.awsError.httpStatus == 400)
        #expect(error.hintLine(.en) == "hint: filter pattern column 11: `!` is not supported in a regex; write \\x21 instead")
        #expect(error.hintLine(.ko).hasPrefix("힌트: 필터 패턴 11번째 열: "))
    }

    @Test(arguments: badPatterns.map(\.pattern))
    func everyReasonHasAKoreanText(pattern: String) throws {
        let error = try #require(throws: FilterPatternError.self) { try FilterPattern(pattern) }
        #expect(error.reason.ko != nil)
    }

    @Test func atLeastFifteenBadPatterns() {
        #expect(Self.badPatterns.count >= 15)
    }
}
