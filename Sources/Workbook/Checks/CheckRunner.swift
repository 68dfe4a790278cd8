import Account
import CloudFormation
import Commands
import Foundation
import SimKit

/// Runs a workbook command line in-process against a given account; supplied by the CLI target
/// (which owns argument parsing), so checks replay exactly what the learner would type.
public typealias CommandRunner = @Sendable (_ arguments: [String], _ console: Console, _ account: Account) -> Int32

/// Checks a learner's lesson folder: every check in a fresh temporary account, deterministic
/// clock at the lesson's date, ids from the lesson's seed, on a temporary copy of the folder.
public struct CheckRunner: Sendable {
    public let runCommand: CommandRunner
    public let language: Language

    public init(language: Language, runCommand: @escaping CommandRunner) {
        self.language = language
        self.runCommand = runCommand
    }

    /// Checks `lesson` against the learner files in `learnerFolder`.
    public func check(_ lesson: Lesson, learnerFolder: String, only: Set<String>? = nil) throws -> LessonResult {
        var results: [CheckResult] = []
        for definition in lesson.checks where only?.contains(definition.id) ?? true {
            results.append(try check(definition, lesson: lesson, learnerFolder: learnerFolder))
        }
        return LessonResult(lessonId: lesson.id, title: lesson.title, checks: results)
    }

    func check(_ definition: CheckDefinition, lesson: Lesson, learnerFolder: String) throws -> CheckResult {
        let scratch = try Scratch(learnerFolder: learnerFolder)
        defer { scratch.remove() }
        // In-memory SQLite: the check's account is thrown away, so paging it to disk only costs time.
        let account = try Account.fresh(at: nil, date: lesson.date, seed: lesson.seed)
        var session = CheckSession(runner: self, account: account, scratch: scratch, lessonId: lesson.id)
        var failure: CheckResult.Miss?
        for step in definition.steps {
            if let problem = try session.perform(step) { failure = problem; break }
        }
        if failure == nil {
            for expectation in definition.expectations {
                let actual = ObservationPath.lookup(expectation.path, in: .object(session.observations))
                if !expectation.isMet(by: actual) {
                    failure = CheckResult.Miss(says: expectation.says ?? LocalizedText(en: expectation.path),
                                               expected: expectation.reveal ? expectation.expectedText
                                                   : (language == .ko ? "(보여 주지 않음: 레슨에서 찾아보세요)" : "(not shown: find it in the lesson)"),
                                               // Nothing found names where it looked, so a renamed
                                               // answers.yaml key reads as such, not as "(nothing)".
                                               got: actual == nil
                                                   ? (language == .ko ? "(\(expectation.path)에 값이 없습니다)" : "(nothing at \(expectation.path))")
                                                   : Expectation.text(actual))
                    break
                }
            }
        }
        return CheckResult(id: definition.id, title: definition.title, points: definition.points, passed: failure == nil,
                           trace: session.trace, miss: failure, hint: definition.hint)
    }
}

/// A temporary copy of the learner's lesson folder plus a place for the check's account.
struct Scratch {
    let root: String
    let work: String
    let learnerFolder: String

    init(learnerFolder: String) throws {
        let fm = FileManager.default
        root = ScratchSpace.base + "/workbook-check-\(UUID().uuidString)"
        work = "\(root)/\((learnerFolder as NSString).lastPathComponent)"
        self.learnerFolder = learnerFolder
        try fm.createDirectory(atPath: root, withIntermediateDirectories: true)
        try Self.copy(from: learnerFolder, to: work)
    }

    /// Copies the learner's files, leaving out build output and state (`.aws-sam`, `.workbook`).
    static func copy(from source: String, to destination: String) throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: destination, withIntermediateDirectories: true)
        for name in try fm.contentsOfDirectory(atPath: source) where name != ".aws-sam" && name != ".workbook" {
            try fm.copyItem(atPath: "\(source)/\(name)", toPath: "\(destination)/\(name)")
        }
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }

    /// Replaces the scratch path in captured output with the lesson folder's name, so traces are
    /// the same bytes on every run.
    func scrub(_ text: String) -> String {
        text.replacingOccurrences(of: work, with: (learnerFolder as NSString).lastPathComponent)
            .replacingOccurrences(of: root, with: ".")
    }
}
