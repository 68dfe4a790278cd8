import SimKit

/// A managed policy the simulator knows: an AWS-managed one from the built-in catalogue, or a
/// customer-managed one a template created.
public struct ManagedPolicy: Sendable, Hashable {
    /// `PolicyName`, e.g. `AWSLambdaBasicExecutionRole`.
    public var name: String
    /// `Path`, e.g. `/service-role/`.
    public var path: String
    /// The policy ARN, e.g. `arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole`.
    public var arn: String
    /// The default version's document, parsed as an identity policy (its `source` is the exact JSON).
    public var document: PolicyDocument

    public init(name: String, path: String, arn: String, document: PolicyDocument) {
        self.name = name
        self.path = path
        self.arn = arn
        self.document = document
    }

    /// An AWS-managed policy: account `aws`, ARN built from path and name.
    static func aws(_ name: String, path: String = "/", document: JSON) throws -> ManagedPolicy {
        ManagedPolicy(name: name, path: path, arn: "arn:aws:iam::aws:policy\(path)\(name)",
                      document: try PolicyDocument(document, kind: .identity))
    }
}

/// The managed policies that can be attached to roles, looked up by ARN or bare name.
public struct ManagedPolicyCatalogue: Sendable, Hashable {
    /// The policies, in the order they were added.
    public private(set) var policies: [ManagedPolicy]

    /// A catalogue of exactly `policies` (tests; an account adding customer-managed policies).
    public init(_ policies: [ManagedPolicy] = []) {
        self.policies = policies
    }

    /// Adds or replaces (by ARN) a policy, e.g. an `AWS::IAM::ManagedPolicy` a stack created.
    public mutating func add(_ policy: ManagedPolicy) {
        policies.removeAll { $0.arn == policy.arn }
        policies.append(policy)
    }

    /// The policy with this ARN, in any partition (`arn:aws:`, `arn:aws-cn:`, `arn:aws-us-gov:`).
    ///
    /// The path must match too: `arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole` (without
    /// `service-role/`) does not exist in AWS either, so it is not found here.
    public func policy(arn: String) -> ManagedPolicy? {
        guard let wanted = ARN(parsing: arn), wanted.service == "iam" else { return nil }
        return policies.first { known in
            guard let candidate = ARN(parsing: known.arn) else { return false }
            return candidate.account == wanted.account && candidate.resource == wanted.resource
                && candidate.region == wanted.region
        }
    }

    /// The policy with this bare name (`AWSLambdaBasicExecutionRole`), as SAM's `Policies` accepts it.
    public func policy(named name: String) -> ManagedPolicy? {
        policies.first { $0.name == name }
    }

    /// The policy a template names either way: a full ARN or a bare name.
    public func policy(arnOrName reference: String) -> ManagedPolicy? {
        reference.hasPrefix("arn:") ? policy(arn: reference) : policy(named: reference)
    }
}
