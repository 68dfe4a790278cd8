import SimKit

/// The checks IAM runs once a document's syntax is sound, in IAM's order, and then the check
/// for features the workbook does not simulate.
extension PolicyParser {
    /// The actions a trust policy may grant (LocalStack's list of what CreateRole accepts).
    static let trustActions: Set = [
        "sts:assumerole", "sts:assumerolewithsaml", "sts:assumerolewithwebidentity", "sts:tagsession",
        "sts:setsourceidentity", "sts:setcontext",
    ]

    func checkRules(_ raws: [Raw], version: String?) throws {
        // No Version rule for inline policies: IAM takes a role's inline policy without one (the
        // 2008-10-17 language), which is how SAM's policy templates (DynamoDBCrudPolicy, …) arrive
        // (aws-sam-translator 1.110.0 output). Only CreatePolicy (customer managed policies, not
        // simulated) answers "Policy document must be version 2012-10-17 or greater.".
        // IAM's "legacy parser" spells Effect case-sensitively; the syntax pass did not.
        for raw in raws where raw.effect != "Allow" && raw.effect != "Deny" {
            throw MalformedPolicyDocument(.effectWrongCase(raw.effect, statement: raw.index))
        }
        var sids: Set<String> = []
        for case let sid? in raws.map(\.sid) where !sid.isEmpty {
            if !sids.insert(sid).inserted { throw MalformedPolicyDocument(.duplicateSid(sid)) }
        }
        for raw in raws where raw.actions?.patterns.isEmpty ?? true {
            throw MalformedPolicyDocument(.missingActions(statement: raw.index))
        }
        if kind == .identity {
            for raw in raws where raw.resources?.patterns.isEmpty ?? true {
                throw MalformedPolicyDocument(.missingResources(statement: raw.index))
            }
        }
        for resource in raws.flatMap({ $0.resources?.patterns ?? [] }) where resource != "*" && !resource.contains(":") {
            throw MalformedPolicyDocument(.resourceNotARN(resource))
        }
        for action in raws.flatMap({ $0.actions?.patterns ?? [] }) {
            try Self.checkPrefix(action)
        }
        try checkKindRules(raws)
    }

    private static func checkPrefix(_ action: String) throws {
        let colons = action.count(where: { $0 == ":" })
        if colons == 0, action != "*" { throw MalformedPolicyDocument(.missingServicePrefix(action)) }
        if colons > 1 { throw MalformedPolicyDocument(.tooManyColons(action)) }
    }

    private func checkKindRules(_ raws: [Raw]) throws {
        for raw in raws {
            let hasPrincipal = raw.object["Principal"] != nil || raw.object["NotPrincipal"] != nil
            switch kind {
            case .identity:
                if hasPrincipal { throw MalformedPolicyDocument(.principalNotAllowed(statement: raw.index)) }
            case .resource:
                if !hasPrincipal { throw MalformedPolicyDocument(.missingPrincipal(statement: raw.index)) }
            case .trust:
                if !hasPrincipal { throw MalformedPolicyDocument(.missingPrincipal(statement: raw.index)) }
                for element in ["Resource", "NotResource"] where raw.object[element] != nil {
                    throw MalformedPolicyDocument(.prohibitedResource(element: element, statement: raw.index))
                }
                for action in raw.actions?.patterns ?? [] where !Self.isTrustAction(action) {
                    throw MalformedPolicyDocument(.nonSTSAction(action))
                }
            }
        }
    }

    private static func isTrustAction(_ action: String) -> Bool {
        let lowered = action.lowercased()
        return lowered == "*" || lowered == "sts:*" || trustActions.contains(lowered)
    }

    /// A valid document may still use what we don't model; that is an error by name, never a
    /// silent "allow" or "deny" (DESIGN.md: "A condition key we don't model is an error by name").
    static func checkSimulated(_ raws: [Raw], version: String?) throws {
        for raw in raws {
            if raw.object["NotPrincipal"] != nil { throw WorkbookError.notSimulated("IAM NotPrincipal", at: nil) }
            if let key = firstConditionKey(raw.object["Condition"]) {
                throw WorkbookError.notSimulated("IAM condition key \(key)", at: nil)
            }
            // Policy variables are only variables in version 2012-10-17; before that they are text.
            if version == "2012-10-17", let variable = (raw.resources?.patterns ?? []).lazy.compactMap(policyVariable).first {
                throw WorkbookError.notSimulated("IAM policy variable \(variable)", at: nil)
            }
        }
    }

    /// The first key a Condition block tests, e.g. `aws:SourceArn` in `{"ArnLike": {"aws:SourceArn": …}}`;
    /// `nil` when the block constrains nothing (`{}` or operators with no keys).
    private static func firstConditionKey(_ json: JSON?) -> String? {
        json?.objectValue?.lazy.compactMap { $0.value.objectValue?.keys.first }.first
    }

    /// `${aws:username}` in a resource pattern, if there is one.
    private static func policyVariable(_ pattern: String) -> String? {
        guard let start = pattern.range(of: "${"), let end = pattern[start.upperBound...].firstIndex(of: "}") else {
            return nil
        }
        return String(pattern[start.lowerBound...end])
    }
}
