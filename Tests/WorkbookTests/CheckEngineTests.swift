import Account
import CLI
import Commands
import Foundation
import SimKit
import TestSupport
import Testing
@testable import Workbook

/// The check language on small lessons written in the test, run through the real CLI in-process.
@Suite struct CheckEngineTests {
    let runner = CheckRunner(language: .en) { arguments, console, account in
        Entry.run(arguments, console: { _, _ in console }, account: account)
    }

    /// Writes a one-lesson course and a learner folder holding `files`.
    func lesson(_ yaml: String, files: [String: String]) throws -> (Lesson, TempFolder) {
        let course = TempFolder("course")
        try course.write("01-test/lesson.yaml", yaml)
        let learner = TempFolder("learner")
        for (name, text) in files { try learner.write(name, text) }
        return (try Lesson.load(folder: "\(course.path)/01-test"), learner)
    }

    static let header = """
        title: {en: Test, ko: 테스트}
        date: 2026-11-01T00:00:00Z
        seed: 7
        checks:

        """

    @Test func expectationsCompareObservedValues() throws {
        let (lesson, learner) = try lesson(Self.header + """
              - id: answers
                title: {en: Answers, ko: 답}
                steps:
                  - answers: {file: answers.yaml}
                expect:
                  - {at: answers.count, equals: 3}
                  - {at: 'answers.names[-1]', one-of: [c, d]}
                  - {at: answers.status, matches: '^ROLLBACK_'}
                  - {at: answers.count, at-least: 2}
                  - {at: answers.missing, exists: false}
                hint: {en: h, ko: 힌트}
            """, files: ["answers.yaml": "count: 3\nnames: [a, b, c]\nstatus: ROLLBACK_COMPLETE\n"])
        let result = try runner.check(lesson, learnerFolder: learner.path)
        #expect(result.passed)
    }

