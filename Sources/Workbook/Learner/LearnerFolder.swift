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
    /// Returns where the old files went, if there were any.
    public func reset(_ lesson: Lesson) throws -> String? {
        let fm = FileManager.default
        var backup: String?
        if fm.fileExists(atPath: folder(of: lesson)) {
            var n = 1
            while fm.fileExists(atPath: "\(root)/.workbook/backup/\(lesson.id)-\(n)") { n += 1 }
            let target = "\(root)/.workbook/backup/\(lesson.id)-\(n)"
            try fm.createDirectory(atPath: "\(root)/.workbook/backup", withIntermediateDirectories: true)
            try fm.moveItem(atPath: folder(of: lesson), toPath: target)
            backup = target
        }
        try copyStarter(lesson, to: folder(of: lesson))
        return backup
    }

    /// Copies into a staging folder first, so a failed copy never leaves half a lesson.
    func copyStarter(_ lesson: Lesson, to destination: String) throws {
        let fm = FileManager.default
        let staging = destination + ".staging"
        try? fm.removeItem(atPath: staging)
        try fm.copyItem(atPath: lesson.starterFolder, toPath: staging)
        try fm.moveItem(atPath: staging, toPath: destination)
    }

    public func exists(_ lesson: Lesson) -> Bool { FileManager.default.fileExists(atPath: folder(of: lesson)) }
}
