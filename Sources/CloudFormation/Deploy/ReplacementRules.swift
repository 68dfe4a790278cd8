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

    static func isIntrinsic(_ value: JSON?) -> Bool {
        guard let object = value?.objectValue, object.count == 1, let key = object.keys.first else { return false }
        return key == "Ref" || key.hasPrefix("Fn::")
    }
}
