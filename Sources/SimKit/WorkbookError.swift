/// A problem the workbook itself reports (never an AWS outcome): bad input, an unsimulated
/// feature, a missing lesson. It says what went wrong, where, and how to fix it.
///
/// AWS outcomes are `AWSError` values instead; the two are never mixed (STYLE.md rule 4).
public struct WorkbookError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, one sentence.
    public var what: LocalizedText
    /// Where, when the problem is in a file.
    public var location: SourceLocation?
    /// How to fix it.
    public var fix: LocalizedText?
    /// The process exit code this error maps to (2 = bad input or usage, DESIGN.md "Exit codes").
    public var exitCode: Int32

    public init(_ what: LocalizedText, at location: SourceLocation? = nil, fix: LocalizedText? = nil, exitCode: Int32 = 2) {
        self.what = what
        self.location = location
        self.fix = fix
        self.exitCode = exitCode
    }

    /// `file:line:col: error: what` and, on the next line, `  fix: …`.
    public func rendered(_ language: Language = .en) -> String {
        var text = ""
        if let location { text += "\(location): " }
        text += "error: " + what.text(language)
        if let fix { text += "\n  " + (language == .ko ? "해결: " : "fix: ") + fix.text(language) }
        return text
    }

    public var description: String { rendered(.en) }

    /// An AWS resource type, property or feature the simulator does not model, named as such.
    /// With a location it is in a template; without one, in a command or what a command did.
    public static func notSimulated(_ feature: String, at location: SourceLocation?) -> WorkbookError {
        WorkbookError(
            LocalizedText(en: "\(feature) is not simulated", ko: "\(feature)은(는) 시뮬레이션되지 않습니다"),
            at: location,
            fix: location != nil
                ? LocalizedText(en: "remove it, or deploy this template to a real AWS account with the real SAM CLI",
                                ko: "이 부분을 지우거나, 실제 AWS 계정에 실제 SAM CLI로 배포하세요")
                : LocalizedText(en: "leave it out here (check its spelling too), or use it on a real AWS account with the real sam or aws CLI",
                                ko: "여기서는 빼고 (철자도 확인하세요), 실제 AWS 계정에서 실제 sam 또는 aws CLI로 사용하세요"))
    }
}

/// The learner's language (`--lang`, default from `LANG`).
public enum Language: String, Sendable, CaseIterable {
    case en, ko

    /// `ko` when `LANG`/`LC_ALL` starts with `ko`, else `en`.
    public static func fromEnvironment(_ environment: [String: String]) -> Language {
        let value = environment["LC_ALL"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["LANG"] ?? ""
        return value.lowercased().hasPrefix("ko") ? .ko : .en
    }
}

/// A text in every language we ship; a missing Korean text falls back to English.
public struct LocalizedText: Sendable, Hashable, ExpressibleByStringLiteral {
    public var en: String
    public var ko: String?

    public init(en: String, ko: String? = nil) {
        self.en = en
        self.ko = ko
    }
    public init(stringLiteral value: String) { self.init(en: value) }

    public func text(_ language: Language) -> String {
        switch language {
        case .en: en
        case .ko: ko ?? en
        }
    }
}
