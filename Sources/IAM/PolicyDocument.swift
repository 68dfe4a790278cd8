import SimKit

/// What a policy document is attached to, which decides the rules it must follow.
public enum PolicyKind: Sendable, Hashable {
    /// An identity-based policy (inline or managed, attached to a role): no Principal, Resource required.
    case identity
    /// A role's trust policy (`AssumeRolePolicyDocument`): Principal required, no Resource, sts: actions only.
    case trust
    /// A resource-based policy (e.g. a Lambda function policy): Principal required, Resource allowed.
    case resource
}

/// Whether a statement allows or denies what it matches.
public enum Effect: String, Sendable, Hashable {
    case allow = "Allow"
    case deny = "Deny"
}

/// One statement of a policy document.
public struct PolicyStatement: Sendable, Hashable {
    /// The statement id, when the document gives one.
    public var sid: String?
    /// `Allow` or `Deny`.
    public var effect: Effect
    /// The principal, for trust and resource policies; `nil` in identity policies.
    public var principal: Principal?
    /// `Action` (`.including`) or `NotAction` (`.excluding`).
    public var actions: PatternList
    /// The resources; `nil` in trust policies, where the role itself is the resource.
    public var resources: PatternList?

    public init(sid: String? = nil, effect: Effect, principal: Principal? = nil,
                actions: PatternList, resources: PatternList?) {
        self.sid = sid
        self.effect = effect
        self.principal = principal
        self.actions = actions
        self.resources = resources
    }

    /// Whether this statement covers `action` on `resource` (its effect aside).
    ///
    /// Actions compare case-insensitively and resources case-sensitively, as IAM does:
    /// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
    public func covers(action: String, resource: String) -> Bool {
        guard Self.list(actions, covers: action, by: Wildcard.matchesAction) else { return false }
        guard let resources else { return true }
        return Self.list(resources, covers: resource, by: Wildcard.matchesResource)
    }

    /// Whether this statement covers `action` for any resource (used by trust policies).
    public func covers(action: String) -> Bool {
        Self.list(actions, covers: action, by: Wildcard.matchesAction)
    }

    private static func list(_ list: PatternList, covers value: String,
                             by match: (String, String) -> Bool) -> Bool {
        switch list {
        case .including(let patterns): patterns.contains { match($0, value) }
        case .excluding(let patterns): !patterns.contains { match($0, value) }
        }
    }
}

/// A parsed IAM policy document, with the JSON it came from.
public struct PolicyDocument: Sendable, Hashable {
    /// `Version`, when present (`2012-10-17` in every document IAM accepts as an identity policy).
    public var version: String?
    /// `Id`, when present.
    public var id: String?
    /// The statements in document order; their indexes are the ones explanations print.
    public var statements: [PolicyStatement]
    /// The document exactly as given, to print back (`get-role-policy`, `get-policy-version`).
    public var source: JSON

    /// Parses and validates `json` as IAM would for a policy of `kind`.
    ///
    /// Throws `MalformedPolicyDocument` with IAM's message for a document IAM would refuse, and
    /// `WorkbookError.notSimulated` for a valid document using something we don't model
    /// (a `Condition` key, `NotPrincipal`, a policy variable).
    public init(_ json: JSON, kind: PolicyKind) throws {
        let parsed = try PolicyParser(kind: kind).parse(json)
        version = parsed.version
        id = parsed.id
        statements = parsed.statements
        source = json
    }

    /// Parses a policy document from its JSON text.
    ///
    /// Text that is not JSON gets IAM's answer for it: "This policy contains invalid Json" for
    /// trust policies (CreateRole) and "Syntax errors in policy." otherwise.
    public init(parsing text: String, kind: PolicyKind) throws {
        let json: JSON
        do {
            json = try JSONParser.parse(text)
        } catch {
            throw MalformedPolicyDocument(.invalidJSON(kind: kind, reason: error.description))
        }
        try self.init(json, kind: kind)
    }
}
