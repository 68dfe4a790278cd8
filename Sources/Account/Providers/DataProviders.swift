import CloudFormation
import CloudWatchLogs
import DynamoDB
import GRDB
import SimKit

/// AWS::DynamoDB::Table and AWS::Logs::LogGroup.
extension AccountProvisioner {
    func createTable(_ request: ProvisionRequest) throws -> ProvisionResult {
        let name = Self.text(request.properties["TableName"]) ?? physicalName(request, suffix: account.ids.upperSuffix(13), limit: 255)
        let definition = try tableDefinition(request, name: name)
        switch try account.tables.create(definition, now: account.now(), ids: account.ids, in: db) {
        case .success(let table): return ProvisionResult(physicalId: name, attributes: ["Arn": .string(table.arn)])
        case .failure(let error): throw ProvisionFailure.service("DynamoDb", error)
        }
    }

    func updateTable(_ request: ProvisionRequest, physicalId: String) throws -> ProvisionResult {
        let definition = try tableDefinition(request, name: physicalId)
        if let error = try account.tables.update(definition, in: db) { throw ProvisionFailure.service("DynamoDb", error) }
        let arn = ARN.dynamoDBTable(physicalId, region: account.region, account: account.accountId).description
        return ProvisionResult(physicalId: physicalId, attributes: ["Arn": .string(arn)])
    }

    func tableDefinition(_ request: ProvisionRequest, name: String) throws -> DynamoTableDefinition {
        let p = request.properties
        let keys = (try required(request, "KeySchema")).arrayValue ?? []
        let attributes = p["AttributeDefinitions"]?.arrayValue ?? []
        let throughput = p["ProvisionedThroughput"]
        let billing = Self.text(p["BillingMode"]) ?? "PROVISIONED"
        return DynamoTableDefinition(
            name: name,
            keySchema: keys.map { .init(name: Self.text($0["AttributeName"]) ?? "", keyType: Self.text($0["KeyType"]) ?? "") },
            attributes: attributes.map { .init(name: Self.text($0["AttributeName"]) ?? "", type: Self.text($0["AttributeType"]) ?? "") },
            billingMode: billing,
            readCapacity: Self.integer(throughput?["ReadCapacityUnits"]).map(Int64.init),
            writeCapacity: Self.integer(throughput?["WriteCapacityUnits"]).map(Int64.init),
            tags: (p["Tags"]?.arrayValue ?? []).map { (key: Self.text($0["Key"]) ?? "", value: Self.text($0["Value"]) ?? "") })
    }

    func createLogGroup(_ request: ProvisionRequest) throws -> ProvisionResult {
        let name = Self.text(request.properties["LogGroupName"]) ?? physicalName(request, suffix: account.ids.physicalSuffix(), limit: 512)
        switch try account.logGroups.create(name, retentionDays: Self.integer(request.properties["RetentionInDays"]), now: account.now(), in: db) {
        case .success(let group): return ProvisionResult(physicalId: name, attributes: ["Arn": .string(group.arn)])
        case .failure(let error): throw ProvisionFailure.service("CloudWatchLogs", error)
        }
    }

    func updateLogGroup(_ request: ProvisionRequest, physicalId: String) throws -> ProvisionResult {
        try account.logGroups.setRetention(physicalId, days: Self.integer(request.properties["RetentionInDays"]), in: db)
        let group = try account.logGroups.get(physicalId, in: db)
        return ProvisionResult(physicalId: physicalId, attributes: ["Arn": .string(group?.arn ?? "")])
    }
}
