import GRDB
import SimKit

/// PutItem, GetItem, UpdateItem, DeleteItem.
extension Context {
    func putItem(_ request: Request) throws -> JSON {
        _ = try request.tableName()
        _ = try request.item("Item")
        let returnValues = try request.returnValues()
        if !["NONE", "ALL_OLD"].contains(returnValues) { throw DynamoDBErrors.returnValuesPutDelete }
        let mode = try request.capacityMode()
        let expressions = try RequestExpressions.parse(request)
        let table = try table(request)
        let plan = try planPut(request, expressions, table: table)
        return try finish(plan, request, returnValues: returnValues, mode: mode)
    }

    func deleteItem(_ request: Request) throws -> JSON {
        _ = try request.tableName()
        _ = try request.item("Key")
        let returnValues = try request.returnValues()
        if !["NONE", "ALL_OLD"].contains(returnValues) { throw DynamoDBErrors.returnValuesPutDelete }
        let mode = try request.capacityMode()
        let expressions = try RequestExpressions.parse(request)
        let table = try table(request)
        let plan = try planDelete(request, expressions, table: table)
        return try finish(plan, request, returnValues: returnValues, mode: mode)
    }

    func updateItem(_ request: Request) throws -> JSON {
        _ = try request.tableName()
        _ = try request.item("Key")
        let returnValues = try request.returnValues()
        let mode = try request.capacityMode()
        let expressions = try RequestExpressions.parse(request)
        let table = try table(request)
        let plan = try planUpdate(request, expressions, table: table)
        return try finish(plan, request, returnValues: returnValues, mode: mode)
    }

    /// Checks the condition, writes, and answers `Attributes` and `ConsumedCapacity`.
    private func finish(_ plan: WritePlan, _ request: Request, returnValues: String, mode: CapacityMode) throws -> JSON {
        guard plan.conditionHolds else { throw try conditionFailure(plan, request) }
        try plan.apply(in: db)
        var response = JSONObject()
        if let attributes = plan.attributes(returnValues) { response["Attributes"] = attributes.dynamoJSON }
        response["ConsumedCapacity"] = Capacity.json(mode, table: plan.table.name, units: Capacity.write(plan.chargedBytes))
        return .object(response)
    }

    func getItem(_ request: Request) throws -> JSON {
        _ = try request.tableName()
        let keyMap = try request.item("Key")
        let mode = try request.capacityMode()
        let expressions = try RequestExpressions.parse(request)
        let table = try table(request)
        let stored = try table.rows.get(try table.key(keyMap), in: db)
        var response = JSONObject()
        if let stored {
            response["Item"] = RequestExpressions.project(stored.item, expressions.projection, attributesToGet: request.attributesToGet).dynamoJSON
        }
        let units = Capacity.read(stored?.size ?? 0, consistent: request.bool("ConsistentRead") ?? false)
        response["ConsumedCapacity"] = Capacity.json(mode, table: table.name, units: units)
        return .object(response)
    }
}
