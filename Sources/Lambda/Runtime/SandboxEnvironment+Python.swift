import SimKit

extension SandboxEnvironment {
    /// A `python3.x` runtime (the rest are `nodejs*.x`).
    var isPython: Bool { RuntimeLauncher.Family(runtime: runtime) == .python }

    /// What a Python handler sees in PYTHONPATH (Lambda's value, `$LAMBDA_RUNTIME_DIR`).
    /// https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime
    static let lambdaPythonPath = "/var/runtime"

    /// Python's part of the variables: Lambda's PYTHONPATH unless the function sets its own, its
    /// real folders for the bootstrap's import path (as NODE_PATH's are mapped for Node), and in
    /// deterministic mode a fixed string hash (set iteration order) from the seed, removed again
    /// before user code runs since Lambda does not set it.
    func addPythonVariables(to env: inout [String: String]) {
        let pythonPath = env["PYTHONPATH"] ?? Self.lambdaPythonPath
        env["PYTHONPATH"] = pythonPath
        env["WORKBOOK_PYTHONPATH"] = realPaths(pythonPath)
        if deterministic, env["PYTHONHASHSEED"] == nil {
            env["PYTHONHASHSEED"] = String(seed % 4_294_967_296)
            env["WORKBOOK_HASHSEED"] = "1"
        }
    }
}
