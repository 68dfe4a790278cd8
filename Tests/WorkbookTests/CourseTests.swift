import CLI
import Foundation
import SimKit
import TestSupport
import Testing
@testable import Workbook

/// The shipped course: every lesson parses, has both languages, and passes the course audit
/// (starter fails, solution passes, each mutant fails exactly the check it names).
@Suite struct CourseTests {
    let course: Course

    init() throws { course = try Course(root: "\(Repository.root)/Lessons") }

    @Test func everyLessonHasBothReadmesAndAtLeastThreeMutants() throws {
        #expect(!course.lessons.isEmpty)
        for lesson in course.lessons {
            #expect(FileManager.default.fileExists(atPath: "\(lesson.folder)/README.md"), "\(lesson.id)")
            #expect(FileManager.default.fileExists(atPath: "\(lesson.folder)/README.ko.md"), "\(lesson.id)")
            #expect(lesson.mutants.count >= 3, "\(lesson.id)")
            let ids = Set(lesson.checks.map(\.id))
            for mutant in lesson.mutants { #expect(ids.contains(mutant.failsCheck), "\(mutant.name)") }
        }
    }

    /// Checks invoke functions, which block their thread on async work: they run on a thread of
    /// their own (`onThread`), as the CLI runs them, never on a Swift task's.
    static let runner = CheckRunner(language: .en) { arguments, console, account in
        Entry.run(arguments, console: { _, _ in console }, account: account)
    }

    @Test func courseAudit() async throws {
        let audit = CourseAudit(runner: Self.runner)
        for lesson in course.lessons {
            for finding in try await onThread({ try audit.audit(lesson) }) {
                #expect(finding.ok, "\(finding.lesson) \(finding.subject): \(finding.detail)")
            }
        }
    }

    @Test func checksAreByteIdenticalAcrossRuns() async throws {
        for lesson in course.lessons {
            let solved = try CourseAudit.compose(layers: [lesson.starterFolder, lesson.solutionFolder], name: lesson.id)
            defer { try? FileManager.default.removeItem(atPath: solved.root) }
            for folder in [lesson.starterFolder, solved.folder] {
                let report = { @Sendable in CheckReport(result: try Self.runner.check(lesson, learnerFolder: folder), language: .en).text }
                let first = try await onThread(report)
                let second = try await onThread(report)
                #expect(first == second)
                #expect(first.hasPrefix("\(lesson.id) — "))
            }
        }
    }
}
