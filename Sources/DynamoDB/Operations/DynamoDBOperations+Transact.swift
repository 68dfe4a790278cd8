import GRDB
import SimKit

/// TransactWriteItems: every condition is checked before anything is written; one failure
/// cancels the whole transaction with a reason per item.
/// https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html
extension Context {
    func transactWriteItems(_ request: Request) throws -> JSON {
        let mode = try request.capacityMode()
        let items = try request.required("TransactItems").arrayValue ?? []
        if items.isEmpty || items.count > 100 {
            throw DynamoDBValidation.error("1 validation error detected: Value '\(items.count)' at 'transactItems' failed to satisfy constraint: Member must have length \(items.isEmpty ? "greater than or equal to 1" : "less than or equal to 100")")
        }
        var plans: [(plan: WritePlan, request: Request)] = []
        var seen = Set<[UInt8]>()
        for item in items {
            let entry = Request(item.objectValue ?? JSONObject())
            let actions = ["ConditionCheck", "Put", "Delete", "Update"].filter { entry[$0] != nil }
            guard actions.count == 1, let action = actions.first, let inner = entry.nested(action) else {
                throw DynamoDBValidation.error("TransactItems can only contain one of Check, Put, Update or Delete")
            }
            let plan = try planTransactItem(action, inner)
            guard seen.insert(Self.identity(plan)).inserted else {
                throw DynamoDBValidation.error("Transaction request cannot include multiple operations on one item")
            }
            plans.append((plan, inner))
        }
        if plans.contains(where: { !$0.plan.conditionHolds }) { throw try cancellation(plans) }
        for (plan, _) in plans { try plan.apply(in: db) }
        var response = JSONObject()
        let charges = plans.map { ($0.plan.table.name, 2 * Capacity.write($0.plan.chargedBytes)) }
        response["ConsumedCapacity"] = Self.capacityList(mode, charges)
        return .object(response)
    }

    private func planTransactItem(_ action: String, _ inner: Request) throws -> WritePlan {
        _ = try inner.tableName()
        if action == "ConditionCheck", try inner.string("ConditionExpression") == nil {
            throw DynamoDBErrors.missingMember("ConditionExpression")
        }
        if action == "Update", try inner.string("UpdateExpression") == nil {
            throw DynamoDBErrors.missingMember("UpdateExpression")
        }
        let expressions = try RequestExpressions.parse(inner)
        let table = try table(inner)
        switch action {
        case "Put": return try planPut(inner, expressions, table: table)
        case "Update": return try planUpdate(inner, expressions, table: table)
        case "Delete": return try planDelete(inner, expressions, table: table)
        default: return try planDelete(inner, expressions, table: table, kind: .check)
        }
    }

    /// `Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed, None]`.
    private func cancellation(_ plans: [(plan: WritePlan, request: Request)]) throws -> DynamoDBFailure {
        var reasons: [JSON] = []
        var codes: [String] = []
        for (plan, request) in plans {
            if plan.conditionHolds {
                reasons.append(["Code": "None"])
                codes.append("None")
                continue
            }
            var reason = JSONObject()
            if let item = try conditionFailure(plan, request).extra["Item"] { reason["Item"] = item }
            reason["Code"] = "ConditionalCheckFailed"
            reason["Message"] = "The conditional request failed"
            reasons.append(.object(reason))
            codes.append("ConditionalCheckFailed")
        }
        let error = DynamoDBErrors.dynamo("TransactionCanceledException",
                                          "Transaction cancelled, please refer cancellation reasons for specific reasons [\(codes.joined(separator: ", "))]")
        return DynamoDBFailure(error, extra: ["CancellationReasons": .array(reasons)])
    }
}
