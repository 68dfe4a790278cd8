/// Who a trust or resource policy statement is about.
public enum Principal: Sendable, Hashable {
    /// `"Principal": "*"`: anyone, including AWS services.
    case anyone
    /// `"Principal": {"Service": …, "AWS": …}`: the listed identifiers, by type, in document order.
    case identifiers([PrincipalEntry])
}

/// One `"Type": value-or-list` member of a `Principal` object.
public struct PrincipalEntry: Sendable, Hashable {
    /// The kind of principal: `Service`, `AWS`, `Federated` or `CanonicalUser`.
    public var type: PrincipalType
    /// The identifiers, e.g. `lambda.amazonaws.com` or an account ARN.
    public var values: [String]

    public init(type: PrincipalType, values: [String]) {
        self.type = type
        self.values = values
    }
}

/// The principal types IAM accepts as keys of a `Principal` object.
public enum PrincipalType: String, Sendable, Hashable, CaseIterable {
    // Raw values are the JSON keys.
    case service = "Service"
    case aws = "AWS"
    case federated = "Federated"
    case canonicalUser = "CanonicalUser"
}

/// Trust-policy questions: who may assume a role.
extension PolicyDocument {
    /// Whether this trust policy lets the AWS service `service` (e.g. `lambda.amazonaws.com`)
    /// call `sts:AssumeRole`, as Lambda does before running a function with its role.
    ///
    /// A matching Deny wins over any Allow; a statement matches when its actions cover
    /// `sts:AssumeRole` and its principal is `"*"` or lists the service under `Service`.
    public func allowsAssumeRole(byService service: String) -> Bool {
        var allowed = false
        for statement in statements
        where statement.covers(action: "sts:AssumeRole") && (statement.principal?.includes(service: service) ?? false) {
            if statement.effect == .deny { return false }
            allowed = true
        }
        return allowed
    }
}

extension Principal {
    /// Whether this principal names the AWS service `service`.
    ///
    /// Service principals compare exactly; `"*"` means anyone, services included. `{"AWS": "*"}`
    /// names IAM identities, not services, so it does not match.
    public func includes(service: String) -> Bool {
        switch self {
        case .anyone: true
        case .identifiers(let entries):
            entries.contains { $0.type == .service && $0.values.contains(service) }
        }
    }
}
