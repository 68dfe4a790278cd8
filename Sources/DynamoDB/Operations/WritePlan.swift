import GRDB
import SimKit

/// One item write worked out before anything is stored: the key, the item before and after,
/// and whether the condition held. PutItem, UpdateItem, DeleteItem, BatchWriteItem and
/// TransactWriteItems all plan first, so a transaction can check every condition before writing.
struct WritePlan {
    enum Kind { case put, update, delete, check }

    let kind: Kind
    let table: TableContext
    let key: StoredKey
    let old: ItemRows.Stored?
    /// The item after the write; nil for delete and condition checks.
    let new: AttributeMap?
    let conditionHolds: Bool
    var updatedOld = AttributeMap()
    var updatedNew = AttributeMap()

    /// The bytes capacity is charged on: the larger of the item before and after.
    var chargedBytes: Int { max(old?.size ?? 0, new.map(ItemSize.of) ?? 0) }

    /// Stores the new item, or removes the old one.
    func apply(in db: Database) throws {
        switch kind {
        case .put, .update:
            guard let new else { return }
            try table.rows.put(key, new, size: ItemSize.of(new), in: db)
        case .delete:
            if old != nil { try table.rows.delete(key, in: db) }
        case .check:
            break
        }
    }

    /// `Attributes` for `ReturnValues`, or nil when there is nothing to return.
    func attributes(_ returnValues: String) -> AttributeMap? {
        let result: AttributeMap?
        switch returnValues {
        case "ALL_OLD": result = old?.item
        case "ALL_NEW": result = new
        case "UPDATED_OLD": result = updatedOld
        case "UPDATED_NEW": result = updatedNew
        default: result = nil
        }
        guard let result, !result.isEmpty else { return nil }
        return result
    }
}

extension Context {
    /// Plans a PutItem (or a transaction's / batch's Put). `item` is the request's `Item` when the
    /// caller parsed it already; `readOld: false` skips reading the item it replaces, for a put
    /// whose answer does not depend on it.
    func planPut(_ request: Request, _ expressions: RequestExpressions, table: TableContext,
                 item parsed: AttributeMap? = nil, readOld: Bool = true) throws -> WritePlan {
        let item = try parsed ?? request.item("Item")
        let key = try table.key(ofItem: item)
        if let problem = ItemSize.check(item) { throw problem }
        let old = readOld ? try table.rows.get(key, in: db) : nil
        return WritePlan(kind: .put, table: table, key: key, old: old, new: item,
                         conditionHolds: expressions.condition?.evaluate(old?.item ?? AttributeMap()) ?? true)
    }

    /// Plans a DeleteItem (or a Delete / ConditionCheck).
    func planDelete(_ request: Request, _ expressions: RequestExpressions, table: TableContext, kind: WritePlan.Kind = .delete) throws -> WritePlan {
        let key = try table.key(try request.item("Key"))
        let old = try table.rows.get(key, in: db)
        return WritePlan(kind: kind, table: table, key: key, old: old, new: nil,
                         conditionHolds: expressions.condition?.evaluate(old?.item ?? AttributeMap()) ?? true)
    }

    /// Plans an UpdateItem: the item is created from its key when it does not exist.
    func planUpdate(_ request: Request, _ expressions: RequestExpressions, table: TableContext) throws -> WritePlan {
        let keyMap = try request.item("Key")
        let key = try table.key(keyMap)
        if let problem = expressions.update?.keyAttributeError(keyNames: table.keyNames) { throw problem }
        let old = try table.rows.get(key, in: db)
        let holds = expressions.condition?.evaluate(old?.item ?? AttributeMap()) ?? true
        guard holds else {
            return WritePlan(kind: .update, table: table, key: key, old: old, new: nil, conditionHolds: false)
        }
        let base = old?.item ?? keyMap
        let result = try expressions.update?.apply(to: base) ?? UpdateResult(item: base, updatedOld: AttributeMap(), updatedNew: AttributeMap())
        if ItemSize.of(result.item) > ItemSize.limit { throw DynamoDBValidation.itemToUpdateTooLarge }
        var plan = WritePlan(kind: .update, table: table, key: key, old: old, new: result.item, conditionHolds: true)
        plan.updatedOld = result.updatedOld
        plan.updatedNew = result.updatedNew
        return plan
    }

    /// The error for a failed condition, with the old item when `ReturnValuesOnConditionCheckFailure` asks for it.
    func conditionFailure(_ plan: WritePlan, _ request: Request) throws -> DynamoDBFailure {
        let mode = try request.choice("ReturnValuesOnConditionCheckFailure", ["ALL_OLD", "NONE"], default: "NONE")
        var extra = JSONObject()
        if mode == "ALL_OLD", let old = plan.old?.item { extra["Item"] = old.dynamoJSON }
        return DynamoDBFailure(DynamoDBErrors.conditionalCheckFailed, extra: extra)
    }
}
