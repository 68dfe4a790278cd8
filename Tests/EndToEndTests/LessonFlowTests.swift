import Foundation
import Testing
import TestSupport

/// A learner's first minutes (issue 3 item 7): `init`, bare `workbook`, `list`, `show`, `next`,
/// `hint` and `reset`, run as the built binary in a fresh folder.
@Suite("Lesson flow")
struct LessonFlowTests {
    static let lessonSource = "\(Repository.root)/Lessons/01-sam-deploy"

    @Test func initCreatesTheLessonFoldersAndTheState() throws {
        let temp = TempFolder("workbook-e2e")
        let run = try workbook(["init", "sprint"], in: temp.path)
        #expect(run.exitCode == 0, "\(run.transcript)")
        try Golden.assertMatches(Mask().path(temp.path, as: "$HOME").apply(run.transcript), "init")

        let lesson = "\(temp.path)/sprint/01-sam-deploy"
        #expect(Files.exists("\(temp.path)/sprint/.workbook"))
        #expect(Files.list(lesson) == Files.list("\(Self.lessonSource)/starter"))
        for file in Files.list("\(Self.lessonSource)/starter") {
            #expect(try Files.read("\(lesson)/\(file)") == Files.read("\(Self.lessonSource)/starter/\(file)"), "\(file)")
        }
    }

    @Test func bareWorkbookSaysWhereTheLearnerIs() throws {
        let learner = try LearnerFolder()
        let atRoot = try workbook([], in: learner.sprint)
        #expect(atRoot.exitCode == 0)
        try Golden.assertMatches(learner.mask.apply(atRoot.transcript), "status")
        #expect(atRoot.stdout.contains("01-sam-deploy"))
        #expect(atRoot.stdout.contains("workbook show 01"))

        // Inside the lesson folder the learner folder is found upwards, as git finds .git.
        let inside = try workbook([], in: learner.lesson)
        #expect(inside.exitCode == 0)
        #expect(inside.stdout == atRoot.stdout)
    }

    @Test func listAndNext() throws {
        let learner = try LearnerFolder()
        let list = try workbook(["list"], in: learner.sprint)
        #expect(list.exitCode == 0)
        try Golden.assertMatches(learner.mask.apply(list.transcript), "list")
        #expect(list.stdout.contains("01-sam-deploy"))

        let next = try workbook(["next"], in: learner.sprint)
        #expect(next.exitCode == 0)
        try Golden.assertMatches(learner.mask.apply(next.transcript), "next")
        #expect(next.stdout.contains("workbook check 01"))
    }

    @Test func showPrintsTheLessonInEnglishAndKorean() throws {
        let learner = try LearnerFolder()
        let english = try workbook(["show", "01"], in: learner.sprint)
        #expect(english.exitCode == 0)
        #expect(english.stderr.isEmpty)
        let readme = try Files.read("\(Self.lessonSource)/README.md")
        #expect(english.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == readme.trimmingCharacters(in: .whitespacesAndNewlines))

        let korean = try workbook(["show", "01", "--lang", "ko"], in: learner.sprint)
        #expect(korean.exitCode == 0)
        let readmeKo = try Files.read("\(Self.lessonSource)/README.ko.md")
        #expect(korean.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == readmeKo.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(korean.stdout.contains("작업을 확인하세요: `workbook check 01`"))

        // `show` without a lesson, inside the lesson folder, shows that lesson (README's walkthrough).
        let here = try workbook(["show"], in: learner.lesson)
        #expect(here.exitCode == 0)
        #expect(here.stdout == english.stdout)
    }

    @Test func hintGivesEveryCheckItsHint() throws {
        let learner = try LearnerFolder()
        let run = try workbook(["hint", "01"], in: learner.sprint)
        #expect(run.exitCode == 0)
        try Golden.assertMatches(learner.mask.apply(run.transcript), "hint-01")
        for check in ["runtime-supported", "build-succeeds", "recovers-from-rollback", "outputs", "answers"] {
            #expect(run.stdout.contains(check), "hint 01 names \(check)")
        }
        let korean = try workbook(["hint", "01", "--lang", "ko"], in: learner.sprint)
        #expect(korean.exitCode == 0)
        #expect(korean.stdout.contains("런타임"))
    }

