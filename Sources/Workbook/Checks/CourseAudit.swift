import Foundation
import SimKit

/// The course check (`workbook author check`): every starter fails, every solution passes, every
/// mutant fails exactly the check it names and passes the others.
public struct CourseAudit: Sendable {
    public let runner: CheckRunner

    public init(runner: CheckRunner) { self.runner = runner }

    public struct Finding: Sendable, Equatable {
        public var lesson: String
        public var subject: String
        public var ok: Bool
        public var detail: String
    }

    public func audit(_ lesson: Lesson) throws -> [Finding] {
        var findings: [Finding] = []
        let starter = try runner.check(lesson, learnerFolder: lesson.starterFolder)
        findings.append(Finding(lesson: lesson.id, subject: "starter", ok: !starter.passed,
                                detail: starter.passed ? "the starter passes every check" : "fails \(failed(starter))"))
        let solution = try runner.check(lesson, learnerFolder: lesson.solutionFolder)
        findings.append(Finding(lesson: lesson.id, subject: "solution", ok: solution.passed,
                                detail: solution.passed ? "passes every check" : "fails \(failed(solution))"))
        for mutant in lesson.mutants {
            let result = try runner.check(lesson, learnerFolder: mutant.folder)
            let failing = result.checks.filter { !$0.passed }.map(\.id)
            let ok = failing == [mutant.failsCheck]
            findings.append(Finding(lesson: lesson.id, subject: "mutant \(mutant.name)", ok: ok,
                                    detail: "should fail only \(mutant.failsCheck); fails \(failing.isEmpty ? "nothing" : failing.joined(separator: ", "))"))
        }
        return findings
    }

    func failed(_ result: LessonResult) -> String {
        result.checks.filter { !$0.passed }.map(\.id).joined(separator: ", ")
    }
}
