import SimKit

/// The execution role SAM generates for a function (`_construct_role` + `construct_role_for_resource`).
///
/// The translator builds it even when the function has its own `Role` — it is then dropped — so an
/// invalid `Policies` entry is an error even though `Policies` is otherwise ignored with `Role`.
struct SAMFunctionRole {
    let logicalId: String
    /// Function properties, with policy templates already expanded.
    let properties: TemplateMap
    /// The function's tag list (`lambda:createdBy: SAM` first), which the role gets too.
    let tags: [TemplateNode]

    /// The trust policy for `lambda.amazonaws.com` (`IAMRolePolicies.lambda_assume_role_policy`).
    static var lambdaAssumeRolePolicy: TemplateNode {
        .object([
            ("Version", .string("2012-10-17")),
            ("Statement", .list([.object([
                ("Action", .list([.string("sts:AssumeRole")])),
                ("Effect", .string("Allow")),
                ("Principal", .object([("Service", .list([.string("lambda.amazonaws.com")]))])),
            ])])),
        ])
    }

    /// The `AWS::IAM::Role` properties.
    func build() throws(SAMTransformError) -> TemplateMap {
        var managed: [TemplateNode] = [.string(SAMManagedPolicies.awsManagedARN("service-role/AWSLambdaBasicExecutionRole"))]
        var documents: [TemplateNode] = []
        let policies = properties.present("Policies")
        let entries = policies.map { $0.listValue ?? [$0] } ?? []
        for (index, policy) in entries.enumerated() {
            if let name = policy.stringValue {
                append(.string(SAMManagedPolicies.arn(for: name), at: policy.location), to: &managed)
            } else if policy.isIntrinsic {
                append(policy, to: &managed)
            } else if policy.mapValue?["Statement"] != nil {
                documents.append(.object([
                    ("PolicyName", .string("\(logicalId)RolePolicy\(index)")),
                    ("PolicyDocument", policy),
                ]))
            } else {
                throw SAMTransformError(.resource(logicalId, SAMReason.policyNotValid(index), at: policy.location ?? policies?.location))
            }
        }
        var role = TemplateMap()
        role["AssumeRolePolicyDocument"] = Self.lambdaAssumeRolePolicy
        role["ManagedPolicyArns"] = .list(managed)
        if !documents.isEmpty { role["Policies"] = .list(documents) }
        role["Tags"] = .list(tags)
        return role
    }

    /// Adds a managed policy unless it is already there (the translator de-duplicates).
    private func append(_ policy: TemplateNode, to managed: inout [TemplateNode]) {
        if !managed.contains(policy) { managed.append(policy) }
    }
}
