import Foundation
import SAMCLI
import SimKit

extension SAMBuild {
    /// PythonPipBuilder's steps (aws-lambda-builders `workflows/python_pip/workflow.py`; no
    /// dependencies folder without `--cached`): ResolveDependencies when there is a
    /// requirements.txt, then CopySource. Returns the failure to print, if any.
    func buildPython(source: String, runtime: String, functions: [String], staging: String) throws -> (emission: Emission, error: SAMError)? {
        let manifestPath = "\(source)/requirements.txt"
        var distributions: [PythonDependencies.Distribution] = []
        if let data = FileManager.default.contents(atPath: manifestPath) {
            console.emit(messages.running(["ResolveDependencies"], workflow: Self.pythonWorkflow))
            switch try resolvePython(String(decoding: data, as: UTF8.self), manifestPath: manifestPath, runtime: runtime) {
            case .success(let resolved): distributions = resolved
            case .failure(let failure): return failure.reported
            }
        } else {
            console.emit(messages.requirementsNotFound())
        }
        console.emit(messages.running(["CopySource"], workflow: Self.pythonWorkflow))
        for function in functions {
            let target = "\(staging)/\(function)"
            try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
            try PythonDependencies.install(distributions, into: target)
            try Self.copyTree(from: source, to: target, skipping: [], skippingEverywhere: Self.isPythonExcluded)
        }
        return nil
    }

    static let pythonWorkflow = "PythonPipBuilder"

    /// A ResolveDependencies failure, ready to print.
    struct PythonBuildFailure: Error {
        var reported: (emission: Emission, error: SAMError)
    }

    private func resolvePython(_ text: String, manifestPath: String, runtime: String) throws -> Result<[PythonDependencies.Distribution], PythonBuildFailure> {
        func failed(_ reason: String) -> Result<[PythonDependencies.Distribution], PythonBuildFailure> {
            .failure(PythonBuildFailure(reported: messages.actionFailed(workflow: Self.pythonWorkflow, action: "ResolveDependencies",
                                                                         reason: reason)))
        }
        let requirements: PythonRequirements
        do {
            requirements = try PythonRequirements(parsing: text)
        } catch {
            return failed("\(manifestPath):\(error.line): `\(error.text)`: \(error.reason)")
        }
        let resolved: Result<[PythonDependencies.Distribution], PythonDependencies.Missing>
        do {
            resolved = try PythonDependencies.resolve(requirements.requirements, pythonVersion: String(runtime.dropFirst("python".count)))
        } catch {
            throw WorkbookError(
                LocalizedText(en: "sam build resolves requirements.txt with the machine's python3, which failed: \(error.detail)",
                              ko: "sam build는 이 컴퓨터의 python3로 requirements.txt를 해석하는데 실패했습니다: \(error.detail)"),
                fix: LocalizedText(en: "install Python 3 with pip: `bash .ci/setup` from the workbook's folder does it",
                                   ko: "pip와 함께 Python 3를 설치하세요: 워크북 폴더에서 `bash .ci/setup`을 실행하면 됩니다"))
        }
        switch resolved {
        case .success(let distributions):
            return .success(distributions)
        case .failure(let missing):
            return failed(Self.missingText(missing, manifestPath: manifestPath))
        }
    }

    /// Names the package, what the machine has, where it looked and how to fix it (the same
    /// shape as a missing npm package's message).
    static func missingText(_ missing: PythonDependencies.Missing, manifestPath: String) -> String {
        let wanted = missing.name + missing.specifier
        let found = missing.found.map { " (this machine has \(missing.name) \($0), which does not satisfy \(missing.specifier))" } ?? ""
        let origin = missing.requiredBy.map { ", required by \($0)," } ?? ""
        let fix = missing.requiredBy == nil ? ", or remove it from \(manifestPath)" : ""
        return "Pip Failed: the workbook builds offline and package '\(wanted)'\(origin) is not installed on this machine\(found).\n"
            + "Looked in \(missing.searched.joined(separator: ", ")). "
            + "Install it with `python3 -m pip install '\(wanted)'`\(fix)."
    }

    /// PythonPipWorkflow.EXCLUDED_FILES, matched at every level as shutil's ignore_patterns does.
    static let pythonExcludedNames: Set<String> = [
        ".aws-sam", ".chalice", ".git", ".gitignore", "__pycache__", ".Python", "pip-log.txt", "pip-delete-this-directory.txt",
        "htmlcov", ".tox", ".nox", ".coverage", ".cache", ".pytest_cache", ".python-version", ".mypy_cache", ".dmypy.json",
        ".pyre", ".env", ".venv", "venv", "venv.bak", "env.bak", "ENV", "env", ".vscode", ".idea",
    ]
    static let pythonExcludedSuffixes = [".pyc", ".so", ".egg-info", ".egg"]

    /// Whether CopySource leaves `name` out, at any depth.
    static func isPythonExcluded(_ name: String) -> Bool {
        pythonExcludedNames.contains(name) || pythonExcludedSuffixes.contains { name.hasSuffix($0) }
    }
}
