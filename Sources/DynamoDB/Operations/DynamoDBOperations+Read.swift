import Foundation
import GRDB
import SimKit

/// Query and Scan: pages in key order, with DynamoDB's Limit, 1 MB page and LastEvaluatedKey.
extension Context {
    /// DynamoDB stops a page after reading 1 MB of items.
    static let pageBytes = 1024 * 1024

    func scan(_ request: Request) throws -> JSON {
        let options = try ReadOptions(request)
        let expressions = try RequestExpressions.parse(request)
        let table = try table(request)
        try options.checkIndex(request)
        let start = try options.startKey(request, table: table)
        let cursor = try table.rows.cursor(partition: nil, after: start, forward: true, in: db)
        return try page(cursor, table: table, expressions: expressions, options: options, keyCondition: nil)
    }

    func query(_ request: Request) throws -> JSON {
        let options = try ReadOptions(request)
        let table = try table(request)
        guard try request.string("KeyConditionExpression") != nil else {
            throw DynamoDBValidation.error("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.")
        }
        let expressions = try RequestExpressions.parse(request, keys: (table.hash, table.range))
        try options.checkIndex(request)
        guard let keyCondition = expressions.keyCondition else { throw DynamoDBErrors.keyMismatch }
        let start = try options.startKey(request, table: table)
        let forward = request.bool("ScanIndexForward") ?? true
        let cursor = try table.rows.cursor(partition: KeyBytes.encode(keyCondition.partitionValue), after: start,
                                           forward: forward, in: db)
        return try page(cursor, table: table, expressions: expressions, options: options, keyCondition: keyCondition)
    }

    /// Reads one page: `ScannedCount` counts items read (after the key condition, before the filter).
    private func page(_ cursor: RowCursor, table: TableContext, expressions: RequestExpressions,
                      options: ReadOptions, keyCondition: KeyCondition?) throws -> JSON {
        var items: [AttributeMap] = []
        var scanned = 0
        var bytes = 0
        var lastKey: AttributeMap?
        while let row = try cursor.next() {
            if let segment = options.segment, !segment.contains(Array(row["partition_key"] as Data)) { continue }
            let item = try ItemRows.decode(row["item"])
            if let keyCondition, !keyCondition.matches(item) { continue }
            scanned += 1
            bytes += row["size"] as Int
            if expressions.filter?.evaluate(item) ?? true {
                items.append(RequestExpressions.project(item, expressions.projection, attributesToGet: options.attributesToGet))
            }
            if scanned == options.limit || bytes >= Self.pageBytes {
                lastKey = table.keyAttributes(of: item)
                break
            }
        }
        var response = JSONObject()
        if options.select != "COUNT" { response["Items"] = .array(items.map(\.dynamoJSON)) }
        response["Count"] = .int(Int64(items.count))
        response["ScannedCount"] = .int(Int64(scanned))
        if let lastKey { response["LastEvaluatedKey"] = lastKey.dynamoJSON }
        response["ConsumedCapacity"] = Capacity.json(options.capacity, table: table.name,
                                                     units: Capacity.read(bytes, consistent: options.consistent))
        return .object(response)
    }
}

/// The paging and selection members Query and Scan share.
struct ReadOptions {
    let limit: Int?
    let select: String
    let consistent: Bool
    let capacity: CapacityMode
    let attributesToGet: [String]?
    /// A parallel Scan's share of the partitions.
    let segment: ScanSegment?

    init(_ request: Request) throws {
        _ = try request.tableName()
        if let limit = request.int("Limit"), limit < 1 {
            throw DynamoDBValidation.error("1 validation error detected: Value '\(limit)' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1")
        }
        limit = request.int("Limit").map { Int($0) }
        select = try request.choice("Select", ["ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES", "SPECIFIC_ATTRIBUTES", "COUNT"],
                                    default: "ALL_ATTRIBUTES")
        consistent = request.bool("ConsistentRead") ?? false
        capacity = try request.capacityMode()
        attributesToGet = request.attributesToGet
        segment = try ScanSegment(request)
        if select == "COUNT", request["ProjectionExpression"] != nil || attributesToGet != nil {
            // dynalite `validations/query.js`.
            throw DynamoDBValidation.error("Cannot specify the AttributesToGet when choosing to get only the Count")
        }
    }

    /// Tables here have no secondary indexes.
    func checkIndex(_ request: Request) throws {
        if let index = try request.string("IndexName") {
            throw DynamoDBValidation.error("The table does not have the specified index: \(index)")
        }
    }

    /// `ExclusiveStartKey`, checked against the key schema.
    func startKey(_ request: Request, table: TableContext) throws -> StoredKey? {
        guard request["ExclusiveStartKey"] != nil else { return nil }
        do {
            return try table.key(try request.item("ExclusiveStartKey"))
        } catch let error as AWSError where error == DynamoDBErrors.keyMismatch {
            throw DynamoDBValidation.error("The provided starting key is invalid: The provided key element does not match the schema")
        }
    }
}

/// `Segment` of `TotalSegments`: a partition belongs to one segment, by a stable hash of its key.
struct ScanSegment {
    let segment: Int64
    let total: Int64

    init?(_ request: Request) throws {
        let segment = request.int("Segment"), total = request.int("TotalSegments")
        if segment == nil && total == nil { return nil }
        // dynalite `validations/scan.js`.
        guard let segment, let total else {
            throw DynamoDBValidation.error("The \(segment == nil ? "Segment" : "TotalSegments") parameter is required but was not present in the request when parameter \(segment == nil ? "TotalSegments" : "Segment") is present")
        }
        if total < 1 || total > 1_000_000 || segment < 0 || segment >= total {
            throw DynamoDBValidation.error("The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: \(segment) is not less than TotalSegments: \(total)")
        }
        self.segment = segment
        self.total = total
    }

    /// FNV-1a over the encoded partition key.
    func contains(_ partition: [UInt8]) -> Bool {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in partition { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return Int64(hash % UInt64(total)) == segment
    }
}
