import Account
import AWSCLI
import DynamoDB
import SimKit

/// `aws dynamodb …` over the account's DynamoDB: each command is one `Account.dynamodb` call
/// (several for paginated scan, query and list-tables, merged as the CLI merges pages).
struct DynamoDBService: AWSService {
    let name = "dynamodb"

    var operations: [AWSOperation] {
        typealias P = AWSOperation.Parameter
        let table = P("--table-name", "TableName", required: true)
        let names = P("--expression-attribute-names", "ExpressionAttributeNames", .map(.string))
        let values = P("--expression-attribute-values", "ExpressionAttributeValues", .map(Shapes.attributeValue))
        let capacity = P("--return-consumed-capacity", "ReturnConsumedCapacity")
        let condition = P("--condition-expression", "ConditionExpression")
        let returnValues = P("--return-values", "ReturnValues")
        let onFailure = P("--return-values-on-condition-check-failure", "ReturnValuesOnConditionCheckFailure")
        let projection = P("--projection-expression", "ProjectionExpression")
        let consistent = P("--consistent-read", "ConsistentRead", .boolean)
        let reads = [P("--index-name", "IndexName"), P("--select", "Select"), P("--attributes-to-get", "AttributesToGet", .list(.string)),
                     P("--limit", "Limit", .integer), P("--exclusive-start-key", "ExclusiveStartKey", Shapes.item),
                     P("--filter-expression", "FilterExpression"), projection, names, values, capacity,
                     consistent, P("--page-size", Self.pageSize, .integer)]
        return [
            Self.operation("create-table", "CreateTable", [
                P("--attribute-definitions", "AttributeDefinitions", Shapes.attributeDefinitions, required: true), table,
                P("--key-schema", "KeySchema", Shapes.keySchema, required: true), P("--billing-mode", "BillingMode"),
                P("--provisioned-throughput", "ProvisionedThroughput", Shapes.throughput), P("--tags", "Tags", Shapes.tags),
            ], unsimulated: ["--local-secondary-indexes", "--global-secondary-indexes", "--stream-specification", "--sse-specification",
                             "--table-class", "--deletion-protection-enabled", "--warm-throughput", "--resource-policy",
                             "--on-demand-throughput", "--global-table-source-arn", "--global-table-settings-replication-mode"]),
            Self.operation("describe-table", "DescribeTable", [table]),
            Self.operation("list-tables", "ListTables", [
                P("--exclusive-start-table-name", "ExclusiveStartTableName"), P("--limit", "Limit", .integer),
                P("--page-size", Self.pageSize, .integer),
            ], unsimulated: AWSOperation.paginationOptions, paginated: ["TableNames"]),
            Self.operation("delete-table", "DeleteTable", [table]),
            Self.operation("update-table", "UpdateTable", [
                table, P("--billing-mode", "BillingMode"), P("--provisioned-throughput", "ProvisionedThroughput", Shapes.throughput),
            ], unsimulated: ["--attribute-definitions", "--global-secondary-index-updates", "--stream-specification", "--sse-specification",
                             "--replica-updates", "--table-class", "--deletion-protection-enabled", "--multi-region-consistency",
                             "--global-table-witness-updates", "--on-demand-throughput", "--warm-throughput",
                             "--global-table-settings-replication-mode"]),
            Self.operation("put-item", "PutItem", [
                table, P("--item", "Item", Shapes.item, required: true), returnValues, capacity, condition, names, values, onFailure,
            ], unsimulated: ["--expected", "--conditional-operator", "--return-item-collection-metrics"]),
            Self.operation("get-item", "GetItem", [
                table, P("--key", "Key", Shapes.item, required: true), P("--attributes-to-get", "AttributesToGet", .list(.string)),
                consistent, capacity, projection, names,
            ]),
            Self.operation("update-item", "UpdateItem", [
                table, P("--key", "Key", Shapes.item, required: true), returnValues, capacity,
                P("--update-expression", "UpdateExpression"), condition, names, values, onFailure,
            ], unsimulated: ["--attribute-updates", "--expected", "--conditional-operator", "--return-item-collection-metrics"]),
            Self.operation("delete-item", "DeleteItem", [
                table, P("--key", "Key", Shapes.item, required: true), condition, returnValues, capacity, names, values, onFailure,
            ], unsimulated: ["--expected", "--conditional-operator", "--return-item-collection-metrics"]),
            Self.operation("query", "Query", [table, P("--key-condition-expression", "KeyConditionExpression"),
                                              P("--scan-index-forward", "ScanIndexForward", .boolean)] + reads,
                           unsimulated: ["--key-conditions", "--query-filter", "--conditional-operator"] + AWSOperation.paginationOptions,
                           paginated: ["Items", "Count", "ScannedCount"]),
            Self.operation("scan", "Scan", [table, P("--segment", "Segment", .integer), P("--total-segments", "TotalSegments", .integer)] + reads,
                           unsimulated: ["--scan-filter", "--conditional-operator"] + AWSOperation.paginationOptions,
                           paginated: ["Items", "Count", "ScannedCount"]),
            Self.operation("batch-write-item", "BatchWriteItem", [
                P("--request-items", "RequestItems", Shapes.batchWrite, required: true), capacity,
            ], unsimulated: ["--return-item-collection-metrics"]),
            Self.operation("batch-get-item", "BatchGetItem", [
                P("--request-items", "RequestItems", Shapes.batchGet, required: true), capacity,
            ]),
            Self.operation("transact-write-items", "TransactWriteItems", [
                P("--transact-items", "TransactItems", Shapes.transactItems, required: true), capacity,
                P("--client-request-token", "ClientRequestToken"),
            ], unsimulated: ["--return-item-collection-metrics"]),
        ]
    }

