import Foundation
import SimKit

/// How the runtime of an execution environment is started, by runtime family: Node.js for
/// `nodejs*.x`, Python for `python3.x`. Each family's launcher is located once per pool.
enum RuntimeLauncher: Sendable {
    case node(NodeLauncher)
    case python(PythonLauncher)

    typealias Family = RuntimeFamily

    /// The executable, an absolute path.
    var executable: String {
        switch self {
        case .node(let node): node.node
        case .python(let python): python.python
        }
    }

    /// The real folder behind /var/runtime.
    var runtimeDir: String {
        switch self {
        case .node(let node): node.runtimeDir
        case .python(let python): python.runtimeDir
        }
    }

    /// The runtime's command line for a function of `memorySize` MB.
    func arguments(memorySize: Int) -> [String] {
        switch self {
        case .node(let node): node.arguments(memorySize: memorySize)
        case .python(let python): python.arguments
        }
    }

    /// Prepares the environment's work folder (beside its `task` folder) before the process
    /// starts: Node's bundled SDK linked as `node_modules`, Python's bundled packages linked in
    /// `python-packages`. Returns the real folder of what the runtime bundles, which the
    /// bootstrap is told (`WORKBOOK_BUNDLED_MODULES`) and shows as Lambda's.
    func prepare(workFolder: String, runtime: String) throws -> String {
        switch self {
        case .node(let node): try node.linkBundledModules(runtime: runtime, into: workFolder)
        case .python(let python): try python.prepare(workFolder: workFolder)
        }
    }
}

extension RuntimeLauncher {
    /// The real path of a bootstrap shipped in this target's resources (`runtime/<folder>`),
    /// resolved so the paths a runtime shows as /var/runtime match the ones it sees.
    static func bundledBootstrap(_ folder: String, named name: LocalizedText) throws -> String {
        guard let bundled = Bundle.module.url(forResource: "runtime", withExtension: nil)?.appendingPathComponent(folder),
              let real = realpath(bundled.path, nil) else {
            throw WorkbookError(LocalizedText(en: "the \(name.en) bootstrap is missing from the workbook's resources (runtime/\(folder))",
                                              ko: "워크북 리소스에 \(name.ko ?? name.en) 부트스트랩(runtime/\(folder))이 없습니다"),
                                fix: "reinstall the workbook")
        }
        defer { free(real) }
        return String(cString: real)
    }
}
