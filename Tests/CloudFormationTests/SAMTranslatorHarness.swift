import CloudFormation
import Foundation
import SimKit
import Testing

/// Runs the real aws-sam-translator (through `Fixtures/sam/translate.py`) and our transform on the
/// same fixture files. The translator is installed on first use if missing; the tests never skip.
enum SAMTranslatorHarness {
    /// The pinned translator version our transform copies.
    static let version = "1.110.0"

    /// `Tests/CloudFormationTests/Fixtures/sam/`.
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/sam", isDirectory: true)

    /// The fixture YAML files in a sub-folder (`valid`, `invalid`), sorted.
    static func fixtureNames(_ folder: String) -> [String] {
        let url = fixtures.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }

    /// Installs aws-sam-translator when `import samtranslator` fails; done once per test process.
    static let installation: Result<Void, HarnessError> = {
        if (try? python(["-c", "import samtranslator"]))?.status == 0 { return .success(()) }
        guard let install = try? python(["-m", "pip", "install", "aws-sam-translator==\(version)"]), install.status == 0 else {
            return .failure(HarnessError(message: "could not install aws-sam-translator==\(version)"))
        }
        return .success(())
    }()

    /// A failure of the harness itself (never of the code under test).
    struct HarnessError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// Runs `python3 args…`, returning exit status and standard output.
    static func python(_ arguments: [String], in directory: URL? = nil) throws -> (status: Int32, stdout: String) {
        let process = Process()
        if let directory { process.currentDirectoryURL = directory }
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.standardError
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// The real translator's result for every fixture, keyed `valid/x.yaml`: one Python run, since
    /// importing the translator takes seconds.
    static let translations: Result<JSON, HarnessError> = {
        if case .failure(let error) = installation { return .failure(error) }
        let paths = ["valid", "invalid"].flatMap { folder in fixtureNames(folder).map { "\(folder)/\($0)" } }
        guard let run = try? python([fixtures.appendingPathComponent("translate.py").path] + paths, in: fixtures),
              run.status == 0, let json = try? JSONParser.parse(run.stdout) else {
            return .failure(HarnessError(message: "translate.py failed"))
        }
        return .success(json)
    }()

    /// What the real translator makes of a fixture: the template, or `{"error": "…"}`.
    static func translator(_ path: String) throws -> JSON {
        guard let result = try translations.get()[path] else { throw HarnessError(message: "no translation of \(path)") }
        return result
    }

    /// A fixture loaded with our template loader (locations name it as `path`).
    static func load(_ path: String) throws -> TemplateNode {
        let text = try String(contentsOf: fixtures.appendingPathComponent(path), encoding: .utf8)
        return try TemplateLoader.load(text, file: path)
    }

    /// Our transform of a fixture, as the translator script prints it.
    static func ours(_ path: String) throws -> JSON {
        do {
            return try SAMTransform.apply(load(path)).json
        } catch let error as SAMTransformError {
            return ["error": .string(error.message)]
        }
    }
}

extension JSON {
    /// Pretty text for failure messages.
    var pretty: String { serialized(.python(indent: 1)) }
}
