import DynamoDB
import IAM
import Lambda
import SimKit

/// Whose rights the AWS calls of a command's handlers carry.
public enum LambdaCallerMode: Sendable {
    /// `aws lambda invoke`, API Gateway, Event retries: the function's execution role.
    case executionRole
    /// `sam local invoke`: the learner's own credentials (the account's administrator).
    case localDeveloper
}

/// Who a handler's AWS calls come from, by the access key id they are signed with.
///
/// On AWS, Lambda assumes the function's execution role and hands the environment that
/// session's credentials: every SDK call is then made as
/// `arn:aws:sts::<account>:assumed-role/<role name>/<function name>` and IAM checks the role's
/// policies. `sam local invoke` is different: the container gets the developer's own
/// credentials, so the role plays no part and the developer's (administrator) rights apply.
final class LambdaCallers: Sendable {
    /// The identity behind one set of issued credentials.
    struct Caller: Sendable {
        /// The execution role's ARN; nil for the local developer.
        let roleARN: String?
        /// The role session's name: the function's name, as Lambda names it.
        let sessionName: String
    }

    let mode: LambdaCallerMode
    private let issued = Protected<[String: Caller]>([:])
    /// IAM's decisions, by role, action and resource, for the life of the command. IAM is
    /// eventually consistent (a policy change "takes time to become visible", IAM user guide,
    /// "Changes that I make are not always immediately visible"): a command's handlers see the
    /// policies as they were at their first call, and a change made by a later command applies
    /// to it. Saves a read transaction and the policies' parsing on every call.
    private let decisions = Protected<[String: Decision]>([:])

    init(mode: LambdaCallerMode) {
        self.mode = mode
    }

    /// Draws credentials for a new environment of `function` and remembers whose they are.
    func issue(for function: FunctionConfiguration, ids: IDGenerator) -> LambdaCredentials {
        let credentials = LambdaCredentials.draw(from: ids)
        let caller = Caller(roleARN: mode == .executionRole ? function.role : nil, sessionName: function.name)
        issued.withLock { $0[credentials.accessKeyID] = caller }
        return credentials
    }

    /// The caller who was issued `accessKeyID`.
    func caller(_ accessKeyID: String) -> Caller? {
        issued.withLock { $0[accessKeyID] }
    }

    /// The decision remembered for `role` asking `permission`, or `decide`'s, remembered.
    func decision(role: String, _ permission: DynamoDBPermissions.Required, decide: () throws -> Decision) rethrows -> Decision {
        let key = role + "\n" + permission.action + "\n" + permission.resource
        if let known = decisions.withLock({ $0[key] }) { return known }
        let decision = try decide()
        decisions.withLock { $0[key] = decision }
        return decision
    }
}

extension Account {
    /// IAM's answer to a DynamoDB call a handler signed with `accessKeyID`: nil when every
    /// permission it needs is allowed, else the error DynamoDB's front end answers
    /// (reference/aws-behavior.md §3.1). A denial is journaled, so a check's trace says why.
    func authorizeDynamoDB(_ accessKeyID: String?, operation: String, request: JSON, callers: LambdaCallers) throws -> AWSError? {
        // Texts of the Coral front end for unsigned and unknown callers (mhart/dynalite
        // `index.js`, whose connection tests ran against AWS).
        guard let accessKeyID else {
            return AWSError(code: "MissingAuthenticationTokenException", message: "Request is missing Authentication Token")
        }
        guard let caller = callers.caller(accessKeyID) else {
            return AWSError(code: "UnrecognizedClientException", message: "The security token included in the request is invalid.")
        }
        guard let roleARN = caller.roleARN else { return nil }
        let needed = DynamoDBPermissions.required(operation: operation, request: request, region: region, account: accountId)
        guard !needed.isEmpty else { return nil }
        var denial: (DynamoDBPermissions.Required, Decision)?
        for permission in needed {
            let decision = try callers.decision(role: roleARN, permission) {
                try read { db in
                    // A role deleted since the environment started has no policies left to allow anything.
                    try roles.get(arn: roleARN, in: db)?.evaluate(action: permission.action, resource: permission.resource,
                                                                   catalogue: managedPolicies)
                        ?? Decision(outcome: .implicitDeny, action: permission.action, resource: permission.resource, statement: nil)
                }
            }
            if !decision.isAllowed {
                denial = (permission, decision)
                break
            }
        }
        guard let (permission, decision) = denial, let reason = decision.accessDeniedReason else { return nil }
        let roleName = roleARN.split(separator: "/").last.map(String.init) ?? roleARN
        let user = "arn:aws:sts::\(accountId):assumed-role/\(roleName)/\(caller.sessionName)"
        journal.record("DynamoDB", LocalizedText(
            en: "\(operation) from \(caller.sessionName) denied: the execution role \(roleName) may not \(permission.action) (\(decision.explanation.en))",
            ko: "\(caller.sessionName)의 \(operation) 거부: 실행 역할 \(roleName)에 \(permission.action) 권한이 없습니다 (\(decision.explanation.ko ?? decision.explanation.en))"))
        return AWSError(code: "AccessDeniedException",
                        message: "User: \(user) is not authorized to perform: \(permission.action) on resource: \(permission.resource) \(reason)")
    }
}
