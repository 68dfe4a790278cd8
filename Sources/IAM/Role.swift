import SimKit

/// An IAM role as the simulator keeps it: a value, stored and versioned by whoever owns roles.
public struct Role: Sendable, Hashable {
    /// `RoleName`, e.g. `lambda-to-dynamodb-FunctionRole-ABC123`.
    public var name: String
    /// `Path`, `/` unless the template says otherwise.
    public var path: String
    /// `arn:aws:iam::<account>:role<path><name>`.
    public var arn: String
    /// `RoleId`, `AROA…` from the account's seeded id generator.
    public var roleId: String
    /// The trust policy (`AssumeRolePolicyDocument`), parsed as `.trust`.
    public var assumeRolePolicy: PolicyDocument
    /// Inline policies (`Policies` / `put-role-policy`), by name, in the order they were added.
    public var inlinePolicies: [NamedPolicy]
    /// Attached managed policies (`ManagedPolicyArns` / `attach-role-policy`), in attachment order.
    public var managedPolicyArns: [String]
    /// `CreateDate`, from the account's virtual clock.
    public var createDate: EpochMillis

    public init(name: String, path: String = "/", arn: String, roleId: String, assumeRolePolicy: PolicyDocument,
                inlinePolicies: [NamedPolicy] = [], managedPolicyArns: [String] = [], createDate: EpochMillis) {
        self.name = name
        self.path = path
        self.arn = arn
        self.roleId = roleId
        self.assumeRolePolicy = assumeRolePolicy
        self.inlinePolicies = inlinePolicies
        self.managedPolicyArns = managedPolicyArns
        self.createDate = createDate
    }

    /// Every identity policy that applies to the role: inline policies first, then managed
    /// policies in attachment order, each named as a trace prints it.
    ///
    /// Throws `WorkbookError.notSimulated("managed policy <arn>")` for an attached ARN the
    /// catalogue does not hold, rather than evaluating without it and denying for the wrong reason.
    public func effectivePolicies(in catalogue: ManagedPolicyCatalogue) throws -> [NamedPolicy] {
        let managed = try managedPolicyArns.map { arn in
            guard let policy = catalogue.policy(arn: arn) else {
                throw WorkbookError.notSimulated("managed policy \(arn)", at: nil)
            }
            return NamedPolicy(name: policy.name, document: policy.document)
        }
        return inlinePolicies + managed
    }

    /// Evaluates `action` on `resource` against the role's effective policies.
    public func evaluate(action: String, resource: String, catalogue: ManagedPolicyCatalogue) throws -> Decision {
        IAM.evaluate(action: action, resource: resource, policies: try effectivePolicies(in: catalogue))
    }
}
