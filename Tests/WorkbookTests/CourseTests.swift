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

    @Test func courseAudit() throws {
        let audit = CourseAudit(runner: CheckRunner(language: .en) { arguments, console, account in
            Entry.run(arguments, console: { _, _ in console }, account: account)
        })
        for lesson in course.lessons {
            for finding in try audit.audit(lesson) {
                #expect(finding.ok, "\(finding.lesson) \(finding.subject): \(finding.detail)")
            }
        }
    }

    @Test func checksAreByteIdenticalAcrossRuns() throws {
        let runner = CheckRunner(language: .en) { arguments, console, account in
            Entry.run(arguments, console: { _, _ in console }, account: account)
        }
        for lesson in course.lessons {
            let solved = try CourseAudit.compose(layers: [lesson.starterFolder, lesson.solutionFolder], name: lesson.id)
            defer { try? FileManager.default.removeItem(atPath: solved.root) }
            for folder in [lesson.starterFolder, solved.folder] {
                let first = CheckReport(result: try runner.check(lesson, learnerFolder: folder), language: .en).text
                let second = CheckReport(result: try runner.check(lesson, learnerFolder: folder), language: .en).text
                #expect(first == second)
                #expect(first.hasPrefix("\(lesson.id) — "))
            }
        }
    }
}
