import SimKit

/// Which IAM permissions a DynamoDB call needs, and on which resources: what IAM is asked before
/// DynamoDB looks at the request (reference/aws-behavior.md §3.1, the `AccessDeniedException` row).
///
/// Sources: the Service Authorization Reference for Amazon DynamoDB
/// (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazondynamodb.html):
/// item and table actions act on the `table` resource, a Query or Scan of an index on
/// `table/<name>/index/<index>`; the batch actions are authorised once per table they touch; a
/// transaction asks for the per-item action (`PutItem`, `UpdateItem`, `DeleteItem`,
/// `ConditionCheckItem`, `GetItem`) on each item's table, as the DynamoDB developer guide's
/// "IAM with DynamoDB transactions" says. Actions with no resource type (ListTables,
/// DescribeLimits, DescribeEndpoints) are authorised on `*` [I: the resource AWS names in their
/// AccessDenied text is not recorded].
public enum DynamoDBPermissions {
    /// One permission a call needs.
    public struct Required: Sendable, Hashable {
        /// e.g. `dynamodb:PutItem`.
        public let action: String
        /// e.g. `arn:aws:dynamodb:ap-northeast-2:123456789012:table/Music`.
        public let resource: String
    }

    /// The permissions `operation` with `request` needs, in the order IAM is asked (the first
    /// one denied is the one AWS names). Empty when the request names no resource yet (a
    /// missing `TableName`): DynamoDB's own validation answers then.
    public static func required(operation: String, request: JSON, region: String, account: String) -> [Required] {
        let table = { (name: String) in tableARN(name, region: region, account: account) }
        let action = "dynamodb:" + operation
        switch operation {
        case "ListTables", "DescribeLimits", "DescribeEndpoints":
            return [Required(action: action, resource: "*")]
        case "BatchGetItem", "BatchWriteItem":
            let names = request["RequestItems"]?.objectValue?.members.map(\.key) ?? []
            return names.map { Required(action: action, resource: table($0)) }
        case "TransactWriteItems", "TransactGetItems":
            return (request["TransactItems"]?.arrayValue ?? []).compactMap(transactPermission(table))
        case "Query", "Scan":
            guard let name = request["TableName"]?.stringValue else { return [] }
            let index = request["IndexName"]?.stringValue.map { "/index/\($0)" } ?? ""
            return [Required(action: action, resource: table(name) + index)]
        default:
            guard let name = request["TableName"]?.stringValue ?? request["ResourceArn"]?.stringValue else { return [] }
            return [Required(action: action, resource: table(name))]
        }
    }

    /// `Put` → `dynamodb:PutItem` on its table, and so on for each kind of transaction item.
    private static func transactPermission(_ table: @escaping (String) -> String) -> (JSON) -> Required? {
        let actions = ["Put": "PutItem", "Update": "UpdateItem", "Delete": "DeleteItem",
                       "ConditionCheck": "ConditionCheckItem", "Get": "GetItem"]
        return { item in
            guard let (kind, body) = item.objectValue?.members.first(where: { actions[$0.key] != nil }).map({ ($0.key, $0.value) }),
                  let name = body["TableName"]?.stringValue, let action = actions[kind] else { return nil }
            return Required(action: "dynamodb:" + action, resource: table(name))
        }
    }

    /// A table's ARN; a `TableName` that already is an ARN (DynamoDB accepts both) is kept.
    public static func tableARN(_ name: String, region: String, account: String) -> String {
        name.hasPrefix("arn:") ? name : "arn:aws:dynamodb:\(region):\(account):table/\(name)"
    }
}
