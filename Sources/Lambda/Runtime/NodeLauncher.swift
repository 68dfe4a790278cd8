import Foundation
import SimKit

/// How a Node.js execution environment is started: the machine's `node` (Node 20 serves every
/// `nodejs*.x`) on the bootstrap shipped in this target's resources.
struct NodeLauncher: Sendable {
    /// The node executable, an absolute path.
    let node: String
    /// The real folder behind /var/runtime (holds index.mjs).
    let runtimeDir: String

    /// Finds `node` on the host's PATH and the bundled bootstrap.
    static func locate(hostPath: String?) throws -> NodeLauncher {
        guard let node = ChildProcess.executable("node", onPath: hostPath) else {
            throw WorkbookError(
                LocalizedText(en: "node was not found on PATH: Lambda functions with a nodejs runtime run on the machine's Node.js",
                              ko: "PATH에서 node를 찾을 수 없습니다: nodejs 런타임 Lambda 함수는 이 컴퓨터의 Node.js로 실행됩니다"),
                fix: LocalizedText(en: "install Node.js 20: `bash .ci/setup` from the workbook's folder does it (or apt-get install nodejs)",
                                   ko: "Node.js 20을 설치하세요: 워크북 폴더에서 `bash .ci/setup`을 실행하면 됩니다(또는 apt-get install nodejs)"))
        }
        return NodeLauncher(node: node, runtimeDir: try RuntimeLauncher.bundledBootstrap("node", named: "Node.js"))
    }

    /// The SDK Lambda bundles with `runtime` (reference §2.3): aws-sdk v2 up to nodejs16.x, the
    /// AWS SDK v3 (`@aws-sdk/*`) from nodejs18.x, so `require('aws-sdk')` fails there as on AWS.
    /// Our shims (resources `runtime/sdk/nodejs-v2`, `nodejs-v3`) model their DynamoDB clients.
    func bundledModules(runtime: String) -> String {
        let major = Int(runtime.dropFirst("nodejs".count).prefix { $0.isNumber }) ?? 24
        let sdk = (runtimeDir as NSString).deletingLastPathComponent + "/sdk"
        return sdk + (major <= 16 ? "/nodejs-v2/node_modules" : "/nodejs-v3/node_modules")
    }

    /// Makes the bundled SDK resolvable from the task as /var/runtime/node_modules is on Lambda;
    /// returns its real folder.
    /// NODE_PATH covers `require`, but an ES module's `import` ignores NODE_PATH and looks only in
    /// `node_modules` folders above the importing file: a link beside the task folder is found
    /// after the task's own node_modules (so a function that ships its own SDK still wins), and
    /// loading nothing costs nothing until the handler imports it.
    func linkBundledModules(runtime: String, into workFolder: String) throws -> String {
        let modules = bundledModules(runtime: runtime)
        try FileManager.default.createSymbolicLink(atPath: workFolder + "/node_modules", withDestinationPath: modules)
        return modules
    }

    /// Lambda's node command line (reference/aws-behavior.md §2.3). `require(esm)` and module
    /// syntax detection stay off as on Lambda: Node 20.19+ turns them on, which would let an
    /// `export` in a `.js` file "work on my machine". Heap sizes from the memory setting [I]:
    /// 5 % semi-space, 90 % of memory less three semi-spaces for the old space.
    func arguments(memorySize: Int) -> [String] {
        let semiSpace = max(1, memorySize * 5 / 100)
        let oldSpace = max(16, memorySize * 90 / 100 - 3 * semiSpace)
        return ["--no-experimental-require-module", "--no-experimental-detect-module", "--expose-gc",
                "--max-http-header-size", "81920", "--max-semi-space-size=\(semiSpace)", "--max-old-space-size=\(oldSpace)",
                runtimeDir + "/index.mjs"]
    }
}
