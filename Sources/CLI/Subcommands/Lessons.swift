import Account
import ArgumentParser
import Commands
import Foundation
import SimKit
import Workbook

/// Shared plumbing for the lesson commands.
enum LessonSupport {
    static func course() throws -> Course { try Course.locate() }

    static func folder(_ context: CommandContext) throws -> LearnerFolder {
        LearnerFolder(root: context.workspace, course: try course())
    }

    /// The workspace, when it is a learner folder (it holds `.workbook/`, as `workbook init`
    /// makes it); otherwise an error that points at one just below it, or at `workbook init`.
    /// (Run from the folder above `sprint/`, `check 01` used to look for `./01-sam-deploy`, and
    /// told the learner to run `init` there.)
    static func learnerFolder(_ context: CommandContext) throws -> LearnerFolder {
        let folder = try self.folder(context)
        guard !Workspace.isLearnerFolder(folder.root) else { return folder }
        if let below = learnerFoldersBelow(folder.root).first {
            throw WorkbookError(
                LocalizedText(en: "\(folder.root) is not a learner folder, but \(below) is",
                              ko: "\(folder.root)은(는) 작업 폴더가 아니지만 \(below)은(는) 작업 폴더입니다"),
                fix: LocalizedText(en: "cd \(below) (or add --workspace \(below)) and run it again",
                                   ko: "cd \(below) 한 뒤 (또는 --workspace \(below)를 붙여) 다시 실행하세요"))
        }
        throw WorkbookError(
            LocalizedText(en: "\(folder.root) is not a learner folder (it has no .workbook/)",
                          ko: "\(folder.root)은(는) 작업 폴더가 아닙니다 (.workbook/이 없습니다)"),
            fix: LocalizedText(en: "create one with workbook init sprint, then cd sprint",
                               ko: "workbook init sprint로 만든 뒤 cd sprint 하세요"))
    }

    /// The folders directly inside `root` that are learner folders, by name, sorted.
    static func learnerFoldersBelow(_ root: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return names.filter { Workspace.isLearnerFolder("\(root)/\($0)") }.sorted()
    }

    /// The runner checks use: each step is a workbook command parsed and run in-process against
    /// the check's own account.
    static func runner(_ language: Language) -> CheckRunner {
        CheckRunner(language: language) { arguments, console, account in
            Entry.run(arguments, console: { _, _ in console }, account: account)
        }
    }

    /// The lesson a command without a lesson number means: the one whose folder the learner
    /// is in (`cd sprint/01-sam-deploy && workbook check`, as README shows), else `current`.
    static func meant(_ context: CommandContext, _ folder: LearnerFolder) throws -> Lesson? {
        // Real paths on both sides: the current directory comes from getcwd, and --workspace or
        // a lesson folder may be a symbolic link.
        func real(_ path: String) -> String { URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path + "/" }
        let here = real(context.console.currentDirectory)
        let inside = folder.course.lessons.first { here.hasPrefix(real(folder.folder(of: $0))) }
        return try inside ?? current(folder)
    }

    /// The first lesson not passed yet (or the last one), by `progress` when the caller read it.
    static func current(_ folder: LearnerFolder, progress: [String: Workbook.Progress.Entry]? = nil) throws -> Lesson? {
        let progress = try progress ?? Progress.entries(workspace: folder.root)
        return folder.course.lessons.first { progress[$0.id]?.passed != true } ?? folder.course.lessons.last
    }

    static func text(_ context: CommandContext, en: String, ko: String) -> String { context.language == .ko ? ko : en }
}

/// `workbook init [DIR]`.
struct Init: WorkbookRunnable {
    static let configuration = CommandConfiguration(abstract: "Create a learner folder with every lesson's starter files.")
    @Argument(help: "The folder to create (default: the workspace, or the current directory).") var directory: String?

    func run(_ context: CommandContext, globals: GlobalOptions) throws -> Int32 {
        let root = directory.map { context.console.path($0) } ?? context.workspace
        let folder = LearnerFolder(root: root, course: try LessonSupport.course())
        let created = try folder.initialize()
        let c = context.console
        for lesson in created { c.out(LessonSupport.text(context, en: "created ", ko: "만듦 ") + "\(root)/\(lesson.id)/\n") }
        if created.isEmpty { c.out(LessonSupport.text(context, en: "every lesson folder already exists in \(root)\n", ko: "\(root)에 모든 레슨 폴더가 이미 있습니다\n")) }
        let first = folder.course.lessons.first?.id.prefix(2) ?? "01"
        c.out(LessonSupport.text(context,
                                 en: "\nNext: cd \(root)/\(folder.course.lessons.first?.id ?? "") && workbook show \(first)\n",
                                 ko: "\n다음: cd \(root)/\(folder.course.lessons.first?.id ?? "") && workbook show \(first)\n"))
        return 0
    }
}

/// `workbook list`.
struct List: WorkbookRunnable {
    static let configuration = CommandConfiguration(abstract: "List the lessons and which ones you passed.")

