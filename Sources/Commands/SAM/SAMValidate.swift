import AWSCLI
import CloudFormation
import Foundation
import SAMCLI
import SimKit

/// `sam validate [--lint]`: SAM's basic validation is the transform itself; `--lint` runs
/// cfn-lint (see `CfnLint`).
struct SAMValidate {
    let context: CommandContext
    let arguments: [String]
    var console: Console { context.console }

    func run() throws -> Int32 {
        let args = try ClickArguments(command: "validate", spec: ["--template-file": .value, "--lint": .flag, "--region": .value,
                                                                 "--profile": .value, "--debug": .flag],
                                      aliases: ["-t": "--template-file", "--template": "--template-file"], arguments: arguments)
        let messages = ValidateMessages(palette: console.palette)
        let path = SAMTemplateFile.locate(args.value("--template-file"), console: console)
        guard FileManager.default.fileExists(atPath: path) else {
            let missing = messages.notFound(path: path)
            console.emit(missing.emission)
            return console.fail(missing.error)
        }
        let root = try SAMTemplateFile.load(path, console: console)
        if args.flag("--lint") {
            return try CfnLint(console: console, clock: try context.account().now()).run(path: path, region: args.value("--region"))
        }
        if SAMTransform.isSAM(root) {
            do {
                _ = try SAMTransform.transform(root)
            } catch let error as SAMTransformError {
                let invalid = messages.invalid(path: path, message: Self.pythonRepr(error))
                console.emit(invalid.emission)
                let code = console.fail(invalid.error)
                if let location = SAMTemplateFile.location(of: error, in: root) { console.err("  --> \(location)\n") }
                return code
            }
        }
        console.emit(messages.valid(path: path))
        return 0
    }

    /// How `sam validate` prints the translator's exception list: `[InvalidResourceException('Id', 'msg')] ('Id', 'msg')`.
    /// The exception's `args` are `(logical_id, reason)`: the reason without the
    /// `Resource with id [X] is invalid. ` prefix its `message` adds (cli-transcripts §1.2).
    static func pythonRepr(_ error: SAMTransformError) -> String {
        let items = error.causes.map { cause in
            cause.resourceId.map { "InvalidResourceException(\(quote($0)), \(quote(reason(cause))))" }
                ?? "InvalidDocumentException(\(quote(cause.message)))"
        }
        let first = error.causes.first
        let args = first.map { cause in cause.resourceId.map { "(\(quote($0)), \(quote(reason(cause))))" } ?? "(\(quote(cause.message)),)" } ?? "()"
        return "[\(items.joined(separator: ", "))] \(args)"
    }

    /// A resource cause's reason as the exception was raised with it.
    static func reason(_ cause: SAMTransformError.Cause) -> String {
        guard let id = cause.resourceId else { return cause.message }
        let prefix = "Resource with id [\(id)] is invalid. "
        return cause.message.hasPrefix(prefix) ? String(cause.message.dropFirst(prefix.count)) : cause.message
    }

    static func quote(_ text: String) -> String { PythonText.reprString(text) }
}
