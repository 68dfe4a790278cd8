import CloudFormation
import Foundation
import Lambda
import SAMCLI
import SimKit

/// `sam build`: copies each function's code into `.aws-sam/build/<Function>/`, installs its
/// `package.json` dependencies from the machine's Node modules or its `requirements.txt`
/// dependencies from the machine's Python packages (no network), and writes the built template.
/// The new build replaces the old one only when everything succeeded.
struct SAMBuild {
    let console: Console
    let templateOption: String?
    let messages: BuildMessages

    init(console: Console, templateOption: String?) {
        self.console = console
        self.templateOption = templateOption
        self.messages = BuildMessages(palette: console.palette)
    }

    func run() throws -> Int32 {
        let templatePath = SAMTemplateFile.locate(templateOption, console: console)
        guard FileManager.default.fileExists(atPath: templatePath) else {
            return console.fail(SAMError("Template file not found at \(templatePath)"))
        }
        var root = try SAMTemplateFile.load(templatePath, console: console)
        let baseDir = (templatePath as NSString).deletingLastPathComponent
        let functions = SAMFunctionSource.all(in: root)
        let fm = FileManager.default
        let buildRoot = "\(baseDir)/.aws-sam"
        let staging = "\(buildRoot)/build.staging"
        try? fm.removeItem(atPath: staging)
        try fm.createDirectory(atPath: staging, withIntermediateDirectories: true)
        defer { try? fm.removeItem(atPath: staging) }

        for group in groups(functions) {
            let source = URL(fileURLWithPath: baseDir).appendingPathComponent(group.codeUri).standardizedFileURL.path
            let runtime = group.runtime ?? ""
            console.emit(messages.buildingCodeUri(source, runtime: runtime, architecture: group.architecture, functions: group.functions))
            if samDeprecatedRuntimes.contains(runtime) {
                let refusal = messages.unsupportedRuntime(runtime)
                console.emit(refusal.emission)
                return console.fail(refusal.error)
            }
            let location = root["Resources"]?[group.functions[0]]?.location
            if runtime.isEmpty {
                throw WorkbookError(
                    LocalizedText(en: "function \(group.functions[0]) has no Runtime, so sam build cannot tell how to build it",
                                  ko: "함수 \(group.functions[0])에 Runtime이 없어서 sam build가 빌드 방법을 알 수 없습니다"),
                    at: location,
                    fix: LocalizedText(en: "add a `Runtime:` (such as nodejs22.x or python3.13) to its Properties, or to Globals: Function:",
                                       ko: "Properties(또는 Globals: Function:)에 `Runtime:`(예: nodejs22.x, python3.13)을 추가하세요"))
            }
            // A runtime Lambda never had (`NodeJS22.x`, `nodejs22`): SAM's own refusal, "Build
            // Failed" then "Error: 'nodejs22' runtime is not supported", exit 1
            // (samcli/lib/build/app_builder.py, UnsupportedRuntimeException).
            if RuntimeLifecycle.bundled.runtimes[runtime] == nil {
                console.emit(messages.failed())
                return console.fail(SAMError("'\(runtime)' runtime is not supported"))
            }
            let failure: (emission: Emission, error: SAMError)?
            switch RuntimeFamily(runtime: runtime) {
            case .node: failure = try buildNode(source: source, functions: group.functions, staging: staging)
            case .python: failure = try buildPython(source: source, runtime: runtime, functions: group.functions, staging: staging)
            case nil: throw WorkbookError.notSimulated("sam build for runtime \(runtime)", at: location)
            }
            if let failure {
                console.emit(failure.emission)
                return console.fail(failure.error)
            }
        }
        for function in functions {
            guard var resource = root["Resources"]?[function.logicalId]?.mapValue else { continue }
            var properties = resource["Properties"]?.mapValue ?? TemplateMap()
            properties[function.property] = .string(function.logicalId)
            resource["Properties"] = .map(properties)
            var metadata = resource["Metadata"]?.mapValue ?? TemplateMap()
            metadata["SamResourceId"] = .string(function.logicalId)
            resource["Metadata"] = .map(metadata)
            var resources = root["Resources"]?.mapValue ?? TemplateMap()
            resources[function.logicalId] = .map(resource)
            var top = root.mapValue ?? TemplateMap()
            top["Resources"] = .map(resources)
            root = .map(top)
        }
        try TemplateYAML.text(root).write(toFile: "\(staging)/template.yaml", atomically: true, encoding: .utf8)
        try buildToml(functions).write(toFile: "\(buildRoot)/build.toml.staging", atomically: true, encoding: .utf8)
        try? fm.removeItem(atPath: "\(buildRoot)/build")
        try fm.moveItem(atPath: staging, toPath: "\(buildRoot)/build")
        try? fm.removeItem(atPath: "\(buildRoot)/build.toml")
        try fm.moveItem(atPath: "\(buildRoot)/build.toml.staging", toPath: "\(buildRoot)/build.toml")
        console.emit(messages.succeeded())
        return 0
    }

