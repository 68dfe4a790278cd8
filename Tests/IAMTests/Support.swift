import IAM
import SimKit

/// Parses policy JSON text, failing the test on bad fixtures rather than crashing.
func policy(_ text: String, kind: PolicyKind = .identity) throws -> PolicyDocument {
    try PolicyDocument(parsing: text, kind: kind)
}

/// A named identity policy from JSON text.
func named(_ name: String, _ text: String) throws -> NamedPolicy {
    NamedPolicy(name: name, document: try policy(text))
}

/// An identity policy document with one statement body (everything inside the statement braces).
func oneStatement(_ body: String) -> String {
    #"{"Version": "2012-10-17", "Statement": {"# + body + "}}"
}

/// The problem a malformed document is rejected with, or nil if it parses or fails otherwise.
func problem(_ text: String, kind: PolicyKind = .identity) -> PolicyProblem? {
    do {
        _ = try PolicyDocument(parsing: text, kind: kind)
        return nil
    } catch let error as MalformedPolicyDocument {
        return error.problem
    } catch {
        return nil
    }
}