    /// The CLI-side `--page-size`, carried under a member name no request has.
    static let pageSize = "__PageSize"

    /// An operation that sends the request as given; `paginated` lists the paginator's result keys.
    static func operation(_ cliName: String, _ apiName: String, _ parameters: [AWSOperation.Parameter], unsimulated: [String] = [],
                          paginated resultKeys: [String]? = nil) -> AWSOperation {
        AWSOperation(cliName: cliName, apiName: apiName, parameters: parameters, unsimulated: unsimulated) { request, context in
            let account = try context.account()
            let offset = context.timeZoneOffset(at: account.now())
            let result: Result<JSON, AWSError>
            if let resultKeys {
                result = try DynamoDBPaginator(operation: apiName, resultKeys: resultKeys).run(request, account: account)
            } else {
                result = try account.dynamodb(apiName, .object(request))
            }
            return result.map { DynamoDBCLIOutput.timestamps($0, offset: offset) }
        }
    }
}

/// botocore's paginator as the CLI drives it (`paginators-1.json`): every page fetched, result
/// keys merged, `ConsumedCapacity` (a non-aggregate key) from the first page or `null`.
/// `--limit` or `--exclusive-start-key` (`--exclusive-start-table-name`) turn paging off.
struct DynamoDBPaginator {
    let operation: String
    let resultKeys: [String]

    func run(_ request: JSONObject, account: Account) throws -> Result<JSON, AWSError> {
        var request = request
        let pageSize = request[DynamoDBService.pageSize]
        request[DynamoDBService.pageSize] = nil
        if ["Limit", "ExclusiveStartKey", "ExclusiveStartTableName"].contains(where: { request[$0] != nil }) {
            return try account.dynamodb(operation, .object(request))
        }
        if let pageSize { request["Limit"] = pageSize }
        let token = operation == "ListTables" ? ("ExclusiveStartTableName", "LastEvaluatedTableName") : ("ExclusiveStartKey", "LastEvaluatedKey")
        var merged = JSONObject()
        var firstPage: JSONObject?
        while true {
            let page: JSONObject
            switch try account.dynamodb(operation, .object(request)) {
            case .failure(let error): return .failure(error)
            case .success(let response): page = response.objectValue ?? JSONObject()
            }
            if firstPage == nil { firstPage = page }
            merge(page, into: &merged)
            guard let next = page[token.1] else { break }
            request[token.0] = next
        }
        if operation != "ListTables" { merged["ConsumedCapacity"] = firstPage?["ConsumedCapacity"] ?? .null }
        return .success(.object(merged))
    }

