import Foundation
import SimKit

/// The course: the `Lessons/` folder shipped with the workbook.
///
/// Found without relying on the current directory (learners run the binary in their own folder):
/// `WORKBOOK_COURSE`, else a `Lessons/` folder above the executable (a `swift build` tree), else
/// the source checkout this binary was built from.
public struct Course: Sendable {
    public let root: String
    public let lessons: [Lesson]

    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment,
                              executable: String = CommandLine.arguments.first ?? "") throws -> Course {
        for candidate in candidates(environment: environment, executable: executable) {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), isDirectory.boolValue {
                return try Course(root: candidate)
            }
        }
        throw WorkbookError(
            LocalizedText(en: "the course (a Lessons/ folder) was not found", ko: "코스(Lessons/ 폴더)를 찾을 수 없습니다"),
            fix: LocalizedText(en: "run the workbook from its checkout (swift run workbook …) or set WORKBOOK_COURSE to the Lessons/ folder",
                               ko: "체크아웃한 폴더에서 실행하거나(swift run workbook …) WORKBOOK_COURSE에 Lessons/ 폴더를 지정하세요"))
    }

    static func candidates(environment: [String: String], executable: String) -> [String] {
        var list: [String] = []
        if let explicit = environment["WORKBOOK_COURSE"], !explicit.isEmpty { list.append(explicit) }
        let resolved = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? executable
        var folder = URL(fileURLWithPath: resolved).deletingLastPathComponent()
        for _ in 0..<8 {
            list.append(folder.appendingPathComponent("Lessons").path)
            folder = folder.deletingLastPathComponent()
        }
        // #filePath is Sources/Workbook/Course/Course.swift in the checkout this binary came from.
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        list.append(source.appendingPathComponent("Lessons").path)
        return list
    }

    /// Loads every `NN-name/lesson.yaml` below `root`, in folder order.
    public init(root: String) throws {
        self.root = root
        let names = (try FileManager.default.contentsOfDirectory(atPath: root)).filter { name in
            name.first?.isNumber == true && FileManager.default.fileExists(atPath: "\(root)/\(name)/lesson.yaml")
        }.sorted()
        lessons = try names.map { try Lesson.load(folder: "\(root)/\($0)") }
    }

    /// A lesson by `01`, `1` or `01-sam-deploy`.
    public func lesson(_ reference: String) throws -> Lesson {
        let wanted = reference.lowercased()
        if let lesson = lessons.first(where: { $0.id == wanted || $0.number == Int(wanted) || $0.id.hasPrefix(wanted + "-") }) {
            return lesson
        }
        let known = lessons.map(\.id).joined(separator: ", ")
        throw WorkbookError(
            LocalizedText(en: "there is no lesson '\(reference)'", ko: "'\(reference)' 레슨이 없습니다"),
            fix: LocalizedText(en: "pick one of: \(known) (workbook list shows them)", ko: "다음 중 하나를 고르세요: \(known) (workbook list)"))
    }
}
