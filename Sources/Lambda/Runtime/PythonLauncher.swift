import Foundation
import SimKit
import Subprocess

/// How a Python execution environment is started: the machine's `python3` (one interpreter
/// serves every `python3.x`) on the bootstrap shipped in this target's resources, with only the
/// standard library, the packages Lambda's Python runtime bundles (boto3 and its dependencies)
/// and the function's own folder importable.
struct PythonLauncher: Sendable {
    /// The real interpreter (`sys.executable`), never a pyenv shim script: the shim would cost a
    /// shell and a pyenv run on every cold start.
    let python: String
    /// The real folder behind /var/runtime (holds bootstrap.py).
    let runtimeDir: String
    /// Lambda's bundled packages on this machine: the name to link in the environment's package
    /// folder (`boto3`, `six.py`) → the real path.
    let bundled: [String: String]

    /// What Lambda's Python runtimes bundle besides the standard library: boto3 and what it needs.
    static let bundledPackages = ["boto3", "botocore", "jmespath", "s3transfer", "urllib3", "dateutil", "six"]

    /// Asks the host's `python3` (found on `hostPath`) where it really lives and where the bundled
    /// packages are, without importing them (`importlib.util.find_spec`).
    static func locate(hostPath: String?) async throws -> PythonLauncher {
        let path = hostPath ?? "/usr/local/bin:/usr/bin:/bin"
        guard let python3 = ChildProcess.executable("python3", onPath: path) else { throw notFound() }
        let result = try await Subprocess.run(
            .path(.init(python3)), arguments: Arguments(["-c", probeScript] + bundledPackages),
            environment: .inherit.updating(["PATH": path]), output: .string(limit: 1 << 20), error: .discarded)
        guard case .exited(0) = result.terminationStatus,
              let probe = try? JSONParser.parse(bytes: Array(result.standardOutput.utf8)).objectValue,
              let executable = probe["executable"]?.stringValue, !executable.isEmpty else {
            throw notFound()
        }
        var bundled: [String: String] = [:]
        for (name, folder) in probe["packages"]?.objectValue?.members ?? [] {
            if let folder = folder.stringValue { bundled[name] = folder }
        }
        // Lambda's Python runtimes always bundle boto3: without it here, a correct handler would
        // read "No module named 'boto3'" and be "fixed" the wrong way.
        guard bundled["boto3"] != nil, bundled["botocore"] != nil else { throw notFound() }
        return PythonLauncher(python: executable, runtimeDir: try RuntimeLauncher.bundledBootstrap("python", named: "Python"), bundled: bundled)
    }

    /// Prints `{"executable": …, "packages": {"boto3": folder, "six.py": file, …}}`.
    private static let probeScript = """
        import importlib.util, json, sys
        found = {}
        for name in sys.argv[1:]:
            spec = importlib.util.find_spec(name)
            if spec is None:
                continue
            if spec.submodule_search_locations:
                found[name] = list(spec.submodule_search_locations)[0]
            elif spec.origin:
                found[name + ".py"] = spec.origin
        print(json.dumps({"executable": sys.executable, "packages": found}))
        """

    /// `python3 -S bootstrap.py`: no site-packages of the host (the bootstrap sets the import
    /// path). Bytecode is cached for the bootstrap's own modules only (the bootstrap turns
    /// writing off before the function's code is imported, as Lambda's read-only /var/task
    /// would). Python has no heap flag: memory is held by the resource watch alone.
    var arguments: [String] {
        ["-S", runtimeDir + "/bootstrap.py"]
    }

    /// Links the bundled packages into `<workFolder>/python-packages`, the environment's own
    /// folder on the import path; returns that folder.
    func prepare(workFolder: String) throws -> String {
        let folder = workFolder + "/python-packages"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (name, target) in bundled {
            try FileManager.default.createSymbolicLink(atPath: folder + "/" + name, withDestinationPath: target)
        }
        return folder
    }

    private static func notFound() -> WorkbookError {
        WorkbookError(
            LocalizedText(en: "python3 was not found on PATH: Lambda functions with a python runtime run on the machine's Python 3",
                          ko: "PATH에서 python3를 찾을 수 없습니다: python 런타임 Lambda 함수는 이 컴퓨터의 Python 3로 실행됩니다"),
            fix: LocalizedText(en: "install Python 3 with boto3: `bash .ci/setup` from the workbook's folder does it (or apt-get install python3 python3-pip, then python3 -m pip install boto3)",
                               ko: "boto3와 함께 Python 3를 설치하세요: 워크북 폴더에서 `bash .ci/setup`을 실행하면 됩니다(또는 apt-get install python3 python3-pip 후 python3 -m pip install boto3)"))
    }
}
