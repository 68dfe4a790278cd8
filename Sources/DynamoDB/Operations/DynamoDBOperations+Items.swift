import GRDB
import SimKit

/// PutItem, GetItem, UpdateItem, DeleteItem.
extension Context {
    /// A PutItem's members, validated in the order DynamoDB reports their errors.
    struct PutMembers {
        var name: String
        var item: AttributeMap
        var returnValues: String
        var mode: CapacityMode
        var expressions: RequestExpressions
        /// The old item only matters for a condition, ALL_OLD or the capacity charged.
        var needsOld: Bool { expressions.condition != nil || returnValues != "NONE" || mode != .none }
    }

    func putMembers(_ request: Request) throws -> PutMembers {
        let name = try request.tableName()
        let item = try request.item("Item")
        let returnValues = try request.returnValues()
        if !["NONE", "ALL_OLD"].contains(returnValues) { throw DynamoDBErrors.returnValuesPutDelete }
        let mode = try request.capacityMode()
        return PutMembers(name: name, item: item, returnValues: returnValues, mode: mode, expressions: try RequestExpressions.parse(request))
    }

    func putItem(_ request: Request) throws -> JSON {
        let put = try putMembers(request)
        if !put.needsOld, try putWithKnownSchema(put.name, put.item) { return .object(JSONObject()) }
        let table = try table(named: put.name)
        let plan = try planPut(request, put.expressions, table: table, item: put.item, readOld: put.needsOld)
        return try finish(plan, request, returnValues: put.returnValues, mode: put.mode)
    }

    /// `putItem`'s one-statement case alone: true when the item is stored. False, with nothing
    /// written, for a request that needs more (a condition, ReturnValues, capacity, a table not
    /// read yet) or is invalid: `putItem` then runs it and reports its error.
    func plainPut(_ request: Request) throws -> Bool {
        guard let put = try? putMembers(request), !put.needsOld else { return false }
        return try putWithKnownSchema(put.name, put.item)
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
        let name = try request.tableName()
        let keyMap = try request.item("Key")
        let mode = try request.capacityMode()
        let expressions = try RequestExpressions.parse(request)
        let (table, stored) = try read(keyMap, table: name)
        var response = JSONObject()
        if let stored {
            response["Item"] = RequestExpressions.project(stored.item, expressions.projection, attributesToGet: request.attributesToGet).dynamoJSON
        }
        let units = Capacity.read(stored?.size ?? 0, consistent: request.bool("ConsistentRead") ?? false)
        response["ConsumedCapacity"] = Capacity.json(mode, table: table.name, units: units)
        return .object(response)
    }

    // The fast paths below save the table lookup, one statement of a handful, when this process
    // has seen the table's key schema: the statement that reads or writes checks that the stored
    // schema is still that one, and anything else (no table, another schema, a key that fails
    // the checks) takes the usual path, so errors and their order stay the same.

    /// A put that answers `{}` whatever it replaces: true when done in one statement.
    private func putWithKnownSchema(_ name: String, _ item: AttributeMap) throws -> Bool {
        guard let known = tables.knownKeySchema(name) else { return false }
        let table = TableContext(name: name, known.schema)
        let size = ItemSize.of(item)  // once: `ItemSize.check` would walk the item again
        guard let key = try? table.key(ofItem: item), size <= ItemSize.limit else { return false }
        return try table.rows.put(key, item, size: size, ifKeySchema: known.text, in: db)
    }

    /// The table and the item at `keyMap`.
    private func read(_ keyMap: AttributeMap, table name: String) throws -> (TableContext, ItemRows.Stored?) {
        if let known = tables.knownKeySchema(name) {
            let table = TableContext(name: name, known.schema)
            if let key = try? table.key(keyMap), let row = try table.rows.getWithKeySchema(key, in: db), row.keySchema == known.text {
                return (table, row.stored)
            }
        }
        let table = try table(named: name)
        return (table, try table.rows.get(try table.key(keyMap), in: db))
    }
}
