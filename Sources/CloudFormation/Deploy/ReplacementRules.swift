import SimKit

/// Which property changes make CloudFormation replace a resource (the "Update requires:
/// Replacement" notes in the resource reference). Anything not listed updates in place.
enum ReplacementRules {
    static let replacing: [String: Set<String>] = [
        "AWS::Lambda::Function": ["FunctionName", "PackageType"],
        "AWS::Lambda::Permission": ["Action", "EventSourceToken", "FunctionName", "FunctionUrlAuthType", "Principal", "PrincipalOrgID", "SourceAccount", "SourceArn"],
        "AWS::DynamoDB::Table": ["TableName", "KeySchema"],
        "AWS::IAM::Role": ["RoleName", "Path"],
        "AWS::IAM::Policy": [],
        "AWS::Logs::LogGroup": ["LogGroupName"],
    ]

    /// `True`, `False` or `Conditional` for a change from `old` to `new` properties.
    static func replacement(type: String, old: JSON, new: JSON) -> String {
        let oldProps = old["Properties"]?.objectValue ?? JSONObject()
        let newProps = new["Properties"]?.objectValue ?? JSONObject()
        let keys = Set(oldProps.keys).union(newProps.keys)
        let changed = keys.filter { oldProps[$0] != newProps[$0] }
        let rules = replacing[type] ?? []
        if changed.contains(where: rules.contains) {
            // A change that is itself an intrinsic may or may not end up different.
            let viaIntrinsic = changed.filter(rules.contains).allSatisfy { isIntrinsic(newProps[$0]) }
            return viaIntrinsic ? "Conditional" : "True"
        }
        return "False"
    }

    /// A resource whose own definition is unchanged but whose properties use a resource being
    /// replaced still changes (CloudFormation lists it as a Modify it evaluates dynamically):
    /// `Conditional` when such a property requires replacement, else `False`; nil when it uses none.
    static func replacementThroughReferences(type: String, properties: TemplateNode?, replaced: Set<String>) -> String? {
        guard !replaced.isEmpty, let map = properties?.mapValue else { return nil }
        var result: String?
        for entry in map.entries {
            let names = TemplateReference.collect(in: entry.value).compactMap { reference -> String? in
                switch reference.kind {
                case .ref, .getAtt: reference.name
                case .subVariable: String(reference.name.prefix { $0 != "." })
                default: nil
                }
            }
            guard names.contains(where: replaced.contains) else { continue }
            if replacing[type]?.contains(entry.key) == true { return "Conditional" }
            result = "False"
        }
        return result
    }

    static func isIntrinsic(_ value: JSON?) -> Bool {
        guard let object = value?.objectValue, object.count == 1, let key = object.keys.first else { return false }
        return key == "Ref" || key.hasPrefix("Fn::")
    }
}
