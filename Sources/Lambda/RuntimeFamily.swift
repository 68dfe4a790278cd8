/// The runtime families the workbook runs: Node.js for `nodejs*.x`, Python for `python3.x`.
/// One definition for `sam build` (how to build) and the execution environments (how to start).
public enum RuntimeFamily: Sendable {
    case node, python

    /// The family of `runtime`, nil for a runtime the workbook does not run.
    public init?(runtime: String) {
        if runtime.hasPrefix("nodejs") {
            self = .node
        } else if runtime.hasPrefix("python3.") {
            self = .python
        } else {
            return nil
        }
    }
}
