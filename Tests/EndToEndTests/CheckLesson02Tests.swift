import Foundation
import Testing
import TestSupport

/// `workbook check 02` through the built binary: the starter's trace shows the sprint's 202, the
/// empty log group and why it is empty; the solution passes; both print the same bytes twice.
@Suite("workbook check 02")
struct CheckLesson02Tests {
    static let lesson = "02-invoke-and-watch"

    @Test func theStarterTraceShowsThe202TheEmptyLogAndTheReason() throws {
        let learner = try LearnerFolder()
        let run = try workbook(["check", "02"], in: learner.sprint)
        #expect(run.exitCode == 1, "\(run.transcript)")
        for text in [
            #"--payload '{ "Metadata": "Hello" }' response.json --cli-binary-format raw-in-base64-out"#,
            #""StatusCode": 202"#,
            "The specified log group does not exist.",
            "may not logs:CreateLogGroup", "AWS drops the lines silently",
            "Cannot find module 'aws-sdk'",
            #""Items": []"#,
            "Score: 0/8",
        ] {
            #expect(run.stdout.contains(text), "check 02 on the starter shows \(text)")
        }
        try Golden.assertMatches(learner.mask.apply(run.transcript), "check-02-starter")

        let again = try workbook(["check", "02"], in: learner.sprint)
        #expect(again.result == run.result, "two runs of check 02 on the starter print the same bytes")

        let korean = try workbook(["check", "02", "--lang", "ko"], in: learner.sprint)
        #expect(korean.exitCode == 1)
        #expect(korean.stdout.contains("AWS는 로그를 조용히 버립니다"))
        #expect(korean.stdout.contains("힌트: 202는"))
    }

    @Test func theSolutionPasses() throws {
        let learner = try LearnerFolder()
        try learner.solve(Self.lesson)
        let run = try workbook(["check", "02"], in: learner.sprint)
        #expect(run.exitCode == 0, "\(run.transcript)")
        #expect(run.stdout.contains("Score: 8/8"))
        try Golden.assertMatches(learner.mask.apply(run.transcript), "check-02-solution")

        let again = try workbook(["check", "02"], in: learner.sprint)
        #expect(again.result == run.result, "two runs of check 02 on the solution print the same bytes")
    }

    @Test func showAndHintInBothLanguages() throws {
        let learner = try LearnerFolder()
        let source = "\(Repository.root)/Lessons/\(Self.lesson)"
        for (language, readme) in [("en", "README.md"), ("ko", "README.ko.md")] {
            let show = try workbook(["show", "02", "--lang", language], in: learner.sprint)
            #expect(show.exitCode == 0)
            #expect(show.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
                == (try Files.read("\(source)/\(readme)")).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        let hint = try workbook(["hint", "02"], in: learner.sprint)
        #expect(hint.exitCode == 0)
        for check in ["logs-delivered", "item-stored", "answers"] { #expect(hint.stdout.contains(check)) }
        let korean = try workbook(["hint", "02", "--lang", "ko"], in: learner.sprint)
        #expect(korean.stdout.contains("실행 역할"))
        #expect(Files.list(learner.folder(of: Self.lesson)) == Files.list("\(source)/starter"))
    }
}
