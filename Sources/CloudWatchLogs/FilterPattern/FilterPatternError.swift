import SimKit

/// A filter pattern that does not parse: the AWS outcome plus where and why, for the workbook's hint.
///
/// AWS answers every unparsable pattern with the same bare `InvalidParameterException`
/// (`Invalid filter pattern`), so the learner sees exactly that; the column and reason are the
/// simulator's extra, printed on one hint line after the AWS error (issue 4).
public struct FilterPatternError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The error AWS returns for any pattern it cannot parse, in FilterLogEvents and the metric
    /// and subscription filter calls alike.
    public static let invalidFilterPattern = AWSError(
        code: "InvalidParameterException", message: "Invalid filter pattern", httpStatus: 400)

    /// The AWS outcome: always `invalidFilterPattern`.
    public var awsError: AWSError { Self.invalidFilterPattern }
    /// The 1-based column (in characters) of the pattern where parsing failed.
    public let column: Int
    /// Why parsing failed there, in every language we ship.
    public let reason: LocalizedText

    /// An error at `column` for `reason`.
    public init(column: Int, reason: LocalizedText) {
        self.column = column
        self.reason = reason
    }

    /// The workbook's extra line after the AWS error, naming the position.
    public func hintLine(_ language: Language = .en) -> String {
        switch language {
        case .en: "hint: filter pattern column \(column): \(reason.text(.en))"
        case .ko: "힌트: 필터 패턴 \(column)번째 열: \(reason.text(.ko))"
        }
    }

    /// The AWS error with the column and reason, for logs and test failures.
    public var description: String { "\(awsError.description) (column \(column): \(reason.en))" }
}

// Typed factories: every reason the parsers give, next to their translations (STYLE.md rule 5).
extension FilterPatternError {
    /// Something specific was needed at `column`.
    static func expected(_ what: Expectation, at column: Int) -> FilterPatternError {
        FilterPatternError(column: column, reason: LocalizedText(en: "expected \(what.text.en)", ko: "\(what.text.ko ?? what.text.en)이(가) 와야 합니다"))
    }

    static func unterminatedQuote(at column: Int) -> FilterPatternError {
        FilterPatternError(column: column, reason: LocalizedText(
            en: "this quote is never closed", ko: "이 따옴표가 닫히지 않았습니다"))
    }

    static func unterminatedRegex(at column: Int) -> FilterPatternError {
        FilterPatternError(column: column, reason: LocalizedText(
            en: "this %regex% is never closed with %", ko: "이 %정규식%이 %로 닫히지 않았습니다"))
    }

    static func needsQuotes(_ character: Character, at column: Int) -> FilterPatternError {
        FilterPatternError(column: column, reason: LocalizedText(
            en: "`\(character)` is not a letter, digit or _; put the term in double quotes",
            ko: "`\(character)`은(는) 영문자, 숫자, _가 아닙니다. 단어를 큰따옴표로 감싸세요"))
    }

    static func regexNotStandalone(at column: Int) -> FilterPatternError {
        FilterPatternError(column: column, reason: LocalizedText(
            en: "a %regex% must be the whole pattern, or a value in a JSON or space-delimited pattern",
            ko: "%정규식%은 패턴 전체이거나 JSON/공백 구분 패턴의 값이어야 합니다"))
    }

    static func tooManyRegexes(at column: Int) -> FilterPatternError {
        FilterPatternError(column: column, reason: LocalizedText(
            en: "a JSON or space-delimited pattern may hold at most 2 regexes",
            ko: "JSON/공백 구분 패턴에는 정규식을 2개까지만 쓸 수 있습니다"))
    }

    static func regexCharacter(_ character: Character, at column: Int) -> FilterPatternError {
        let code = character.unicodeScalars.first.map { String($0.value, radix: 16, uppercase: true) } ?? "?"
        let why: LocalizedText = switch character {
        case "(", ")": LocalizedText(en: "( and ) are not supported in a regex; write \\x\(code) for a literal one",
                                     ko: "정규식에서는 ( 와 )를 쓸 수 없습니다. 문자 그대로는 \\x\(code)로 쓰세요")
        case _ where !character.isASCII: LocalizedText(en: "multi-byte characters are not supported in a regex",
                                                       ko: "정규식에서는 멀티바이트 문자를 쓸 수 없습니다")
        default: LocalizedText(en: "`\(character)` is not supported in a regex; write \\x\(code) instead",
                               ko: "정규식에서는 `\(character)`을(를) 쓸 수 없습니다. 대신 \\x\(code)로 쓰세요")
        }
        return FilterPatternError(column: column, reason: why)
    }

    static func regexNothingToRepeat(at column: Int) -> FilterPatternError {
        FilterPatternError(column: column, reason: LocalizedText(
            en: "this quantifier has nothing before it to repeat", ko: "이 반복 기호 앞에 반복할 대상이 없습니다"))
    }

    static func regexBadEscape(at column: Int) -> FilterPatternError {
        FilterPatternError(column: column, reason: LocalizedText(
            en: "unsupported escape; use \\d \\D \\s \\S \\w \\W \\xhh or \\ before an operator",
            ko: "지원하지 않는 이스케이프입니다. \\d \\D \\s \\S \\w \\W \\xhh 또는 연산자 앞의 \\만 쓸 수 있습니다"))
    }

    static func regexBadRange(at column: Int) -> FilterPatternError {
        FilterPatternError(column: column, reason: LocalizedText(
            en: "the range's start is after its end", ko: "범위의 시작이 끝보다 뒤에 있습니다"))
    }

    static func unsupportedKeyword(_ keyword: String, at column: Int) -> FilterPatternError {
        FilterPatternError(column: column, reason: LocalizedText(
            en: "\(keyword) is not supported; use IS NULL, IS TRUE, IS FALSE or NOT EXISTS",
            ko: "\(keyword)은(는) 지원되지 않습니다. IS NULL, IS TRUE, IS FALSE, NOT EXISTS 중 하나를 쓰세요"))
    }

    static func numberRequired(at column: Int) -> FilterPatternError {
        FilterPatternError(column: column, reason: LocalizedText(
            en: "<, >, <= and >= compare numbers; this value is not a number",
            ko: "<, >, <=, >=는 숫자를 비교합니다. 이 값은 숫자가 아닙니다"))
    }

    static func wildcardQuota(perPattern: Bool, at column: Int) -> FilterPatternError {
        FilterPatternError(column: column, reason: perPattern
            ? LocalizedText(en: "a pattern may use at most 3 wildcard selectors", ko: "패턴 하나에 와일드카드 선택자는 3개까지만 쓸 수 있습니다")
            : LocalizedText(en: "a property selector may use at most 1 wildcard", ko: "속성 선택자 하나에 와일드카드는 1개까지만 쓸 수 있습니다"))
    }

    static func unknownField(_ name: String, at column: Int) -> FilterPatternError {
        FilterPatternError(column: column, reason: LocalizedText(
            en: "no field named `\(name)` in this pattern", ko: "이 패턴에 `\(name)` 필드가 없습니다"))
    }
}
