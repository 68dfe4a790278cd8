import GRDB
import SimKit

/// CloudFormation's persistence: stacks, resources, events. Runs inside the caller's transaction.
public struct StackStore: Sendable {
    public init() {}

    /// The live stack named `name` (not DELETE_COMPLETE), if any.
    public func live(named name: String, in db: Database) throws -> Stack? {
        try Row.fetchOne(db, sql: "SELECT * FROM stacks WHERE name = ? AND status != 'DELETE_COMPLETE' ORDER BY creation_time DESC LIMIT 1",
                         arguments: [name]).map(Self.stack)
    }

    /// A stack by name or stack id, deleted ones included when given by id.
    public func find(_ nameOrId: String, in db: Database) throws -> Stack? {
        if nameOrId.hasPrefix("arn:") {
            return try Row.fetchOne(db, sql: "SELECT * FROM stacks WHERE stack_id = ?", arguments: [nameOrId]).map(Self.stack)
        }
        return try live(named: nameOrId, in: db)
    }

    /// Live stacks, newest first (describe-stacks without a name).
    public func allLive(in db: Database) throws -> [Stack] {
        try Row.fetchAll(db, sql: "SELECT * FROM stacks WHERE status != 'DELETE_COMPLETE' ORDER BY creation_time DESC, rowid DESC").map(Self.stack)
    }

    public func insert(_ s: Stack, template: String, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO stacks (stack_id, name, status, status_reason, description, template, parameters, outputs,
                capabilities, creation_time, last_updated_time, deletion_time)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [s.stackId, s.name, s.status, s.statusReason, s.description, template,
                             Self.parametersJSON(s.parameters).serialized(), Self.outputsJSON(s.outputs).serialized(),
                             JSON.array(s.capabilities.map(JSON.string)).serialized(), s.creationTime, s.lastUpdatedTime, s.deletionTime])
    }

    public func update(_ s: Stack, template: String? = nil, in db: Database) throws {
        try db.execute(sql: """
            UPDATE stacks SET status = ?, status_reason = ?, description = ?, parameters = ?, outputs = ?, capabilities = ?,
                last_updated_time = ?, deletion_time = ? WHERE stack_id = ?
            """, arguments: [s.status, s.statusReason, s.description, Self.parametersJSON(s.parameters).serialized(),
                             Self.outputsJSON(s.outputs).serialized(), JSON.array(s.capabilities.map(JSON.string)).serialized(),
                             s.lastUpdatedTime, s.deletionTime, s.stackId])
        if let template {
            try db.execute(sql: "UPDATE stacks SET template = ? WHERE stack_id = ?", arguments: [template, s.stackId])
        }
    }

    /// The template body last deployed.
    public func template(of stackId: String, in db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT template FROM stacks WHERE stack_id = ?", arguments: [stackId])
    }

    public func resources(of stackId: String, in db: Database) throws -> [StackResource] {
        try Row.fetchAll(db, sql: "SELECT * FROM stack_resources WHERE stack_id = ? ORDER BY position", arguments: [stackId]).map(Self.resource)
    }

    public func save(_ r: StackResource, stackId: String, position: Int, in db: Database) throws {
        let properties = JSON.object(["definition": r.definition, "resolved": .object(r.resolved)]).serialized()
        try db.execute(sql: """
            INSERT INTO stack_resources (stack_id, logical_id, physical_id, type, status, status_reason, properties, attributes, updated, position)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(stack_id, logical_id) DO UPDATE SET physical_id = excluded.physical_id, type = excluded.type,
                status = excluded.status, status_reason = excluded.status_reason, properties = excluded.properties,
                attributes = excluded.attributes, updated = excluded.updated, position = excluded.position
            """, arguments: [stackId, r.logicalId, r.physicalId, r.type, r.status, r.statusReason, properties,
                             JSON.object(r.attributes).serialized(), r.updated, position])
    }

    public func removeResource(_ logicalId: String, stackId: String, in db: Database) throws {
        try db.execute(sql: "DELETE FROM stack_resources WHERE stack_id = ? AND logical_id = ?", arguments: [stackId, logicalId])
    }

    public func append(_ e: StackEvent, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO stack_events (stack_id, event_id, logical_id, physical_id, type, status, reason, detailed_status, timestamp)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [e.stackId, e.eventId, e.logicalId, e.physicalId, e.type, e.status, e.reason, e.detailedStatus, e.timestamp])
    }

    /// Events, oldest first.
    public func events(of stack: Stack, in db: Database) throws -> [StackEvent] {
        try Row.fetchAll(db, sql: "SELECT * FROM stack_events WHERE stack_id = ? ORDER BY seq", arguments: [stack.stackId]).map { row in
            StackEvent(eventId: row["event_id"], stackId: row["stack_id"], stackName: stack.name, logicalId: row["logical_id"],
                       physicalId: row["physical_id"], type: row["type"], status: row["status"], reason: row["reason"],
                       detailedStatus: row["detailed_status"], timestamp: row["timestamp"])
        }
    }

    static func parametersJSON(_ p: [(key: String, value: String)]) -> JSON {
        .array(p.map { ["ParameterKey": .string($0.key), "ParameterValue": .string($0.value)] })
    }
    static func outputsJSON(_ o: [StackOutput]) -> JSON {
        .array(o.map { out in
            var obj: JSONObject = ["OutputKey": .string(out.key), "OutputValue": .string(out.value)]
            if let d = out.description { obj["Description"] = .string(d) }
            if let e = out.exportName { obj["ExportName"] = .string(e) }
            return .object(obj)
        })
    }

    static func stack(_ row: Row) -> Stack {
        func json(_ c: String) -> JSON { (try? JSONParser.parse(row[c] as String? ?? "[]")) ?? .array([]) }
        return Stack(
            stackId: row["stack_id"], name: row["name"], status: row["status"], statusReason: row["status_reason"],
            description: row["description"],
            parameters: (json("parameters").arrayValue ?? []).map { (key: $0["ParameterKey"]?.stringValue ?? "", value: $0["ParameterValue"]?.stringValue ?? "") },
            outputs: (json("outputs").arrayValue ?? []).map {
                StackOutput(key: $0["OutputKey"]?.stringValue ?? "", value: $0["OutputValue"]?.stringValue ?? "",
                            description: $0["Description"]?.stringValue, exportName: $0["ExportName"]?.stringValue)
            },
            capabilities: (json("capabilities").arrayValue ?? []).compactMap(\.stringValue),
            creationTime: row["creation_time"], lastUpdatedTime: row["last_updated_time"], deletionTime: row["deletion_time"])
    }

    static func resource(_ row: Row) -> StackResource {
        let properties = (try? JSONParser.parse(row["properties"] as String? ?? "{}")) ?? .null
        let attributes = (try? JSONParser.parse(row["attributes"] as String? ?? "{}"))?.objectValue ?? JSONObject()
        return StackResource(logicalId: row["logical_id"], physicalId: row["physical_id"], type: row["type"], status: row["status"],
                             statusReason: row["status_reason"], definition: properties["definition"] ?? .null,
                             resolved: properties["resolved"]?.objectValue ?? JSONObject(), attributes: attributes, updated: row["updated"])
    }
}
