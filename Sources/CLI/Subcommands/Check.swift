import ArgumentParser
import Commands
import Foundation
import SimKit
import Workbook

/// `workbook check [LESSON]`: 0 when every check passes, 1 for any shortfall in the learner's
/// files, 2 for a bad invocation.
struct Check: WorkbookRunnable {
    static let configuration = CommandConfiguration(abstract: "Check your work on a lesson (in a fresh simulated account).")
    @Argument(help: "01, 1 or 01-sam-deploy (default: the lesson folder you are in, else the current lesson).") var lesson: String?

    func run(_ context: CommandContext, globals: GlobalOptions) throws -> Int32 {
        let folder = try LessonSupport.learnerFolder(context)
        guard let chosen = try lesson.map({ try folder.course.lesson($0) }) ?? LessonSupport.meant(context, folder) else { return 2 }
        guard folder.exists(chosen) else {
            throw WorkbookError(
                LocalizedText(en: "\(folder.folder(of: chosen)) does not exist", ko: "\(folder.folder(of: chosen))이(가) 없습니다"),
                fix: LocalizedText(en: "workbook reset \(chosen.id.prefix(2)) puts its starter files back",
                                   ko: "workbook reset \(chosen.id.prefix(2))로 시작 파일을 다시 만드세요"))
        }
        let result = try LessonSupport.runner(context.language).check(chosen, learnerFolder: folder.folder(of: chosen))
        try Progress.open(workspace: folder.root).record(result)
        let report = CheckReport(result: result, language: context.language, color: context.console.color)
        context.console.out(globals.json ? report.json : report.text)
        return result.passed ? 0 : 1
    }
}

/// `workbook author check [LESSON]`: the course check for lesson authors.
struct Author: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Tools for lesson authors.", subcommands: [AuthorCheck.self])

    struct AuthorCheck: WorkbookRunnable {
        static let configuration = CommandConfiguration(
            commandName: "check", abstract: "Prove every starter fails, every solution passes, every mutant fails the check it names.")
        @Argument(help: "Only this lesson.") var lesson: String?

        func run(_ context: CommandContext, globals: GlobalOptions) throws -> Int32 {
            let course = try LessonSupport.course()
            let lessons = try lesson.map { [try course.lesson($0)] } ?? course.lessons
            let audit = CourseAudit(runner: LessonSupport.runner(context.language))
            var failures = 0
            for lesson in lessons {
                for finding in try audit.audit(lesson) {
                    if !finding.ok { failures += 1 }
                    context.console.out("\(finding.ok ? "ok  " : "FAIL") \(finding.lesson) \(finding.subject): \(finding.detail)\n")
                }
            }
            return failures == 0 ? 0 : 1
        }
    }
}

/// Bare `workbook`: where am I.
struct Status {
    static func run(_ context: CommandContext) throws -> Int32 {
        let folder = try LessonSupport.folder(context)
        let c = context.console
        let ko = context.language == .ko
        guard folder.course.lessons.contains(where: folder.exists) else {
            if let below = LessonSupport.learnerFoldersBelow(folder.root).first {
                c.out(ko ? "Serverless Sprint Workbook — 이 폴더가 아니라 \(below)이(가) 작업 폴더입니다.\n다음 명령: cd \(below)\n"
                         : "Serverless Sprint Workbook — your learner folder is \(below), not this one.\nNext: cd \(below)\n")
                return 0
            }
            c.out(ko ? "Serverless Sprint Workbook — 아직 작업 폴더가 없습니다.\n시작: workbook init sprint && cd sprint\n"
                     : "Serverless Sprint Workbook — no learner folder here yet.\nStart: workbook init sprint && cd sprint\n")
            return 0
        }
        let progress = try Progress.entries(workspace: folder.root)
        let passed = folder.course.lessons.filter { progress[$0.id]?.passed == true }.count
        c.out("Serverless Sprint Workbook — \(folder.root)\n")
        c.out(ko ? "통과한 레슨: \(passed)/\(folder.course.lessons.count)\n" : "Lessons passed: \(passed) of \(folder.course.lessons.count)\n")
        if let current = try LessonSupport.current(folder, progress: progress) {
            let n = String(current.id.prefix(2))
            c.out((ko ? "현재 레슨: " : "Current lesson: ") + "\(current.id) — \(current.title.text(context.language))\n")
            c.out(ko ? "다음 명령: workbook show \(n) 또는 workbook check \(n)\n" : "Next: workbook show \(n), then workbook check \(n)\n")
        }
        return 0
    }
}
