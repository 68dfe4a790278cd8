import Foundation
import SimKit

/// How the runtime of an execution environment is started, by runtime family: Node.js for
/// `nodejs*.x`, Python for `python3.x`. Each family's launcher is located once per pool.
enum RuntimeLauncher: Sendable {
    case node(NodeLauncher)
    case python(PythonLauncher)

    /// The runtime families the workbook runs.
    enum Family: Sendable {
        case node, python

        /// The family of `runtime`, nil for a runtime the workbook does not run.
        init?(runtime: String) {
            if runtime.hasPrefix("nodejs") {
                self = .node
            } else if runtime.hasPrefix("python3.") {
                self = .python
            } else {
                return nil
            }
        }
    }

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

    /// The real folder behind /var/runtime/node_modules (Node's bundled SDK); nil for Python,
    /// whose bundled packages are linked by `prepare`.
    func bundledModules(runtime: String) -> String? {
        switch self {
        case .node(let node): node.bundledModules(runtime: runtime)
        case .python: nil
        }
    }

    /// Prepares the environment's work folder (beside its `task` folder) before the process
    /// starts: Node's bundled SDK linked as `node_modules`, Python's bundled packages linked in
    /// `python-packages`. Returns the variables the bootstrap needs to know about it.
    func prepare(workFolder: String, runtime: String) throws -> [String: String] {
        switch self {
        case .node(let node):
            try node.linkBundledModules(runtime: runtime, into: workFolder)
            return [:]
        case .python(let python):
            return try python.prepare(workFolder: workFolder)
        }
    }
}