    @Test func resetRestoresTheStarterAndKeepsABackup() throws {
        let learner = try LearnerFolder()
        try "Resources: {}\n".write(toFile: "\(learner.lesson)/template.yaml", atomically: true, encoding: .utf8)
        try "notes\n".write(toFile: "\(learner.lesson)/notes.txt", atomically: true, encoding: .utf8)

        let folderBefore = try #require(try FileManager.default.attributesOfItem(atPath: learner.lesson)[.systemFileNumber] as? Int)
        let run = try workbook(["reset", "01"], in: learner.sprint)
        #expect(run.exitCode == 0, "\(run.transcript)")
        try Golden.assertMatches(learner.mask.apply(run.transcript), "reset-01")
        // The same folder (inode) holds the starter: a shell that typed `workbook reset` from
        // inside the lesson stays in the lesson, not in the backup.
        #expect(try #require(try FileManager.default.attributesOfItem(atPath: learner.lesson)[.systemFileNumber] as? Int) == folderBefore)

        let starter = "\(Self.lessonSource)/starter"
        #expect(Files.list(learner.lesson) == Files.list(starter))
        #expect(try Files.read("\(learner.lesson)/template.yaml") == Files.read("\(starter)/template.yaml"))

        let backups = try FileManager.default.contentsOfDirectory(atPath: "\(learner.sprint)/.workbook/backup")
        #expect(backups.count == 1)
        let backup = "\(learner.sprint)/.workbook/backup/\(backups.first ?? "")"
        #expect(try Files.read("\(backup)/template.yaml") == "Resources: {}\n")
        #expect(try Files.read("\(backup)/notes.txt") == "notes\n")
    }

    /// From the folder above `sprint/` (where `init sprint` ran), check and reset point at
    /// `sprint` instead of looking for `./01-sam-deploy` (and creating it there, for reset);
    /// bare `workbook` says where the learner folder is. A lesson folder the learner deleted is
    /// put back by reset, as check now says.
    @Test func aCommandOutsideTheLearnerFolderPointsAtIt() throws {
        let learner = try LearnerFolder()
        let parent = (learner.sprint as NSString).deletingLastPathComponent
        for arguments in [["check", "01"], ["reset", "01"]] {
            let run = try workbook(arguments, in: parent)
            #expect(run.exitCode == 2, "\(run.transcript)")
            #expect(run.stderr.contains("is not a learner folder, but sprint is"), "\(run.transcript)")
            #expect(run.stderr.contains("fix: cd sprint (or add --workspace sprint)"), "\(run.transcript)")
        }
        #expect(!FileManager.default.fileExists(atPath: "\(parent)/01-sam-deploy"))
        // Commands that only read progress create nothing there either (a `.workbook/` would make
        // the parent look like a learner folder from then on).
        for arguments in [["list"], ["next"], ["show"], ["hint"]] { _ = try workbook(arguments, in: parent) }
        #expect(!FileManager.default.fileExists(atPath: "\(parent)/.workbook"))
        #expect(try workbook(["check", "01"], in: parent).stderr.contains("but sprint is"))
        let status = try workbook([], in: parent)
        #expect(status.stdout.contains("your learner folder is sprint, not this one."), "\(status.transcript)")

        try FileManager.default.removeItem(atPath: learner.lesson)
        let missing = try workbook(["check", "01"], in: learner.sprint)
        #expect(missing.exitCode == 2, "\(missing.transcript)")
        #expect(missing.stderr.contains("fix: workbook reset 01 puts its starter files back"), "\(missing.transcript)")
        #expect(try workbook(["reset", "01"], in: learner.sprint).exitCode == 0)
        #expect(FileManager.default.fileExists(atPath: "\(learner.lesson)/template.yaml"))
    }

    /// Without a lesson number, show, hint and check mean the lesson folder the learner is in
    /// (lesson 02's here, while the current lesson is still 01), and the current lesson above it.
    @Test func withoutANumberTheLessonFolderYouAreInIsMeant() throws {
        let learner = try LearnerFolder()
        let inside02 = learner.folder(of: "02-invoke-and-watch")
        let show = try workbook(["show"], in: inside02)
        #expect(show.exitCode == 0)
        #expect(show.stdout == (try workbook(["show", "02"], in: learner.sprint)).stdout)
        #expect(try workbook(["hint"], in: "\(inside02)/src").stdout == (try workbook(["hint", "02"], in: learner.sprint)).stdout)
        #expect(try workbook(["check"], in: inside02).stdout.hasPrefix("02-invoke-and-watch"))
        #expect(try workbook(["show"], in: learner.sprint).stdout == (try workbook(["show", "01"], in: learner.sprint)).stdout)
    }

    @Test func resetOfAnUnknownLessonIsBadUsage() throws {
        let learner = try LearnerFolder()
        let run = try workbook(["reset", "99"], in: learner.sprint)
        #expect(run.exitCode == 2)
        #expect(run.stderr.contains("99"))
    }
}
