/// AWS managed policy names → ARNs, as the SAM translator resolves a `Policies:` entry that is a
/// plain string.
///
/// The translator (1.110.0, `model/role_utils/role_constructor.py` `_get_managed_policy_arn`)
/// looks a name up in the map it bundles (`internal/data/aws_managed_policies.json`), then keeps
/// an ARN as written, then asks IAM (`ListPolicies`, Scope=AWS) and finally keeps the name as
/// written. We have no IAM to ask, so the bundled map is the whole map; a name it does not hold
/// stays as written (and CloudFormation later fails on it, as it would for a misspelt name).
enum SAMManagedPolicies {
    /// The partition our simulated regions live in.
    static let partition = "aws"

    /// Name → ARN for every bundled policy.
    static let arnsByName: [String: String] = {
        var map: [String: String] = [:]
        for group in namesByPath {
            for name in group.names.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
                map[String(name)] = "arn:\(partition):iam::aws:policy/\(group.path)\(name)"
            }
        }
        return map
    }()

    /// The ARN for a `Policies:` string entry: a bundled name's ARN, else the text as written.
    static func arn(for name: String) -> String {
        arnsByName[name] ?? name
    }

    /// The ARN of an AWS managed policy given with its path (`service-role/AWSLambdaBasicExecutionRole`).
    static func awsManagedARN(_ pathAndName: String) -> String {
        "arn:\(partition):iam::aws:policy/\(pathAndName)"
    }
}