    struct Group {
        var codeUri: String
        var runtime: String?
        var architecture: String
        var functions: [String]
    }

    /// Functions with the same code, runtime and architecture build once (SAM's build definitions).
    func groups(_ functions: [SAMFunctionSource]) -> [Group] {
        var groups: [Group] = []
        for f in functions {
            if let i = groups.firstIndex(where: { $0.codeUri == f.codeUri && $0.runtime == f.runtime && $0.architecture == f.architecture }) {
                groups[i].functions.append(f.logicalId)
            } else {
                groups.append(Group(codeUri: f.codeUri, runtime: f.runtime, architecture: f.architecture, functions: [f.logicalId]))
            }
        }
        return groups
    }

    /// NodejsNpmBuilder's steps; returns the failure to print, if any.
    func buildNode(source: String, functions: [String], staging: String) throws -> (emission: Emission, error: SAMError)? {
        let fm = FileManager.default
        let manifestPath = "\(source)/package.json"
        guard let data = fm.contents(atPath: manifestPath) else {
            console.emit(messages.running(["NpmPack"]))
            return messages.actionFailed(action: "NpmPack", reason: """
                NPM Failed: npm error code ENOENT
                npm error syscall open
                npm error path \(manifestPath)
                npm error errno -2
                npm error enoent Could not read package.json: Error: ENOENT: no such file or directory, open '\(manifestPath)'
                """)
        }
        guard let manifest = try? JSONParser.parse(bytes: Array(data)) else {
            console.emit(messages.running(["NpmPack"]))
            return messages.actionFailed(action: "NpmPack", reason: "NPM Failed: npm error code EJSONPARSE\nnpm error path \(manifestPath)\nnpm error JSON.parse Invalid package.json")
        }
        console.emit(messages.running(["NpmPack", "CopyNpmrcAndLockfile", "CopySource", "NpmInstall"]))
        let modules: [(name: String, folder: String)]
        do {
            modules = try NodeDependencies.resolve(NodeDependencies.dependencies(of: manifest))
        } catch {
            let found = error.found.map { " (this machine has \($0), which does not satisfy \(error.range))" } ?? ""
            return messages.actionFailed(action: "NpmInstall", reason: """
                NPM Failed: the workbook builds offline and package '\(error.name)@\(error.range)' is not installed on this machine\(found).
                Looked in \(NodeDependencies.searchPaths.joined(separator: ", ")). Install it with apt (Debian's node-\(error.name) package, if there is one), or remove it from \(manifestPath).
                """)
        }
        for function in functions {
            let target = "\(staging)/\(function)"
            try Self.copyTree(from: source, to: target, skipping: ["node_modules", ".aws-sam"])
            for module in modules {
                try Self.copyTree(from: module.folder, to: "\(target)/node_modules/\(module.name)", skipping: [])
            }
        }
        console.emit(messages.running(["NpmTest", "CleanUpNpmrc", "LockfileCleanUp"]))
        return nil
    }

    /// Copies a folder, following Debian's symlinked module files as real files.
    static func copyTree(from source: String, to destination: String, skipping: Set<String>,
                         skippingEverywhere: (String) -> Bool = { _ in false }) throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: destination, withIntermediateDirectories: true)
        for name in try fm.contentsOfDirectory(atPath: source) where !skipping.contains(name) && !skippingEverywhere(name) {
            let from = "\(source)/\(name)", to = "\(destination)/\(name)"
            let resolved = (try? fm.destinationOfSymbolicLink(atPath: from)).map {
                $0.hasPrefix("/") ? $0 : URL(fileURLWithPath: source).appendingPathComponent($0).standardizedFileURL.path
            } ?? from
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: resolved, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                try copyTree(from: resolved, to: to, skipping: [], skippingEverywhere: skippingEverywhere)
            } else {
                try? fm.removeItem(atPath: to)
                try fm.copyItem(atPath: resolved, toPath: to)
            }
        }
    }

    /// `.aws-sam/build.toml`: the build definitions, as SAM records them.
    func buildToml(_ functions: [SAMFunctionSource]) -> String {
        var text = "# This file is auto generated by SAM CLI build command\n\n[function_build_definitions]\n"
        for group in groups(functions) {
            let key = Digest.hex(Digest.md5(Array("\(group.codeUri)|\(group.runtime ?? "")|\(group.architecture)".utf8)))
            text += "[function_build_definitions.\(key)]\ncodeuri = \"\(group.codeUri)\"\nruntime = \"\(group.runtime ?? "")\"\n"
            text += "architecture = \"\(group.architecture)\"\nhandler = \"\(functions.first { $0.logicalId == group.functions[0] }?.handler ?? "")\"\n"
            text += "manifest_hash = \"\"\npackagetype = \"Zip\"\nfunctions = [\(group.functions.map { "\"\($0)\"" }.joined(separator: ", "))]\n\n"
        }
        return text + "[layer_build_definitions]\n"
    }
}
