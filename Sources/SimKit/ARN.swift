/// Amazon Resource Names in the formats the services print.
public struct ARN: Sendable, Hashable, CustomStringConvertible {
    public var partition = "aws"
    public var service: String
    public var region: String
    public var account: String
    public var resource: String

    public init(service: String, region: String, account: String, resource: String) {
        self.service = service
        self.region = region
        self.account = account
        self.resource = resource
    }

    public var description: String { "arn:\(partition):\(service):\(region):\(account):\(resource)" }

    /// Parses `arn:partition:service:region:account:resource` (the resource may hold colons).
    public init?(parsing text: String) {
        let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn" else { return nil }
        partition = String(parts[1])
        service = String(parts[2])
        region = String(parts[3])
        account = String(parts[4])
        resource = String(parts[5])
    }

    public static func lambdaFunction(_ name: String, region: String, account: String) -> ARN {
        ARN(service: "lambda", region: region, account: account, resource: "function:\(name)")
    }
    public static func iamRole(_ name: String, path: String = "/", account: String) -> ARN {
        ARN(service: "iam", region: "", account: account, resource: "role\(path)\(name)")
    }
    public static func dynamoDBTable(_ name: String, region: String, account: String) -> ARN {
        ARN(service: "dynamodb", region: region, account: account, resource: "table/\(name)")
    }
    public static func logGroup(_ name: String, region: String, account: String) -> ARN {
        ARN(service: "logs", region: region, account: account, resource: "log-group:\(name)")
    }
}
