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
            func failed(_ reason: String) -> (emission: Emission, error: SAMError) {
                messages.actionFailed(workflow: Self.pythonWorkflow, action: "ResolveDependencies", reason: reason)
            }
            do {
                let requirements = try PythonRequirements(parsing: String(decoding: data, as: UTF8.self))
                distributions = try PythonDependencies.resolve(requirements.requirements, pythonVersion: String(runtime.dropFirst("python".count)))
            } catch let unsupported as PythonRequirements.Unsupported {
                return failed("\(manifestPath):\(unsupported.line): `\(unsupported.text)`: \(unsupported.reason)")
            } catch let missing as PythonDependencies.Missing {
                return failed(Self.missingText(missing, manifestPath: manifestPath))
            } catch let unavailable as PythonDependencies.Unavailable {
                throw WorkbookError(
                    LocalizedText(en: "sam build resolves requirements.txt with the machine's python3, which failed: \(unavailable.detail)",
                                  ko: "sam build는 이 컴퓨터의 python3로 requirements.txt를 해석하는데 실패했습니다: \(unavailable.detail)"),
                    fix: LocalizedText(en: "install Python 3 with pip: `bash .ci/setup` from the workbook's folder does it",
                                       ko: "pip와 함께 Python 3를 설치하세요: 워크북 폴더에서 `bash .ci/setup`을 실행하면 됩니다"))
            }
        } else {
            console.emit(messages.requirementsNotFound())
        }
        console.emit(messages.running(["CopySource"], workflow: Self.pythonWorkflow))
        for function in functions {
            let target = "\(staging)/\(function)"
            try PythonDependencies.install(distributions, into: target)
            try Self.copyTree(from: source, to: target, skipping: [], skippingEverywhere: Self.isPythonExcluded)
        }
        return nil
    }

    static let pythonWorkflow = "PythonPipBuilder"

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
