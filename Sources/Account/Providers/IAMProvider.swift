import CloudFormation
import GRDB
import IAM
import SimKit

/// AWS::IAM::Role and AWS::IAM::Policy.
extension AccountProvisioner {
    func createRole(_ request: ProvisionRequest) throws -> ProvisionResult {
        let role = try roleValue(request, name: Self.text(request.properties["RoleName"]) ?? physicalName(request, suffix: account.ids.physicalSuffix()),
                                 roleId: "AROA" + account.ids.upperSuffix(17), createDate: account.now())
        if let error = try account.roles.create(role, in: db) { throw ProvisionFailure.service("Iam", error) }
        return ProvisionResult(physicalId: role.name, attributes: ["Arn": .string(role.arn), "RoleId": .string(role.roleId)])
    }

    func updateRole(_ request: ProvisionRequest, physicalId: String) throws -> ProvisionResult {
        guard let existing = try account.roles.get(physicalId, in: db) else {
            throw ProvisionFailure(message: "The role with name \(physicalId) cannot be found.", handlerErrorCode: "NotFound")
        }
        let role = try roleValue(request, name: existing.name, roleId: existing.roleId, createDate: existing.createDate)
        try account.roles.update(role, in: db)
        return ProvisionResult(physicalId: role.name, attributes: ["Arn": .string(role.arn), "RoleId": .string(role.roleId)])
    }

    /// Builds the role value from properties, parsing every policy document with IAM's rules.
    func roleValue(_ request: ProvisionRequest, name: String, roleId: String, createDate: EpochMillis) throws -> Role {
        let path = Self.text(request.properties["Path"]) ?? "/"
        let trustJSON = try required(request, "AssumeRolePolicyDocument")
        let trust: PolicyDocument
        do {
            trust = try PolicyDocument(Self.policyJSON(trustJSON, kind: .trust), kind: .trust)
        } catch let malformed as MalformedPolicyDocument {
            throw ProvisionFailure.service("Iam", malformed.awsError)
        }
        var inline: [NamedPolicy] = []
        for policy in request.properties["Policies"]?.arrayValue ?? [] {
            guard let policyName = Self.text(policy["PolicyName"]), let document = policy["PolicyDocument"] else {
                throw ProvisionFailure(message: "Properties validation failed for resource \(request.logicalId) with message:\n#/Policies: required key [PolicyName] not found")
            }
            do {
                inline.append(NamedPolicy(name: policyName, document: try PolicyDocument(Self.policyJSON(document, kind: .identity), kind: .identity)))
            } catch let malformed as MalformedPolicyDocument {
                throw ProvisionFailure.service("Iam", malformed.awsError)
            }
        }
        let managed = (request.properties["ManagedPolicyArns"]?.arrayValue ?? []).compactMap { Self.text($0) }
        for arn in managed where account.managedPolicies.policy(arn: arn) == nil {
            // An AWS managed policy the catalogue does not hold may well exist: say so. But one it
            // holds under another path (`policy/AWSLambdaBasicExecutionRole` for
            // `policy/service-role/AWSLambdaBasicExecutionRole`) does not exist in AWS either: fail
            // as IAM does, so the learner fixes the ARN instead of blaming the simulator.
            let name = String(arn.split(separator: "/").last ?? "")
            if arn.hasPrefix("arn:aws:iam::aws:policy/"), account.managedPolicies.policy(named: name) == nil {
                throw WorkbookError.notSimulated("managed policy \(arn)", at: nil)
            }
            throw ProvisionFailure.service("Iam", AWSError(code: "NoSuchEntity", message: "Policy \(arn) does not exist or is not attachable.", httpStatus: 404))
        }
        return Role(name: name, path: path, arn: ARN.iamRole(name, path: path, account: account.accountId).description, roleId: roleId,
                    assumeRolePolicy: trust, inlinePolicies: inline, managedPolicyArns: managed, createDate: createDate)
    }

    /// Policy documents arrive as objects, or as JSON text. Unparsable text is IAM's own
    /// MalformedPolicyDocument, whose wording depends on the kind ("This policy contains invalid
    /// Json" for a trust policy, "Syntax errors in policy." otherwise).
    static func policyJSON(_ value: JSON, kind: PolicyKind) throws -> JSON {
        if case .string(let text) = value {
            do { return try JSONParser.parse(text) } catch {
                throw MalformedPolicyDocument(.invalidJSON(kind: kind, reason: error.description))
            }
        }
        return value
    }

    /// AWS::IAM::Policy: an inline policy put on each role in `Roles`.
    func putPolicy(_ request: ProvisionRequest, physicalId: String?, previous: JSONObject? = nil) throws -> ProvisionResult {
        guard let name = Self.text(try required(request, "PolicyName")) else { throw ProvisionFailure(message: "PolicyName must be a string") }
        let document: PolicyDocument
        do {
            document = try PolicyDocument(Self.policyJSON(try required(request, "PolicyDocument"), kind: .identity), kind: .identity)
        } catch let malformed as MalformedPolicyDocument {
            throw ProvisionFailure.service("Iam", malformed.awsError)
        }
        if let previous { try deletePolicy(physicalId: physicalId ?? "", properties: previous) }
        for roleName in (request.properties["Roles"]?.arrayValue ?? []).compactMap({ Self.text($0) }) {
            guard try account.roles.get(roleName, in: db) != nil else {
                throw ProvisionFailure.service("Iam", AWSError(code: "NoSuchEntity", message: "The role with name \(roleName) cannot be found.", httpStatus: 404))
            }
            try account.roles.putInline(role: roleName, policy: NamedPolicy(name: name, document: document), in: db)
        }
        return ProvisionResult(physicalId: physicalId ?? physicalName(request, suffix: account.ids.physicalSuffix()))
    }

    func deletePolicy(physicalId: String, properties: JSONObject) throws {
        guard let name = Self.text(properties["PolicyName"]) else { return }
        for roleName in (properties["Roles"]?.arrayValue ?? []).compactMap({ Self.text($0) }) {
            try account.roles.deleteInline(role: roleName, policyName: name, in: db)
        }
    }
}
