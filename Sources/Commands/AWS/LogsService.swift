import Account
import AWSCLI
import CloudWatchLogs
import GRDB
import SimKit

/// `aws logs create-log-group | create-log-stream | put-log-events | describe-log-groups |
/// describe-log-streams | get-log-events | filter-log-events | delete-log-group |
/// put-retention-policy | delete-retention-policy | tail`.
struct LogsService: AWSService {
    let name = "logs"

    var operations: [AWSOperation] { groupOperations + eventOperations }

    /// `tail` is a CLI customization (positional group, flags, its own printing).
    var customCommands: [String: CustomAWSCommand] { ["tail": LogsTail.run] }

    var groupOperations: [AWSOperation] {
        [
            AWSOperation(cliName: "create-log-group", apiName: "CreateLogGroup", parameters: [
                .init("--log-group-name", "logGroupName", required: true), .init("--kms-key-id", "kmsKeyId"),
                .init("--tags", "tags", .map(.string)), .init("--log-group-class", "logGroupClass"),
            ], unsimulated: ["--deletion-protection-enabled"]) { request, context in
                let account = try context.account()
                let result = try account.write { db in
                    try account.logGroups.create(request.string("logGroupName"), retentionDays: nil, now: account.now(), in: db)
                }
                return result.map { _ in [:] }
            },
            AWSOperation(cliName: "create-log-stream", apiName: "CreateLogStream", parameters: [
                .init("--log-group-name", "logGroupName", required: true), .init("--log-stream-name", "logStreamName", required: true),
            ]) { request, context in
                let account = try context.account()
                let streams = account.logStreams
                let result = try account.write { db in
                    try streams.create(group: request.string("logGroupName"), name: request.string("logStreamName"), now: account.now(), in: db)
                }
                return result.map { _ in [:] }
            },
            AWSOperation(cliName: "describe-log-groups", apiName: "DescribeLogGroups", parameters: [
                .init("--log-group-name-prefix", "logGroupNamePrefix"), .init("--limit", "limit", .integer),
                .init("--next-token", "nextToken"),
            ], unsimulated: ["--account-identifiers", "--log-group-name-pattern", "--include-linked-accounts", "--log-group-class",
                             "--log-group-identifiers", "--page-size"] + AWSOperation.paginationOptions) { request, context in
                let account = try context.account()
                var groups = try account.readLogs { db in try account.logGroups.describe(prefix: request["logGroupNamePrefix"]?.stringValue, in: db) }
                if case .int(let limit)? = request["limit"] { groups = Array(groups.prefix(Int(limit))) }
                return .success(["logGroups": .array(groups.map(LogsJSON.group))])
            },
            AWSOperation(cliName: "describe-log-streams", apiName: "DescribeLogStreams", parameters: [
                .init("--log-group-name", "logGroupName"), .init("--log-stream-name-prefix", "logStreamNamePrefix"),
                .init("--order-by", "orderBy"), .init("--descending", "descending", .boolean), .init("--limit", "limit", .integer),
                .init("--next-token", "nextToken"),
            ], unsimulated: ["--log-group-identifier", "--page-size"] + AWSOperation.paginationOptions) { request, context in
                let account = try context.account()
                let streams = account.logStreams
                let order = LogStreamStore.Order(rawValue: request["orderBy"]?.stringValue ?? "LogStreamName") ?? .logStreamName
                let result = try account.readLogs { db in
                    try streams.list(group: request.string("logGroupName"), prefix: request["logStreamNamePrefix"]?.stringValue, order: order,
                                     descending: request["descending"] == .bool(true), in: db)
                }
                return result.map { list in
                    var list = list
                    if case .int(let limit)? = request["limit"] { list = Array(list.prefix(Int(limit))) }
                    return ["logStreams": .array(list.map { LogsJSON.stream($0, arn: streams.arn(of: $0)) })]
                }
            },
            AWSOperation(cliName: "delete-log-group", apiName: "DeleteLogGroup", parameters: [
                .init("--log-group-name", "logGroupName", required: true),
            ]) { request, context in
                let account = try context.account()
                return try account.write { db in try account.logGroups.deleteExisting(request.string("logGroupName"), in: db) }.map { [:] }
            },
            AWSOperation(cliName: "put-retention-policy", apiName: "PutRetentionPolicy", parameters: [
                .init("--log-group-name", "logGroupName", required: true), .init("--retention-in-days", "retentionInDays", .integer, required: true),
            ]) { request, context in
                let account = try context.account()
                let days = request["retentionInDays"].flatMap { if case .int(let n) = $0 { Int(n) } else { nil } } ?? 0
                return try account.write { db in
                    try account.logGroups.changeRetention(request.string("logGroupName"), days: days, in: db)
                }.map { [:] }
            },
            AWSOperation(cliName: "delete-retention-policy", apiName: "DeleteRetentionPolicy", parameters: [
                .init("--log-group-name", "logGroupName", required: true),
            ]) { request, context in
                let account = try context.account()
                return try account.write { db in
                    try account.logGroups.changeRetention(request.string("logGroupName"), days: nil, in: db)
                }.map { [:] }
            },
        ]
    }
}

extension JSONObject {
    /// A string member, or "" when absent (required members are checked before handlers run).
    func string(_ member: String) -> String { self[member]?.stringValue ?? "" }

    /// A long/integer member.
    func int64(_ member: String) -> Int64? {
        switch self[member] {
        case .int(let n)?: n
        case .double(let d)?: Int64(exactly: d.rounded(.towardZero))
        default: nil
        }
    }
}
