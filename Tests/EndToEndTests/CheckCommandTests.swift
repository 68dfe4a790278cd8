import Foundation
import Testing
import TestSupport

/// `workbook check` through the built binary (issue 3 item 7, "Must show": the starter fails with
/// a trace and a hint, the solution passes, two runs print the same bytes).
@Suite("workbook check")
struct CheckCommandTests {
    @Test func theStarterFailsWithATraceAnExpectationAndAHint() throws {
        let learner = try LearnerFolder()
        let run = try workbook(["check", "01"], in: learner.sprint)
        #expect(run.exitCode == 1, "\(run.transcript)")
        #expect(run.stdout.contains("What happened:"))
        #expect(run.stdout.contains("Expected:"))
        #expect(run.stdout.contains("Hint:"))
        #expect(run.stdout.contains("Building functions with nodejs12.x is no longer supported"))
        #expect(run.stdout.contains("ROLLBACK_COMPLETE"))
        try Golden.assertMatches(learner.mask.apply(run.transcript), "check-01-starter")

        let again = try workbook(["check", "01"], in: learner.sprint)
        #expect(again.result == run.result, "two runs of check 01 on the starter print the same bytes")
    }

    @Test func theReportSpeaksKorean() throws {
        let learner = try LearnerFolder()
        let run = try workbook(["check", "01", "--lang", "ko"], in: learner.sprint)
        #expect(run.exitCode == 1)
        #expect(run.stdout.contains("일어난 일:"))
        #expect(run.stdout.contains("기대한 것:"))
        #expect(run.stdout.contains("힌트:"))
        #expect(!run.stdout.contains("What happened:"))
        #expect(!run.stdout.contains("Hint:"))
        try Golden.assertMatches(learner.mask.apply(run.transcript), "check-01-starter-ko")
    }

    @Test func theSolutionPasses() throws {
        let learner = try LearnerFolder()
        try learner.solve()
        let run = try workbook(["check", "01"], in: learner.sprint)
        #expect(run.exitCode == 0, "\(run.transcript)")
        #expect(run.stdout.contains("Score: 10/10"))
        try Golden.assertMatches(learner.mask.apply(run.transcript), "check-01-solution")

        let again = try workbook(["check", "01"], in: learner.sprint)
        #expect(again.result == run.result, "two runs of check 01 on the solution print the same bytes")
    }

    @Test func jsonOutputParses() throws {
        let learner = try LearnerFolder()
        for solved in [false, true] {
            if solved { try learner.solve() }
            let run = try workbook(["check", "01", "--json"], in: learner.sprint)
            #expect(run.exitCode == (solved ? 0 : 1))
            let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
            #expect(object?["lesson"] as? String == "01-sam-deploy", "\(run.stdout)")
            #expect(object?["passed"] as? Bool == solved)
            #expect((object?["checks"] as? [Any])?.count == 5)
            try Golden.assertMatches(learner.mask.apply(run.transcript), solved ? "check-01-json-solution" : "check-01-json-starter")
        }
    }

    @Test func anUnknownLessonIsBadUsage() throws {
        let learner = try LearnerFolder()
        let run = try workbook(["check", "99"], in: learner.sprint)
        #expect(run.exitCode == 2)
        #expect(run.stdout.isEmpty)
        try Golden.assertMatches(learner.mask.apply(run.transcript), "check-99")
        let korean = try workbook(["check", "99", "--lang", "ko"], in: learner.sprint)
        #expect(korean.exitCode == 2)
        #expect(korean.stderr.contains("'99' 레슨이 없습니다"))
    }

    /// Unparseable YAML in the learner's own files is a shortfall of the learner's work (1), not a
    /// bad invocation (2): DESIGN.md "Exit codes".
    @Test func unparseableTemplateFailsTheCheckWithExitOne() throws {
        let learner = try LearnerFolder()
        try learner.solve()
        try Files.overlay(Fixtures.folder("broken-yaml"), onto: learner.lesson)
        let run = try workbook(["check", "01"], in: learner.sprint)
        #expect(run.exitCode == 1, "\(run.transcript)")
        #expect(run.stdout.contains("template.yaml:"))
        #expect(run.stdout.contains("invalid YAML"))
        #expect(!run.output.contains("Fatal error"))
        try Golden.assertMatches(learner.mask.apply(run.transcript), "check-01-broken-yaml")
    }

    @Test func aMissingStepsFileFailsTheCheckWithExitOne() throws {
        let learner = try LearnerFolder()
        try learner.solve()
        try FileManager.default.removeItem(atPath: "\(learner.lesson)/steps.sh")
        let run = try workbook(["check", "01"], in: learner.sprint)
        #expect(run.exitCode == 1, "\(run.transcript)")
        #expect(run.stdout.contains("steps.sh"))
        #expect(run.stdout.contains("✓ runtime-supported"), "the other checks still run")
        #expect(run.stdout.contains("✗ recovers-from-rollback"))
    }

    @Test func aMissingAnswersFileFailsTheCheckWithExitOne() throws {
        let learner = try LearnerFolder()
        try learner.solve()
        try FileManager.default.removeItem(atPath: "\(learner.lesson)/answers.yaml")
        let run = try workbook(["check", "01"], in: learner.sprint)
        #expect(run.exitCode == 1, "\(run.transcript)")
        #expect(run.stdout.contains("answers.yaml"))
        #expect(run.stdout.contains("✗ answers"))
    }

    /// The learner types `workbook check` in their lesson folder (README), or names the learner
    /// folder with `--workspace` from anywhere else: the same report either way.
    @Test func checkFromInsideTheLessonAndWithWorkspace() throws {
        let learner = try LearnerFolder()
        let reference = try workbook(["check", "01"], in: learner.sprint)

        let inside = try workbook(["check"], in: learner.lesson)
        #expect(inside.exitCode == 1)
        #expect(inside.stdout == reference.stdout)

        let insideNamed = try workbook(["check", "01"], in: learner.lesson)
        #expect(insideNamed.stdout == reference.stdout)

        let elsewhere = TempFolder("workbook-e2e-elsewhere")
        for arguments in [["check", "01", "--workspace", learner.sprint], ["--workspace", learner.sprint, "check", "01"]] {
            let run = try workbook(arguments, in: elsewhere.path)
            #expect(run.exitCode == 1, "\(run.transcript)")
            #expect(run.stdout == reference.stdout, "\(arguments)")
        }
        #expect(!Files.exists("\(elsewhere.path)/.workbook"), "--workspace leaves the current directory alone")
    }

    /// Students run the binary in their own folder, far from the checkout: it finds the course
    /// by itself (issue 3 item 7).
    @Test func theBinaryFindsTheCourseFromAnUnrelatedDirectory() throws {
        let learner = try LearnerFolder()
        for directory in ["/", NSTemporaryDirectory()] {
            let list = try workbook(["list", "--workspace", learner.sprint], in: directory)
            #expect(list.exitCode == 0, "\(list.transcript)")
            #expect(list.stdout.contains("01-sam-deploy"))
            let check = try workbook(["check", "01", "--workspace", learner.sprint], in: directory)
            #expect(check.exitCode == 1, "\(check.transcript)")
            #expect(check.stdout.contains("Score: 0/10"))
        }
    }
}
