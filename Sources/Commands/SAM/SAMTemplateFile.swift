import CloudFormation
import Foundation
import SAMCLI
import SimKit

/// Finding and reading the template a `sam` command works on.
enum SAMTemplateFile {
    /// `-t FILE`, else `template.yaml`, else `template.yml` in the current directory. When neither
    /// exists SAM reports `template.yml` (`commands/_utils/options.py`).
    static func locate(_ explicit: String?, console: Console) -> String {
        if let explicit { return console.path(explicit) }
        let yaml = console.path("template.yaml")
        return FileManager.default.fileExists(atPath: yaml) ? yaml : console.path("template.yml")
    }

    /// `-t FILE`; else the built template when `sam build` made one; else `locate(nil)`, as
    /// `sam deploy` and `sam local invoke` look for it.
    static func locateBuiltFirst(_ explicit: String?, console: Console) -> String {
        if let explicit { return console.path(explicit) }
        let built = console.path(".aws-sam/build/template.yaml")
        return FileManager.default.fileExists(atPath: built) ? built : locate(nil, console: console)
    }

    /// The path as the learner would type it, for locations in messages.
    static func display(_ path: String, console: Console) -> String {
        let base = console.currentDirectory.hasSuffix("/") ? console.currentDirectory : console.currentDirectory + "/"
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }

    /// Reads and parses a template; YAML problems are workbook errors with file:line:col (exit 2).
    static func load(_ path: String, console: Console) throws -> TemplateNode {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw WorkbookError(LocalizedText(en: "cannot read \(display(path, console: console))", ko: "\(display(path, console: console))을(를) 읽을 수 없습니다"))
        }
        return try TemplateLoader.load(text, file: display(path, console: console))
    }

    /// Where a transform error points: its own location, else the resource it names (the
    /// translator has no locations, and some causes, such as a missing CodeUri, carry none).
    static func location(of error: SAMTransformError, in root: TemplateNode) -> SourceLocation? {
        guard error.location == nil, let id = error.resourceId,
              let entry = root["Resources"]?.mapValue?.entries.first(where: { $0.key == id }) else { return error.location }
        return entry.keyLocation ?? entry.value.location
    }
}

/// Writes a SAM emission to the console, stream by stream, in order.
extension Console {
    func emit(_ emission: Emission) {
        for chunk in emission.chunks {
            switch chunk.stream {
            case .stdout: out(chunk.text)
            case .stderr: err(chunk.text)
            }
        }
    }

    /// Prints SAM's `Error: …` and returns its exit code.
    func fail(_ error: SAMError) -> Int32 {
        emit(error.emission)
        return error.exitCode
    }

    var palette: Palette { color ? .ansi : .plain }
}