    private func merge(_ page: JSONObject, into merged: inout JSONObject) {
        for key in resultKeys {
            guard let value = page[key] else { continue }
            switch (merged[key], value) {
            case (nil, _): merged[key] = value
            case let (.array(a)?, .array(b)): merged[key] = .array(a + b)
            case let (.int(a)?, .int(b)): merged[key] = .int(a + b)
            default: break
            }
        }
    }
}

/// The botocore input shapes the CLI reads DynamoDB parameters with (JSON, shorthand, file://).
enum Shapes {
    /// `AttributeValue`; the model is recursive, so `M` and `L` nest four levels for shorthand
    /// (JSON input is taken as written at any depth).
    static let attributeValue = attributeValue(depth: 4)

    static func attributeValue(depth: Int) -> Shape {
        let inner: Shape = depth > 0 ? attributeValue(depth: depth - 1) : .map(.string)
        return .structure([
            "S": .string, "N": .string, "B": .blob, "SS": .list(.string), "NS": .list(.string), "BS": .list(.blob),
            "M": .map(inner), "L": .list(inner), "NULL": .boolean, "BOOL": .boolean,
        ])
    }

    static let item: Shape = .map(attributeValue)
    static let attributeDefinitions: Shape = .list(.structure(["AttributeName": .string, "AttributeType": .string]))
    static let keySchema: Shape = .list(.structure(["AttributeName": .string, "KeyType": .string]))
    static let throughput: Shape = .structure(["ReadCapacityUnits": .long, "WriteCapacityUnits": .long])
    static let tags: Shape = .list(.structure(["Key": .string, "Value": .string]))
    static let batchWrite: Shape = .map(.list(.structure([
        "PutRequest": .structure(["Item": item]), "DeleteRequest": .structure(["Key": item]),
    ])))
    static let batchGet: Shape = .map(.structure([
        "Keys": .list(item), "AttributesToGet": .list(.string), "ConsistentRead": .boolean,
        "ProjectionExpression": .string, "ExpressionAttributeNames": .map(.string),
    ]))
    static let transactItems: Shape = .list(.structure([
        "ConditionCheck": .structure(writeMembers(["Key": item])), "Put": .structure(writeMembers(["Item": item])),
        "Delete": .structure(writeMembers(["Key": item])), "Update": .structure(writeMembers(["Key": item, "UpdateExpression": .string])),
    ]))

    private static func writeMembers(_ first: KeyValuePairs<String, Shape>) -> [ShapeMember] {
        first.map { ShapeMember($0.key, $0.value) } + [
            ShapeMember("TableName", .string), ShapeMember("ConditionExpression", .string),
            ShapeMember("ExpressionAttributeNames", .map(.string)), ShapeMember("ExpressionAttributeValues", .map(attributeValue)),
            ShapeMember("ReturnValuesOnConditionCheckFailure", .string),
        ]
    }
}

/// What the CLI changes in a DynamoDB response before printing it.
enum DynamoDBCLIOutput {
    /// The timestamp members of `TableDescription`, sent as epoch seconds, printed as v2 prints
    /// timestamps (ISO 8601 in the context's zone).
    static let timestampMembers: Set<String> = [
        "CreationDateTime", "LastIncreaseDateTime", "LastDecreaseDateTime", "LastUpdateToPayPerRequestDateTime",
    ]

    static func timestamps(_ response: JSON, offset: Int) -> JSON {
        guard case .object(var object) = response else { return response }
        for key in ["Table", "TableDescription"] {
            guard case .object(var table)? = object[key] else { continue }
            for member in table.members where timestampMembers.contains(member.key) {
                if let seconds = member.value.doubleValue {
                    table[member.key] = CLITimestamp.value(EpochMillis((seconds * 1000).rounded()), offsetSeconds: offset)
                }
            }
            object[key] = .object(table)
        }
        return .object(object)
    }
}
