import CloudFormation
import Foundation
import SimKit

/// One lesson: `lesson.yaml` plus its README files, starter, solution and mutants.
public struct Lesson: Sendable {
    public var id: String
    public var number: Int
    public var folder: String
    public var title: LocalizedText
    /// The deterministic clock's start for every check of this lesson.
    public var date: EpochMillis
    public var seed: UInt64
    public var checks: [CheckDefinition]
    public var mutants: [Mutant]

    /// A broken variant of the solution and the one check it must fail.
    public struct Mutant: Sendable {
        public var name: String
        public var folder: String
        public var failsCheck: String
        public var description: String
    }

    public var readmePath: String { "\(folder)/README.md" }
    public var starterFolder: String { "\(folder)/starter" }
    public var solutionFolder: String { "\(folder)/solution" }

    public func readme(_ language: Language) -> String {
        let localized = language == .ko ? "\(folder)/README.ko.md" : readmePath
        return (try? String(contentsOfFile: localized, encoding: .utf8)) ?? (try? String(contentsOfFile: readmePath, encoding: .utf8)) ?? ""
    }

    /// Parses `folder/lesson.yaml`; problems point at file:line:col of the lesson file.
    public static func load(folder: String) throws -> Lesson {
        let path = "\(folder)/lesson.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let root = try TemplateLoader.load(text, file: path)
        let reader = LessonReader(file: path)
        let id = (folder as NSString).lastPathComponent
        let number = Int(id.prefix(while: \.isNumber)) ?? 0
        let dateText = try reader.string(root, "date")
        guard let date = TimeFormat.parseISO(dateText) else {
            throw reader.error("date '\(dateText)' is not an ISO 8601 date", at: root["date"])
        }
        let checks = try (reader.list(root, "checks")).map { try CheckDefinition(node: $0, reader: reader) }
        let mutants = try (root["mutants"]?.listValue ?? []).map { node in
            let name = try reader.string(node, "name")
            return Mutant(name: name, folder: "\(folder)/mutants/\(name)", failsCheck: try reader.string(node, "fails"),
                          description: node["description"]?.stringValue ?? "")
        }
        return Lesson(id: id, number: number, folder: folder, title: try reader.text(root, "title"), date: date,
                      seed: UInt64(root["seed"]?.scalarText ?? "1") ?? 1, checks: checks, mutants: mutants)
    }
}

/// Reads lesson.yaml fields with errors that say where.
struct LessonReader {
    let file: String

    func error(_ message: String, at node: TemplateNode?) -> WorkbookError {
        WorkbookError(LocalizedText(en: "lesson file: \(message)"), at: node?.location ?? SourceLocation(file: file, line: 1, column: 1),
                      fix: "see Lessons/README.md for the lesson format")
    }

    func string(_ node: TemplateNode, _ key: String) throws -> String {
        guard let value = node[key]?.scalarText else { throw error("'\(key)' is required and must be text", at: node[key] ?? node) }
        return value
    }

    func list(_ node: TemplateNode, _ key: String) throws -> [TemplateNode] {
        guard let value = node[key]?.listValue else { throw error("'\(key)' is required and must be a list", at: node[key] ?? node) }
        return value
    }

    /// `{en: …, ko: …}` (Korean required: a missing translation is an authoring error).
    func text(_ node: TemplateNode, _ key: String) throws -> LocalizedText {
        guard let value = node[key] else { throw error("'\(key)' is required", at: node) }
        guard let en = value["en"]?.stringValue, let ko = value["ko"]?.stringValue else {
            throw error("'\(key)' needs both 'en' and 'ko' texts", at: value)
        }
        return LocalizedText(en: en, ko: ko)
    }
}
