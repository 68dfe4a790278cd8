import CloudFormation
import SimKit

/// One check of a lesson: steps that act and observe, expectations on what they observed, a hint.
public struct CheckDefinition: Sendable {
    public var id: String
    public var title: LocalizedText
    public var points: Int
    public var steps: [CheckStep]
    public var expectations: [Expectation]
    public var hint: LocalizedText

    init(node: TemplateNode, reader: LessonReader) throws {
        id = try reader.string(node, "id")
        title = try reader.text(node, "title")
        points = Int(node["points"]?.scalarText ?? "1") ?? 1
        steps = try (node["steps"]?.listValue ?? []).map { try CheckStep(node: $0, reader: reader) }
        expectations = try reader.list(node, "expect").map { try Expectation(node: $0, reader: reader) }
        hint = try reader.text(node, "hint")
    }
}

/// What a check does before it looks (DESIGN.md "Lessons": declarative steps).
public enum CheckStep: Sendable {
    /// A workbook command, e.g. `[sam, build]`, run in the check's account and lesson copy;
    /// `{{path}}` in an argument is filled in from the observations (`StepArguments`).
    case run(arguments: [String], name: String)
    /// Build (optionally) and deploy the lesson's template as a learner would with SAM.
    case deploy(stack: String, build: Bool, name: String)
    /// The learner's `steps.sh`: each `workbook …` line, in order.
    case replay(file: String, name: String)
    /// The learner's template, parsed (not deployed).
    case template(file: String, name: String)
    /// A file's text.
    case readFile(path: String, name: String)
    /// The learner's `answers.yaml`.
    case answers(file: String, name: String)
    /// Move the virtual clock.
    case clock(set: String?, advance: String?)
    /// The state of a stack (`describe-stacks`), as
    /// `{exists, StackStatus, Outputs{key: value}, Resources{id: type}, PhysicalIds{id: name}}`.
    case stack(name: String, observedAs: String)

    init(node: TemplateNode, reader: LessonReader) throws {
        guard let entry = node.mapValue?.entries.first, node.mapValue?.count == 1 else {
            throw reader.error("each step is a map with one key (run, deploy, replay, template, file, answers, clock, stack)", at: node)
        }
        let body = entry.value
        let named = { (fallback: String) in body["as"]?.stringValue ?? fallback }
        switch entry.key {
        case "run":
            let arguments = body.listValue?.compactMap(\.scalarText) ?? body["args"]?.listValue?.compactMap(\.scalarText) ?? []
            guard !arguments.isEmpty else { throw reader.error("run needs a list of arguments", at: body) }
            self = .run(arguments: arguments, name: body["as"]?.stringValue ?? "run")
        case "deploy":
            self = .deploy(stack: try reader.string(body, "stack"), build: body["build"]?.value == .bool(true), name: named("deploy"))
        case "replay": self = .replay(file: body["file"]?.stringValue ?? "steps.sh", name: named("replay"))
        case "template": self = .template(file: body["file"]?.stringValue ?? "template.yaml", name: named("template"))
        case "file": self = .readFile(path: try reader.string(body, "path"), name: named("file"))
        case "answers": self = .answers(file: body["file"]?.stringValue ?? "answers.yaml", name: named("answers"))
        case "clock": self = .clock(set: body["set"]?.scalarText, advance: body["advance"]?.scalarText)
        case "stack": self = .stack(name: try reader.string(body, "name"), observedAs: named("stack"))
        default:
            throw reader.error("unknown step '\(entry.key)' (use run, deploy, replay, template, file, answers, clock or stack)", at: node)
        }
    }
}
