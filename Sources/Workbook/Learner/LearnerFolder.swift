import Foundation
import SimKit

/// The learner's folder: one sub-folder per lesson, started from the lesson's starter files.
public struct LearnerFolder: Sendable {
    public let root: String
    public let course: Course

    public init(root: String, course: Course) {
        self.root = root
        self.course = course
    }

    public func folder(of lesson: Lesson) -> String { "\(root)/\(lesson.id)" }

    /// Creates the folder, `.workbook/`, and every lesson folder that does not exist yet (a
    /// learner's existing work is never overwritten). Returns the lessons created.
    @discardableResult
    public func initialize() throws -> [Lesson] {
        let fm = FileManager.default
        try fm.createDirectory(atPath: "\(root)/.workbook", withIntermediateDirectories: true)
        var created: [Lesson] = []
        for lesson in course.lessons where !fm.fileExists(atPath: folder(of: lesson)) {
            try copyStarter(lesson, to: folder(of: lesson))
            created.append(lesson)
        }
        return created
    }

    /// Puts the starter files back; the learner's previous files move to `.workbook/backup/`.
    ///
    /// The lesson folder itself stays (its contents are swapped), so a shell sitting in it —
    /// where a learner types `workbook reset` — still is in the lesson afterwards, not in the
    /// backup the folder would have become had it been moved. The starter is copied first, so a
    /// failed copy changes nothing; if moving an entry fails, the ones already moved go back and
    /// the error says where things are.
    public func reset(_ lesson: Lesson) throws -> String? {
        let fm = FileManager.default
        let folder = folder(of: lesson)
        guard fm.fileExists(atPath: folder) else {
            try copyStarter(lesson, to: folder)
            return nil
        }
        let staging = try stageStarter(lesson, for: folder)
        defer { try? fm.removeItem(atPath: staging) }
        var n = 1
        while fm.fileExists(atPath: "\(root)/.workbook/backup/\(lesson.id)-\(n)") { n += 1 }
        let backup = "\(root)/.workbook/backup/\(lesson.id)-\(n)"
        try fm.createDirectory(atPath: backup, withIntermediateDirectories: true)
        var moved: [String] = []
        do {
            for name in try fm.contentsOfDirectory(atPath: folder) {
                try fm.moveItem(atPath: "\(folder)/\(name)", toPath: "\(backup)/\(name)")
                moved.append(name)
            }
        } catch {
            for name in moved { try? fm.moveItem(atPath: "\(backup)/\(name)", toPath: "\(folder)/\(name)") }
            throw WorkbookError(LocalizedText(en: "could not move \(folder)'s files aside (\(error.localizedDescription)); nothing was reset",
                                              ko: "\(folder)의 파일을 옮기지 못했습니다 (\(error.localizedDescription)). 아무것도 초기화하지 않았습니다"),
                                fix: LocalizedText(en: "check that you may write to every file and folder in it, then run reset again",
                                                   ko: "그 안의 모든 파일과 폴더에 쓰기 권한이 있는지 확인하고 reset을 다시 실행하세요"))
        }
        for name in try fm.contentsOfDirectory(atPath: staging) {
            try fm.moveItem(atPath: "\(staging)/\(name)", toPath: "\(folder)/\(name)")
        }
        return backup
    }

    /// Copies into a staging folder first, so a failed copy never leaves half a lesson.
    func copyStarter(_ lesson: Lesson, to destination: String) throws {
        let staging = try stageStarter(lesson, for: destination)
        try FileManager.default.moveItem(atPath: staging, toPath: destination)
    }

    /// A complete copy of the lesson's starter files beside `destination`, or nothing (a failed
    /// copy is removed).
    private func stageStarter(_ lesson: Lesson, for destination: String) throws -> String {
        let fm = FileManager.default
        let staging = destination + ".staging"
        try? fm.removeItem(atPath: staging)
        do {
            try fm.copyItem(atPath: lesson.starterFolder, toPath: staging)
        } catch {
            try? fm.removeItem(atPath: staging)
            throw error
        }
        return staging
    }

    public func exists(_ lesson: Lesson) -> Bool { FileManager.default.fileExists(atPath: folder(of: lesson)) }
}
