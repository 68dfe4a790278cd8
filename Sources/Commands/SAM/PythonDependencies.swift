import Foundation
import SimKit

/// `requirements.txt` dependencies resolved offline from the Python packages installed on the
/// machine, as `sam build`'s ResolveDependencies would download them with pip: each distribution
/// is found with `importlib.metadata` in the host's `python3`, checked against the requested
/// versions, and copied file by file from its RECORD (the package and its `.dist-info`), then
/// the same for its own requirements (`Requires-Dist`, markers evaluated for the function's
/// Python version, extras left out). The machine's `python3` is asked as the runtime asks it
/// (PythonLauncher: PATH, user site included), so what builds is what the runtime can find.
struct PythonDependencies {
    /// A distribution to copy: its files as (path inside the build folder, real file).
    struct Distribution {
        var name: String
        var version: String
        var files: [(relative: String, source: String)]
    }

    /// What could not be installed.
    struct Missing: Error, Equatable {
        var name: String
        var specifier: String
        /// The version the machine has, when it has one that does not satisfy `specifier`.
        var found: String?
        /// The distribution that requires it; nil for a line of requirements.txt.
        var requiredBy: String?
        /// Where the machine's Python looks (`sys.path`'s site-packages).
        var searched: [String]
    }

    /// The host's Python failed to answer (not installed, or no `packaging` to read versions).
    struct Unavailable: Error {
        var detail: String
    }

    /// Resolves `requirements` and their dependencies for the runtime's `pythonVersion` (`3.12`).
    /// Throws `Missing` for what the machine lacks, `Unavailable` when its Python cannot answer.
    static func resolve(_ requirements: [PythonRequirements.Requirement], pythonVersion: String) throws -> [Distribution] {
        let wanted = JSON.array(requirements.map { .array([.string($0.name), .string($0.specifier)]) })
        let run: ChildProcess.Result
        do {
            run = try ChildProcess.run("/usr/bin/env", ["python3", "-c", script, wanted.serialized(), pythonVersion])
        } catch {
            throw Unavailable(detail: String(describing: error))
        }
        guard run.exitCode == 0, let answer = try? JSONParser.parse(bytes: run.stdout) else {
            throw Unavailable(detail: run.stderrText)
        }
        let searched = answer["searched"]?.arrayValue?.compactMap(\.stringValue) ?? []
        if let missing = answer["missing"], missing != .null {
            throw Missing(name: missing["name"]?.stringValue ?? "", specifier: missing["specifier"]?.stringValue ?? "",
                          found: missing["found"]?.stringValue, requiredBy: missing["requiredBy"]?.stringValue, searched: searched)
        }
        return (answer["resolved"]?.arrayValue ?? []).map { entry in
            Distribution(name: entry["name"]?.stringValue ?? "", version: entry["version"]?.stringValue ?? "",
                         files: (entry["files"]?.arrayValue ?? []).compactMap { pair in
                             guard let parts = pair.arrayValue?.compactMap(\.stringValue), parts.count == 2 else { return nil }
                             return (parts[0], parts[1])
                         })
        }
    }

    /// Copies each distribution's files into `folder`.
    static func install(_ distributions: [Distribution], into folder: String) throws {
        let fm = FileManager.default
        var made: Set<String> = []  // botocore alone has about 2,000 files in 500 folders
        for distribution in distributions {
            for (relative, source) in distribution.files {
                let target = "\(folder)/\(relative)"
                let parent = (target as NSString).deletingLastPathComponent
                if made.insert(parent).inserted { try fm.createDirectory(atPath: parent, withIntermediateDirectories: true) }
                try? fm.removeItem(atPath: target)
                try fm.copyItem(atPath: source, toPath: target)
            }
        }
    }

    /// Breadth first from the requested distributions; prints {"resolved": […]} or {"missing": {…}},
    /// with the site-packages folders searched. `packaging` (or pip's copy of it) reads versions,
    /// specifiers and markers as pip does.
    private static let script = #"""
        import json, os, sys
        from importlib import metadata
        try:
            from packaging.requirements import Requirement
            from packaging.specifiers import SpecifierSet
            from packaging.utils import canonicalize_name
        except ImportError:
            from pip._vendor.packaging.requirements import Requirement
            from pip._vendor.packaging.specifiers import SpecifierSet
            from pip._vendor.packaging.utils import canonicalize_name
        searched = [p for p in sys.path if p.endswith(("site-packages", "dist-packages"))]
        queue = [(name, spec, None) for name, spec in json.loads(sys.argv[1])]
        # Markers as pip would evaluate them on the function's runtime, not on this machine's Python.
        environment = {"extra": "", "python_version": sys.argv[2], "python_full_version": sys.argv[2] + ".0"}
        seen, resolved = set(), []
        while queue:
            name, spec, parent = queue.pop(0)
            key = canonicalize_name(name)
            if key in seen:
                continue
            seen.add(key)
            try:
                dist = metadata.distribution(name)
            except metadata.PackageNotFoundError:
                dist = None
            found = dist.version if dist else None
            files = dist.files if dist else None
            if dist is None or files is None or (spec and not SpecifierSet(spec).contains(found, prereleases=True)):
                print(json.dumps({"missing": {"name": name, "specifier": spec, "found": found, "requiredBy": parent}, "searched": searched}))
                sys.exit(0)
            copied = []
            for entry in files:
                relative = entry.as_posix()
                if relative.startswith("..") or "__pycache__" in relative or relative.endswith(".pyc"):
                    continue
                source = str(entry.locate())
                if os.path.isfile(source):
                    copied.append([relative, source])
            resolved.append({"name": dist.metadata["Name"], "version": found, "files": copied})
            for text in dist.requires or []:
                requirement = Requirement(text)
                if requirement.marker is not None and not requirement.marker.evaluate(environment):
                    continue
                queue.append((requirement.name, str(requirement.specifier), dist.metadata["Name"]))
        print(json.dumps({"resolved": resolved, "searched": searched}))
        """#
}