    @Test func aMissReportsSaysExpectedAndGot() throws {
        let (lesson, learner) = try lesson(Self.header + """
              - id: status
                title: {en: Status, ko: 상태}
                steps:
                  - answers: {file: answers.yaml}
                expect:
                  - at: answers.status
                    equals: ROLLBACK_COMPLETE
                    says: {en: the stack status, ko: 스택 상태}
                hint: {en: look at describe-stacks, ko: describe-stacks를 보세요}
            """, files: ["answers.yaml": "status: CREATE_FAILED\n"])
        let result = try runner.check(lesson, learnerFolder: learner.path)
        let check = try #require(result.checks.first)
        #expect(!check.passed)
        #expect(check.miss == CheckResult.Miss(says: LocalizedText(en: "the stack status", ko: "스택 상태"),
                                               expected: "ROLLBACK_COMPLETE", got: "CREATE_FAILED"))
        let text = CheckReport(result: result, language: .ko).text
        #expect(text.contains("기대한 것: 스택 상태"))
        #expect(text.contains("힌트: describe-stacks를 보세요"))
    }

    @Test func replayRunsWorkbookCommandsAndRefusesShellSyntax() throws {
        let yaml = Self.header + """
              - id: replay
                title: {en: Replay, ko: 재실행}
                steps:
                  - replay: {file: steps.sh}
                expect:
                  - {at: replay.count, equals: 2}
                  - {at: 'replay.commands[0].exit', equals: 0}
                  - {at: replay.output, contains: '2026-11-01T00:04:00.000Z'}
                hint: {en: h, ko: 힌트}
            """
        let (good, learner) = try lesson(yaml, files: ["steps.sh": "# advance the clock\nworkbook clock advance 4m\n\nworkbook clock show\n"])
        #expect(try runner.check(good, learnerFolder: learner.path).passed)

        let (bad, learner2) = try lesson(yaml, files: ["steps.sh": "workbook clock show | grep 2026\n"])
        let result = try runner.check(bad, learnerFolder: learner2.path)
        #expect(result.checks.first?.miss?.got == "workbook clock show | grep 2026")
    }

    @Test func missingFilesAndBrokenYAMLAreShortfallsNotCrashes() throws {
        let yaml = Self.header + """
              - id: template
                title: {en: Template, ko: 템플릿}
                steps:
                  - template: {file: template.yaml}
                expect:
                  - {at: template.Resources, exists: true}
                hint: {en: h, ko: 힌트}
            """
        let (lesson, learner) = try lesson(yaml, files: ["template.yaml": "Resources:\n  A: [unclosed\n"])
        let broken = try runner.check(lesson, learnerFolder: learner.path)
        #expect(broken.checks.first?.miss?.got.contains("template.yaml:") == true)
        let (lesson2, empty) = try self.lesson(yaml, files: [:])
        #expect(try runner.check(lesson2, learnerFolder: empty.path).checks.first?.miss?.got == "no such file")
    }

    @Test func clockStepsMoveTheChecksOwnAccount() throws {
        let (lesson, learner) = try lesson(Self.header + """
              - id: clock
                title: {en: Clock, ko: 시계}
                steps:
                  - clock: {set: 2023-05-10}
                  - run: [clock, show]
                expect:
                  - {at: run.stdout, contains: '2023-05-10T00:00:00.000Z (deterministic'}
                hint: {en: h, ko: 힌트}
            """, files: [:])
        #expect(try runner.check(lesson, learnerFolder: learner.path).passed)
    }

    @Test func lessonFileErrorsPointAtTheLine() throws {
        let course = TempFolder("course")
        try course.write("01-bad/lesson.yaml", Self.header + "  - id: x\n    title: {en: only english}\n")
        #expect {
            _ = try Lesson.load(folder: "\(course.path)/01-bad")
        } throws: { error in
            (error as? WorkbookError)?.location?.line == 6
        }
    }

    @Test func runArgumentsAreFilledInFromEarlierObservations() throws {
        let (lesson, learner) = try lesson(Self.header + """
              - id: fill
                title: {en: Fill, ko: 채우기}
                steps:
                  - answers: {file: answers.yaml}
                  - run: {as: advanced, args: [clock, advance, '{{answers.step}}']}
                  - run: [clock, show]
                expect:
                  - {at: advanced.exit, equals: 0}
                  - {at: run.stdout, contains: '2026-11-01T00:04:00.000Z'}
                hint: {en: h, ko: 힌트}
            """, files: ["answers.yaml": "step: 4m\n"])
        #expect(try runner.check(lesson, learnerFolder: learner.path).passed)

        // A path nothing observed fails the check at that step, naming the path.
        let (missing, learner2) = try self.lesson(Self.header + """
              - id: fill
                title: {en: Fill, ko: 채우기}
                steps:
                  - run: [aws, logs, tail, '/aws/lambda/{{stack.PhysicalIds.Fn}}']
                expect:
                  - {at: run.exit, equals: 0}
                hint: {en: h, ko: 힌트}
            """, files: [:])
        let miss = try #require(try runner.check(missing, learnerFolder: learner2.path).checks.first?.miss)
        #expect(miss.expected == "stack.PhysicalIds.Fn")
        #expect(miss.got == "$ workbook aws logs tail '/aws/lambda/{{stack.PhysicalIds.Fn}}'")
    }

    @Test func stepArgumentsResolveEveryPlaceholderInAWord() {
        let observed: JSON = ["stack": ["PhysicalIds": ["Fn": "app-Fn-ABC", "Table": "app-Table-XYZ"]], "n": 3, "nothing": nil]
        #expect(StepArguments.resolve(["/aws/lambda/{{stack.PhysicalIds.Fn}}", "{{ n }}-{{stack.PhysicalIds.Table}}", "plain"], in: observed)
            == .success(["/aws/lambda/app-Fn-ABC", "3-app-Table-XYZ", "plain"]))
        #expect(StepArguments.resolve(["{{nothing}}"], in: observed) == .failure(.init(path: "nothing")))
        #expect(StepArguments.resolve(["{{stack.Outputs.X}}"], in: observed) == .failure(.init(path: "stack.Outputs.X")))
        #expect(StepArguments.resolve(["{ \"Metadata\": \"Hello\" }"], in: observed) == .success(["{ \"Metadata\": \"Hello\" }"]))
    }

    @Test func aCommandsJSONAnswerIsObservedAsJSON() throws {
        let (lesson, learner) = try lesson(Self.header + """
              - id: json
                title: {en: JSON, ko: JSON}
                steps:
                  - run: [aws, dynamodb, list-tables]
                  - run: {as: clock, args: [clock, show]}
                expect:
                  - {at: run.json.TableNames, exists: true}
                  - {at: clock.json, exists: false}
                hint: {en: h, ko: 힌트}
            """, files: [:])
        let result = try runner.check(lesson, learnerFolder: learner.path)
        #expect(result.passed, "\(result.checks.first?.miss.map { "\($0.expected) / \($0.got)" } ?? "")")
    }

    /// A failed command's trace shows its last 14 lines, but never opens on the tail of a wrapped
    /// SAM table row: it starts at the row's first line instead (this row, from a real
    /// `sam deploy` transcript, wraps its type and reason columns).
    @Test func aTraceExcerptStartsAtTheRowItCutInto() {
        let table = [
            "ROLLBACK_IN_PROGRESS     AWS::CloudFormation::S   lambda-to-dynamodb       The following",
            "                         tack                                              resource(s) failed to",
            "                                                                           create:",
            "                                                                           [LambdaPutDynamoDB].",
        ]
        let tail = (1...12).map { "DELETE_COMPLETE          AWS::IAM::Role           Role\($0)                    -" }
        let output = ["Initiating deployment", "=====================", "CloudFormation events from stack operations"] + table + tail
        let excerpt = CheckSession.excerpt(output)
        #expect(excerpt.first == "…")
        #expect(excerpt.dropFirst().first == table[0], "\(excerpt)")
        #expect(excerpt.last == tail.last)
        #expect(excerpt.count == 1 + 4 + 12)

        // A plain cut stays at 14 lines; an indented block longer than the widening keeps its cut.
        let plain = (1...20).map { "line \($0)" }
        #expect(CheckSession.excerpt(plain) == ["…"] + plain.suffix(14))
        let indented = ["heading"] + (1...30).map { "  detail \($0)" }
        #expect(CheckSession.excerpt(indented) == ["…"] + indented.suffix(14))
        // Short output is shown whole, without "…".
        #expect(CheckSession.excerpt(Array(plain.prefix(14))) == Array(plain.prefix(14)))
    }

    @Test func observationPaths() {
        let json: JSON = ["a": ["b": [1, 2, ["c": "x"]]]]
        #expect(ObservationPath.lookup("a.b[2].c", in: json) == "x")
        #expect(ObservationPath.lookup("a.b[-1].c", in: json) == "x")
        #expect(ObservationPath.lookup("a.b[0]", in: json) == 1)
        #expect(ObservationPath.lookup("a.nope", in: json) == nil)
    }

    @Test func shellWords() throws {
        #expect(try ShellWords.split(#"workbook sam deploy --stack-name 'a b' "c\"d" e\ f # comment"#)
            == ["workbook", "sam", "deploy", "--stack-name", "a b", "c\"d", "e f"])
        #expect(throws: ShellWords.Problem.self) { try ShellWords.split("echo $HOME") }
        #expect(throws: ShellWords.Problem.self) { try ShellWords.split("a 'b") }
        let words = ["aws", "--payload", #"{ "Metadata": "Hello" }"#, "it's", "", "arn:aws:lambda:ap-northeast-2:1:function:f", "$LATEST"]
        #expect(words.map(ShellWords.quote)
            == ["aws", "--payload", #"'{ "Metadata": "Hello" }'"#, #"'it'\''s'"#, "''", "arn:aws:lambda:ap-northeast-2:1:function:f", "'$LATEST'"])
        #expect(try ShellWords.split(words.map(ShellWords.quote).joined(separator: " ")) == words, "a quoted line splits back into its words")
    }
}
