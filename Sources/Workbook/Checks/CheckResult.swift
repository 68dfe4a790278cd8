import SimKit

/// What one service did during a check, in order: the trace a failed check prints.
public struct TraceLine: Sendable, Equatable {
    /// Who acted: `workbook`, `SAM`, `CloudFormation`, `Lambda`, `IAM`…
    public var actor: String
    public var text: String
    /// Output lines shown under the entry (indented).
    public var detail: [String]

    public init(actor: String, text: String, detail: [String] = []) {
        self.actor = actor
        self.text = text
        self.detail = detail
    }
}

/// The outcome of one check.
public struct CheckResult: Sendable, Equatable {
    public var id: String
    public var title: LocalizedText
    public var points: Int
    public var passed: Bool
    public var trace: [TraceLine]
    /// The expectation that missed: what it says, expected, got.
    public var miss: Miss?
    public var hint: LocalizedText

    public struct Miss: Sendable, Equatable {
        public var says: LocalizedText
        public var expected: String
        public var got: String
    }

    public var earned: Int { passed ? points : 0 }
}

/// The outcome of checking one lesson.
public struct LessonResult: Sendable, Equatable {
    public var lessonId: String
    public var title: LocalizedText
    public var checks: [CheckResult]

    public var passed: Bool { checks.allSatisfy(\.passed) }
    public var earned: Int { checks.reduce(0) { $0 + $1.earned } }
    public var possible: Int { checks.reduce(0) { $0 + $1.points } }
}