    func run(_ context: CommandContext, globals: GlobalOptions) throws -> Int32 {
        let folder = try LessonSupport.folder(context)
        let progress = try Progress.entries(workspace: folder.root)
        let width = folder.course.lessons.map(\.id.count).max() ?? 0
        for lesson in folder.course.lessons {
            let entry = progress[lesson.id]
            let mark = entry?.passed == true ? "✓" : (entry == nil ? " " : "✗")
            let score = entry.map { "  \($0.earned)/\($0.possible)" } ?? ""
            let id = lesson.id.padding(toLength: width, withPad: " ", startingAt: 0)
            context.console.out("\(mark) \(id)  \(lesson.title.text(context.language))\(score)\n")
        }
        return 0
    }
}

/// `workbook show [LESSON]`.
struct Show: WorkbookRunnable {
    static let configuration = CommandConfiguration(abstract: "Print a lesson (default: the lesson folder you are in, else the current one).")
    @Argument(help: "01, 1 or 01-sam-deploy.") var lesson: String?

    func run(_ context: CommandContext, globals: GlobalOptions) throws -> Int32 {
        let folder = try LessonSupport.folder(context)
        let chosen = try lesson.map { try folder.course.lesson($0) } ?? LessonSupport.meant(context, folder)
        guard let chosen else { return 0 }
        context.console.out(chosen.readme(context.language))
        return 0
    }
}

/// `workbook hint [LESSON]`.
struct Hint: WorkbookRunnable {
    static let configuration = CommandConfiguration(abstract: "Print the hints of a lesson's checks.")
    @Argument(help: "01, 1 or 01-sam-deploy.") var lesson: String?

    func run(_ context: CommandContext, globals: GlobalOptions) throws -> Int32 {
        let folder = try LessonSupport.folder(context)
        guard let chosen = try lesson.map({ try folder.course.lesson($0) }) ?? LessonSupport.meant(context, folder) else { return 0 }
        for check in chosen.checks {
            context.console.out("\(check.id): \(check.hint.text(context.language))\n")
        }
        return 0
    }
}

/// `workbook reset LESSON`.
struct Reset: WorkbookRunnable {
    static let configuration = CommandConfiguration(abstract: "Put a lesson's starter files back (your files move to .workbook/backup/).")
    @Argument(help: "01, 1 or 01-sam-deploy.") var lesson: String

    func run(_ context: CommandContext, globals: GlobalOptions) throws -> Int32 {
        let folder = try LessonSupport.learnerFolder(context)
        let chosen = try folder.course.lesson(lesson)
        let backup = try folder.reset(chosen)
        if let backup { context.console.out(LessonSupport.text(context, en: "your files moved to \(backup)\n", ko: "기존 파일은 \(backup)(으)로 옮겼습니다\n")) }
        context.console.out(LessonSupport.text(context, en: "\(folder.folder(of: chosen)) holds the starter files again\n",
                                               ko: "\(folder.folder(of: chosen))에 시작 파일을 다시 넣었습니다\n"))
        return 0
    }
}

/// `workbook next`.
struct Next: WorkbookRunnable {
    static let configuration = CommandConfiguration(abstract: "Say which lesson comes next and how to start it.")

    func run(_ context: CommandContext, globals: GlobalOptions) throws -> Int32 {
        let folder = try LessonSupport.folder(context)
        let progress = try Progress.entries(workspace: folder.root)
        guard let next = folder.course.lessons.first(where: { progress[$0.id]?.passed != true }) else {
            context.console.out(LessonSupport.text(context, en: "You passed every lesson.\n", ko: "모든 레슨을 통과했습니다.\n"))
            return 0
        }
        let n = String(next.id.prefix(2))
        context.console.out("\(next.id) — \(next.title.text(context.language))\n")
        context.console.out(LessonSupport.text(context, en: "Read it: workbook show \(n)\nCheck it: workbook check \(n)\n",
                                               ko: "읽기: workbook show \(n)\n검사: workbook check \(n)\n"))
        return 0
    }
}

/// `workbook solution LESSON`: the reference solution's files, once the lesson is passed.
struct Solution: WorkbookRunnable {
    static let configuration = CommandConfiguration(abstract: "Print a lesson's reference solution (after you passed it).")
    @Argument(help: "01, 1 or 01-sam-deploy.") var lesson: String

    func run(_ context: CommandContext, globals: GlobalOptions) throws -> Int32 {
        let folder = try LessonSupport.folder(context)
        let chosen = try folder.course.lesson(lesson)
        guard try Progress.entries(workspace: folder.root)[chosen.id]?.passed == true else {
            context.console.err(LessonSupport.text(context, en: "pass \(chosen.id) first (workbook check \(chosen.id.prefix(2))); the solution opens after that\n",
                                                   ko: "먼저 \(chosen.id)을(를) 통과하세요 (workbook check \(chosen.id.prefix(2))). 그 뒤에 해답을 볼 수 있습니다\n"))
            return 1
        }
        let fm = FileManager.default
        let files = (fm.enumerator(atPath: chosen.solutionFolder)?.allObjects as? [String] ?? []).sorted().filter { relative in
            var isDirectory: ObjCBool = false
            return fm.fileExists(atPath: "\(chosen.solutionFolder)/\(relative)", isDirectory: &isDirectory) && !isDirectory.boolValue
        }
        for relative in files {
            let text = (try? String(contentsOfFile: "\(chosen.solutionFolder)/\(relative)", encoding: .utf8)) ?? ""
            context.console.out("==> \(relative) <==\n\(text)\(text.hasSuffix("\n") ? "" : "\n")\n")
        }
        return 0
    }
}
