import Foundation
import Testing
import TestSupport

/// `Tests/EndToEndTests/Fixtures/`: fixture folders and golden files. The folder is excluded from
/// the target's sources, so it is found from this file's path rather than from a bundle.
enum Fixtures {
    static let root: String = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures").path

    /// A fixture folder by name, e.g. `broken-yaml`.
    static func folder(_ name: String) -> String { "\(root)/\(name)" }
}

/// One run of the built binary, with what it was asked to do.
struct Run: Sendable {
    var arguments: [String]
    var result: ProcessResult

    var exitCode: Int32 { result.exitCode }
    var stdout: String { result.stdout }
    var stderr: String { result.stderr }
    /// Both streams, for "says it somewhere" assertions.
    var output: String { result.stdout + result.stderr }

    /// The run as text: the command, its exit code and both streams, for golden files.
    var transcript: String {
        "$ workbook \(arguments.joined(separator: " "))\n[exit \(exitCode)]\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)\n"
    }
}

/// Runs `workbook arguments…` in `directory` (the learner's shell, as the README shows it).
@discardableResult
func workbook(_ arguments: [String], in directory: String, input: String = "",
              environment: [String: String] = [:]) throws -> Run {
    Run(arguments: arguments, result: try WorkbookBinary.run(arguments, in: directory, input: input, environment: environment))
}

/// Variable parts of the output replaced by stable placeholders before a golden comparison.
struct Mask: Sendable {
    var rules: [(pattern: String, replacement: String)] = []

    /// Replaces a literal folder path (a `TempFolder`) with a name such as `$TMP`.
    func path(_ path: String, as name: String) -> Mask {
        var copy = self
        copy.rules.append((NSRegularExpression.escapedPattern(for: path), NSRegularExpression.escapedTemplate(for: name)))
        return copy
    }

    /// Replaces matches of a regular expression.
    func regex(_ pattern: String, _ replacement: String) -> Mask {
        var copy = self
        copy.rules.append((pattern, replacement))
        return copy
    }

    /// Interactive-clock timestamps (ISO 8601 as the aws CLI prints them, and SAM's
    /// `2026-11-01 00:00:00` status lines), and the epoch seconds in SAM's change-set names.
    var times: Mask {
        regex(#"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})"#, "<TIME>")
            .regex(#"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}"#, "<TIME>")
            .regex(#"samcli-deploy\d+"#, "samcli-deploy<EPOCH>")
    }

    /// Ids a fresh interactive account draws from a host-seeded generator: UUIDs, CloudFormation
    /// physical-name suffixes, the SAM managed bucket's suffix.
    var ids: Mask {
        regex(#"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"#, "<UUID>")
            .regex(#"(lambda-to-dynamodb-[A-Za-z]+)-[A-Za-z0-9]{12,13}\b"#, "$1-<SUFFIX>")
            .regex(#"samclisourcebucket-[a-z0-9]+"#, "samclisourcebucket-<SUFFIX>")
    }

    func apply(_ text: String) -> String {
        rules.reduce(text) { text, rule in
            text.replacingOccurrences(of: rule.pattern, with: rule.replacement, options: .regularExpression)
        }
    }
}

/// Golden files under `Fixtures/golden/`: CLI output as the learner sees it. Re-record them with
/// `WORKBOOK_RECORD=1 swift test --filter EndToEndTests` and review the diff before committing.
enum Golden {
    static let folder = Fixtures.folder("golden")
    static var recording: Bool { ProcessInfo.processInfo.environment["WORKBOOK_RECORD"] == "1" }

    /// Compares `actual` with `golden/<name>.txt`, or writes it when recording.
    static func assertMatches(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let path = "\(folder)/\(name).txt"
        if recording {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try actual.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
            Issue.record("no golden file golden/\(name).txt: record it with WORKBOOK_RECORD=1 swift test --filter EndToEndTests",
                         sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let message = "output differs from golden/\(name).txt (re-record with WORKBOOK_RECORD=1 if the change is intended)\n"
                + difference(expected: expected, actual: actual)
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        }
    }

    /// The first differing line with a little context, then the whole actual text.
    static func difference(expected: String, actual: String) -> String {
        let old = expected.components(separatedBy: "\n"), new = actual.components(separatedBy: "\n")
        let first = Array(zip(old, new)).firstIndex { $0 != $1 } ?? min(old.count, new.count)
        let context = max(0, first - 2)..<(first + 3)
        func lines(_ list: [String]) -> String {
            context.filter { $0 < list.count }.map { "  \($0 + 1): \(list[$0])" }.joined(separator: "\n")
        }
        return "first difference at line \(first + 1)\nexpected:\n\(lines(old))\nactual:\n\(lines(new))\n--- full actual output:\n\(actual)"
    }
}

/// File-system helpers for learner folders.
enum Files {
    /// Copies every file of `source` over `destination`, replacing files that exist and keeping
    /// the others (what `cp -R source/. destination/` does).
    static func overlay(_ source: String, onto destination: String) throws {
        let fm = FileManager.default
        guard let walker = fm.enumerator(atPath: source) else { return }
        for case let relative as String in walker {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: "\(source)/\(relative)", isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            let target = "\(destination)/\(relative)"
            try fm.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try? fm.removeItem(atPath: target)
            try fm.copyItem(atPath: "\(source)/\(relative)", toPath: target)
        }
    }

    /// Every file below `folder` (relative paths, sorted), for "same files" comparisons.
    static func list(_ folder: String) -> [String] {
        let fm = FileManager.default
        return (fm.enumerator(atPath: folder)?.allObjects as? [String] ?? []).filter { relative in
            var isDirectory: ObjCBool = false
            return fm.fileExists(atPath: "\(folder)/\(relative)", isDirectory: &isDirectory) && !isDirectory.boolValue
        }.sorted()
    }

    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    static func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }
}

/// The learner's starting point: `workbook init sprint` in a fresh temporary folder.
struct LearnerFolder {
    let temp: TempFolder
    var home: String { temp.path }
    var sprint: String { "\(temp.path)/sprint" }
    var lesson: String { "\(sprint)/01-sam-deploy" }
    /// Replaces the temporary paths in output with `$HOME` (the folder `init` ran in).
    var mask: Mask { Mask().path(temp.path, as: "$HOME") }

    init() throws {
        temp = TempFolder("workbook-e2e")
        let run = try workbook(["init", "sprint"], in: temp.path)
        guard run.exitCode == 0 else {
            throw InitFailed(description: "workbook init sprint failed:\n\(run.transcript)")
        }
    }

    /// Copies `Lessons/01-sam-deploy/solution` over the lesson folder, as the lesson says.
    func solve() throws {
        try solve("01-sam-deploy")
    }

    /// The learner's folder of `lesson` (e.g. `02-invoke-and-watch`).
    func folder(of lesson: String) -> String { "\(sprint)/\(lesson)" }

    /// Copies `Lessons/<lesson>/solution` over that lesson's folder.
    func solve(_ lesson: String) throws {
        try Files.overlay("\(Repository.root)/Lessons/\(lesson)/solution", onto: folder(of: lesson))
    }

    struct InitFailed: Error, CustomStringConvertible { var description: String }
}
