import GRDB
import SimKit

/// BatchWriteItem and BatchGetItem. Everything is processed, so `UnprocessedItems` and
/// `UnprocessedKeys` are always empty.
extension Context {
    func batchWriteItem(_ request: Request) throws -> JSON {
        let mode = try request.capacityMode()
        let tablesRequested = try request.required("RequestItems").objectValue ?? JSONObject()
        let count = tablesRequested.reduce(0) { $0 + ($1.value.arrayValue?.count ?? 0) }
        // One table's list over 25 is a constraint violation on the map value (dynalite
        // test/batchWriteItem.js, recorded against AWS; the Value is the Java SDK's rendering of
        // the map, which we approximate). Several tables adding up to more than 25 get the
        // service's own message.
        if tablesRequested.contains(where: { ($0.value.arrayValue?.count ?? 0) > 25 }) {
            let rendered = tablesRequested.map { "\($0.key)=[" + ($0.value.arrayValue ?? []).map { $0.serialized() }.joined(separator: ", ") + "]" }
            throw DynamoDBValidation.error("1 validation error detected: Value '{\(rendered.joined(separator: ", "))}' at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 25, Member must have length greater than or equal to 1]")
        }
        if count > 25 { throw DynamoDBValidation.error("Too many items requested for the BatchWriteItem call") }
        if tablesRequested.isEmpty || count == 0 {
            throw DynamoDBValidation.error("1 validation error detected: Value '{}' at 'requestItems' failed to satisfy constraint: Member must have length greater than or equal to 1")
        }
        var plans: [WritePlan] = []
        var seen = Set<[UInt8]>()
        for (name, writes) in tablesRequested {
            let table = try table(named: name)
            for write in writes.arrayValue ?? [] {
                let plan: WritePlan
                if let put = write["PutRequest"]?.objectValue {
                    plan = try planPut(Request(put), RequestExpressions(), table: table)
                } else if let delete = write["DeleteRequest"]?.objectValue {
                    plan = try planDelete(Request(delete), RequestExpressions(), table: table)
                } else {
                    throw DynamoDBValidation.error("Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes")
                }
                guard seen.insert(Self.identity(plan)).inserted else {
                    throw DynamoDBValidation.error("Provided list of item keys contains duplicates")
                }
                plans.append(plan)
            }
        }
        for plan in plans { try plan.apply(in: db) }
        var response: JSONObject = ["UnprocessedItems": [:]]
        response["ConsumedCapacity"] = Self.capacityList(mode, plans.map { ($0.table.name, Capacity.write($0.chargedBytes)) })
        return .object(response)
    }

    func batchGetItem(_ request: Request) throws -> JSON {
        let mode = try request.capacityMode()
        let tablesRequested = try request.required("RequestItems").objectValue ?? JSONObject()
        let count = tablesRequested.reduce(0) { $0 + ($1.value["Keys"]?.arrayValue?.count ?? 0) }
        if count > 100 { throw DynamoDBValidation.error("Too many items requested for the BatchGetItem call") }
        var responses = JSONObject()
        var charges: [(String, Double)] = []
        for (name, entry) in tablesRequested {
            let keysAndAttributes = Request(entry.objectValue ?? JSONObject())
            let expressions = try RequestExpressions.parse(keysAndAttributes)
            let table = try table(named: name)
            let consistent = keysAndAttributes.bool("ConsistentRead") ?? false
            var found: [JSON] = []
            var seen = Set<StoredKey>()
            for keyJSON in keysAndAttributes["Keys"]?.arrayValue ?? [] {
                let key = try table.key(try AttributeMap(dynamoJSON: keyJSON))
                guard seen.insert(key).inserted else { throw DynamoDBValidation.error("Provided list of item keys contains duplicates") }
                let stored = try table.rows.get(key, in: db)
                charges.append((name, Capacity.read(stored?.size ?? 0, consistent: consistent)))
                if let stored {
                    found.append(RequestExpressions.project(stored.item, expressions.projection,
                                                            attributesToGet: keysAndAttributes.attributesToGet).dynamoJSON)
                }
            }
            responses[name] = .array(found)
        }
        var response: JSONObject = ["Responses": .object(responses), "UnprocessedKeys": [:]]
        response["ConsumedCapacity"] = Self.capacityList(mode, charges)
        return .object(response)
    }

    /// A plan's table and key as one value, for duplicate checks.
    static func identity(_ plan: WritePlan) -> [UInt8] {
        Array(plan.table.name.utf8) + [0] + plan.key.partition.count.bytes + plan.key.partition + plan.key.sort
    }

    /// Batch and transaction `ConsumedCapacity`: a list with one entry per table, in first-use order.
    static func capacityList(_ mode: CapacityMode, _ charges: [(String, Double)]) -> JSON? {
        guard mode != .none else { return nil }
        var totals: [(String, Double)] = []
        for (name, units) in charges {
            if let index = totals.firstIndex(where: { $0.0 == name }) { totals[index].1 += units } else { totals.append((name, units)) }
        }
        return .array(totals.compactMap { Capacity.json(mode, table: $0.0, units: $0.1) })
    }
}

extension Int {
    /// Eight big-endian bytes, to keep a length prefix unambiguous.
    var bytes: [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: self >> (8 * (7 - $0))) } }
}
