import Foundation
import SimKit

/// The course check (`workbook author check`): every starter fails, every solution passes, every
/// mutant fails exactly the check it names and passes the others.
public struct CourseAudit: Sendable {
    public let runner: CheckRunner

    public init(runner: CheckRunner) { self.runner = runner }

    public struct Finding: Sendable, Equatable {
        public var lesson: String
        public var subject: String
        public var ok: Bool
        public var detail: String
    }

    public func audit(_ lesson: Lesson) throws -> [Finding] {
        var findings: [Finding] = []
        let starter = try runner.check(lesson, learnerFolder: lesson.starterFolder)
        findings.append(Finding(lesson: lesson.id, subject: "starter", ok: !starter.passed,
                                detail: starter.passed ? "the starter passes every check" : "fails \(failed(starter))"))
        let solved = try Self.compose(layers: [lesson.starterFolder, lesson.solutionFolder], name: lesson.id)
        defer { try? FileManager.default.removeItem(atPath: solved.root) }
        let solution = try runner.check(lesson, learnerFolder: solved.folder)
        findings.append(Finding(lesson: lesson.id, subject: "solution", ok: solution.passed,
                                detail: solution.passed ? "passes every check" : "fails \(failed(solution))"))
        for mutant in lesson.mutants {
            let composed = try Self.compose(layers: [lesson.starterFolder, lesson.solutionFolder, mutant.folder], name: lesson.id)
            defer { try? FileManager.default.removeItem(atPath: composed.root) }
            let result = try runner.check(lesson, learnerFolder: composed.folder)
            let failing = result.checks.filter { !$0.passed }.map(\.id)
            let ok = failing == [mutant.failsCheck]
            findings.append(Finding(lesson: lesson.id, subject: "mutant \(mutant.name)", ok: ok,
                                    detail: "should fail only \(mutant.failsCheck); fails \(failing.isEmpty ? "nothing" : failing.joined(separator: ", "))"))
        }
        return findings
    }

    /// Lays folders over each other in a temporary copy. A solution is the starter with
    /// `solution/` copied over it (as a learner would copy it over the lesson folder); a mutant is
    /// that with `mutants/<name>/` over it. Each layer keeps only the files it changes, so the
    /// one edit a mutant makes is plain to see.
    public static func compose(layers: [String], name: String) throws -> (root: String, folder: String) {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("workbook-layers-\(UUID().uuidString)").path
        let folder = "\(root)/\(name)"
        try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for layer in layers { try overlay(layer, onto: folder) }
        return (root, folder)
    }

    /// Copies every file of `overlay` into `folder`, replacing files of the same path.
    public static func overlay(_ overlay: String, onto folder: String) throws {
        let fm = FileManager.default
        guard let walker = fm.enumerator(atPath: overlay) else { return }
        for case let relative as String in walker {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: "\(overlay)/\(relative)", isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            let target = "\(folder)/\(relative)"
            try fm.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try? fm.removeItem(atPath: target)
            try fm.copyItem(atPath: "\(overlay)/\(relative)", toPath: target)
        }
    }

    func failed(_ result: LessonResult) -> String {
        result.checks.filter { !$0.passed }.map(\.id).joined(separator: ", ")
    }
}
