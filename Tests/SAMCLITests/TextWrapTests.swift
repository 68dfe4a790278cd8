import Testing
@testable import SAMCLI

/// Expected values are CPython 3.11 `textwrap.wrap` results.
struct TextWrapTests {
    @Test func breaksLongWordsAtTheWidth() {
        #expect(TextWrap(width: 22).wrap("AWS::Serverless::Function") == ["AWS::Serverless::Funct", "ion"])
        #expect(TextWrap(width: 22).wrap(String(repeating: "a", count: 48))
            == [String(repeating: "a", count: 22), String(repeating: "a", count: 22), "aaaa"])
    }

    @Test func wrapsAReasonLikeSAMsEventsTable() {
        let reason = "Resource handler returned message: \"One or more parameter values were invalid: Some index key "
            + "attributes are not defined in AttributeDefinitions. Keys: [Missing], AttributeDefinitions: [ID]\" "
            + "(RequestToken: 1, HandlerErrorCode: InvalidRequest)"
        #expect(TextWrap(width: 22).wrap(reason) == [
            "Resource handler", "returned message: \"One", "or more parameter", "values were invalid:", "Some index key",
            "attributes are not", "defined in", "AttributeDefinitions.", "Keys: [Missing],", "AttributeDefinitions:",
            "[ID]\" (RequestToken:", "1, HandlerErrorCode:", "InvalidRequest)",
        ])
    }

    @Test func outputsOptionsKeepWhitespaceAndBreakOnHyphens() {
        let line = "Value               arn:aws:dynamodb:ap-northeast-2:123456789012:table/plain-sync-DynamoTable-VS8ZAODXDUPT"
        #expect(TextWrap.outputs(width: 95).wrap(line) == [
            "Value               arn:aws:dynamodb:ap-northeast-2:123456789012:table/plain-sync-DynamoTable-",
            "VS8ZAODXDUPT",
        ])
    }

    @Test func whitespaceHandlingMatchesPython() {
        #expect(TextWrap(width: 10).wrap("  leading  and\ttabs\nnewline   trailing  ")
            == ["  leading", "and  tabs", "newline", "trailing"])
        #expect(TextWrap(width: 10).wrap("").isEmpty)
        #expect(TextWrap(width: 10).wrap("    ").isEmpty)
    }

    @Test func hyphensAndDashes() {
        #expect(TextWrap(width: 12).wrap("well-known hyphen-ated words --- and em--dash")
            == ["well-known", "hyphen-ated", "words ---", "and em--dash"])
        #expect(TextWrap(width: 10).wrap("abc-defghijklmnopqrstuvwxyz-abcdefgh")
            == ["abc-defghi", "jklmnopqrs", "tuvwxyz-", "abcdefgh"])
        #expect(TextWrap(width: 22).wrap("CREATE_IN_PROGRESS - CONFIGURATION_COMPLETE")
            == ["CREATE_IN_PROGRESS -", "CONFIGURATION_COMPLETE"])
    }
}
