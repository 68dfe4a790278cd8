import SimKit

/// A policy document with the name a trace prints: an inline policy's name or a managed
/// policy's name (`AWSLambdaBasicExecutionRole`).
public struct NamedPolicy: Sendable, Hashable {
    /// The name explanations print.
    public var name: String
    /// The parsed document.
    public var document: PolicyDocument

    public init(name: String, document: PolicyDocument) {
        self.name = name
        self.document = document
    }
}

/// Which statement of which policy decided a request.
public struct StatementReference: Sendable, Hashable {
    /// The policy's name.
    public var policyName: String
    /// The statement's 0-based position in its document.
    public var index: Int
    /// The statement's `Sid`, when it has a non-empty one.
    public var sid: String?

    public init(policyName: String, index: Int, sid: String?) {
        self.policyName = policyName
        self.index = index
        self.sid = sid
    }

    /// How a trace names the statement: its Sid when it has one, else its index.
    public var label: String { sid ?? String(index) }
}

/// The result of evaluating one request against identity policies, with why.
public struct Decision: Sendable, Hashable {
    /// IAM's three possible outcomes.
    public enum Outcome: Sendable, Hashable {
        /// A Deny statement matched; no Allow can override it.
        case explicitDeny
        /// An Allow statement matched and no Deny did.
        case allow
        /// Nothing matched: IAM denies by default.
        case implicitDeny
    }

    /// Allowed, explicitly denied or implicitly denied.
    public var outcome: Outcome
    /// The action that was asked for, as the caller gave it.
    public var action: String
    /// The resource ARN it was asked on.
    public var resource: String
    /// The statement that decided; `nil` for an implicit deny.
    public var statement: StatementReference?

    public init(outcome: Outcome, action: String, resource: String, statement: StatementReference?) {
        self.outcome = outcome
        self.action = action
        self.resource = resource
        self.statement = statement
    }

    /// Whether the request may go ahead.
    public var isAllowed: Bool { outcome == .allow }

    /// One sentence for a lesson trace, e.g. "allowed by policy AllowPut, statement 0" or
    /// "no statement allows dynamodb:GetItem on arn:aws:dynamodb:…".
    public var explanation: LocalizedText {
        switch (outcome, statement) {
        case (.allow, let statement?):
            LocalizedText(en: "allowed by policy \(statement.policyName), statement \(statement.label)",
                          ko: "정책 \(statement.policyName)의 문 \(statement.label)에 의해 허용됨")
        case (.explicitDeny, let statement?):
            LocalizedText(en: "explicitly denied by policy \(statement.policyName), statement \(statement.label)",
                          ko: "정책 \(statement.policyName)의 문 \(statement.label)에 의해 명시적으로 거부됨")
        default:
            LocalizedText(en: "no statement allows \(action) on \(resource)",
                          ko: "\(resource)에 대한 \(action)을(를) 허용하는 문이 없음")
        }
    }

    /// The end of AWS's AccessDenied message for this decision, e.g.
    /// "because no identity-based policy allows the dynamodb:GetItem action"; `nil` when allowed.
    ///
    /// AWS appends it to "User: <arn> is not authorized to perform: <action> on resource: <arn> ":
    /// https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html
    public var accessDeniedReason: String? {
        switch outcome {
        case .allow: nil
        case .explicitDeny: "with an explicit deny in an identity-based policy"
        case .implicitDeny: "because no identity-based policy allows the \(action) action"
        }
    }
}

/// Evaluates `action` on `resource` against identity policies the way IAM does for a single
/// account with no boundaries, SCPs or session policies: any matching Deny wins, else any
/// matching Allow, else an implicit deny.
///
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
/// The first matching statement (in policy order, then statement order) is the one reported.
public func evaluate(action: String, resource: String, policies: [NamedPolicy]) -> Decision {
    var firstAllow: StatementReference?
    for policy in policies {
        for (index, statement) in policy.document.statements.enumerated()
        where statement.covers(action: action, resource: resource) {
            let reference = StatementReference(policyName: policy.name, index: index,
                                               sid: statement.sid.flatMap { $0.isEmpty ? nil : $0 })
            switch statement.effect {
            case .deny:
                return Decision(outcome: .explicitDeny, action: action, resource: resource, statement: reference)
            case .allow:
                if firstAllow == nil { firstAllow = reference }
            }
        }
    }
    if let firstAllow {
        return Decision(outcome: .allow, action: action, resource: resource, statement: firstAllow)
    }
    return Decision(outcome: .implicitDeny, action: action, resource: resource, statement: nil)
}
