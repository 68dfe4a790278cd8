import SimKit

extension SandboxEnvironment {
    /// A `python3.x` runtime (the rest are `nodejs*.x`).
    var isPython: Bool { runtime.hasPrefix("python") }

    /// What a Python handler sees in PYTHONPATH (Lambda's value, `$LAMBDA_RUNTIME_DIR`).
    /// https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime
    static let lambdaPythonPath = "/var/runtime"

    /// Python's part of the variables: Lambda's PYTHONPATH unless the function sets its own (the
    /// bootstrap maps its /var/task entries to the real folder), and in deterministic mode a
    /// fixed string hash (set iteration order) from the seed, removed again before user code
    /// runs since Lambda does not set it.
    func addPythonVariables(to env: inout [String: String]) {
        if env["PYTHONPATH"] == nil { env["PYTHONPATH"] = Self.lambdaPythonPath }
        if deterministic, env["PYTHONHASHSEED"] == nil {
            env["PYTHONHASHSEED"] = String(seed % 4_294_967_296)
            env["WORKBOOK_HASHSEED"] = "1"
        }
    }
}
