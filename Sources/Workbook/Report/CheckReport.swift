import SimKit

/// Renders a lesson's check results for the learner (text, en/ko) or for machines (`--json`).
/// No timestamps, temp paths or durations: two runs print the same bytes.
public struct CheckReport {
    public let result: LessonResult
    public let language: Language
    public let color: Bool

    public init(result: LessonResult, language: Language, color: Bool = false) {
        self.result = result
        self.language = language
        self.color = color
    }

    var ko: Bool { language == .ko }

    /// The learner-facing report.
    public var text: String {
        var lines = ["\(result.lessonId) — \(result.title.text(language))", ""]
        let width = result.checks.map(\.id.count).max() ?? 0
        for check in result.checks {
            let mark = check.passed ? paint("✓", 32) : paint("✗", 31)
            lines.append("\(mark) \(check.id.rightPadded(to: width))  \(check.title.text(language))  \(check.earned)/\(check.points)")
            if !check.passed { lines += failureBlock(check) }
        }
        let passedCount = result.checks.filter(\.passed).count
        lines.append("")
        if ko {
            lines.append("점수: \(result.earned)/\(result.possible) — 검사 \(result.checks.count)개 중 \(passedCount)개 통과")
        } else {
            lines.append("Score: \(result.earned)/\(result.possible) — \(passedCount) of \(result.checks.count) checks passed")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func failureBlock(_ check: CheckResult) -> [String] {
        var lines = ["    " + (ko ? "일어난 일:" : "What happened:")]
        if check.trace.isEmpty { lines.append("      " + (ko ? "(아무 단계도 실행되지 않았습니다)" : "(no step ran)")) }
        let actorWidth = check.trace.map(\.actor.count).max() ?? 0
        for entry in check.trace {
            lines.append("      \(entry.actor.rightPadded(to: actorWidth))  \(entry.text)")
            for detail in entry.detail { lines.append("      \(String(repeating: " ", count: actorWidth))    \(detail)") }
        }
        if let miss = check.miss {
            lines.append("    " + (ko ? "기대한 것: " : "Expected: ") + miss.says.text(language))
            lines.append("      " + (ko ? "기대값: " : "expected: ") + miss.expected)
            lines.append("      " + (ko ? "실제값: " : "got:      ") + miss.got.replacingOccurrences(of: "\n", with: "\n                "))
        }
        lines.append("    " + (ko ? "힌트: " : "Hint: ") + check.hint.text(language))
        return lines
    }

    func paint(_ text: String, _ code: Int) -> String { color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }

    /// `--json`: the same facts, for graders and tools.
    public var json: String {
        let checks: [JSON] = result.checks.map { check in
            var o: JSONObject = ["id": .string(check.id), "title": .string(check.title.text(language)), "passed": .bool(check.passed),
                                 "points": .int(Int64(check.points)), "earned": .int(Int64(check.earned))]
            if !check.passed {
                o["trace"] = .array(check.trace.map { ["actor": .string($0.actor), "text": .string($0.text),
                                                       "detail": .array($0.detail.map(JSON.string))] })
                if let miss = check.miss {
                    o["expectation"] = ["says": .string(miss.says.text(language)), "expected": .string(miss.expected), "got": .string(miss.got)]
                }
                o["hint"] = .string(check.hint.text(language))
            }
            return .object(o)
        }
        let root: JSON = ["lesson": .string(result.lessonId), "passed": .bool(result.passed), "earned": .int(Int64(result.earned)),
                          "possible": .int(Int64(result.possible)), "checks": .array(checks)]
        return root.serialized(.python(indent: 2)) + "\n"
    }
}
