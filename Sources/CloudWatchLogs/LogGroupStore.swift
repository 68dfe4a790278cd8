import GRDB
import SimKit

/// CloudWatch Logs' log groups (control plane).
public struct LogGroupStore: Sendable {
    public let region: String
    public let account: String

    public init(region: String, account: String) {
        self.region = region
        self.account = account
    }

    public struct LogGroup: Sendable, Equatable {
        public var name: String
        public var arn: String
        public var creationTime: EpochMillis
        public var retentionDays: Int?
    }

    /// CreateLogGroup.
    public func create(_ name: String, retentionDays: Int?, now: EpochMillis, in db: Database) throws -> Result<LogGroup, AWSError> {
        if try get(name, in: db) != nil {
            return .failure(AWSError(code: "ResourceAlreadyExistsException", message: "The specified log group already exists", httpStatus: 400))
        }
        if let days = retentionDays, !Self.retentionValues.contains(days) {
            return .failure(Self.badRetention(days))
        }
        let arn = ARN.logGroup(name, region: region, account: account).description + ":*"
        try db.execute(sql: "INSERT INTO log_groups (name, arn, creation_time, retention_days) VALUES (?, ?, ?, ?)",
                       arguments: [name, arn, now, retentionDays])
        return .success(LogGroup(name: name, arn: arn, creationTime: now, retentionDays: retentionDays))
    }

    /// PutRetentionPolicy / DeleteRetentionPolicy (nil).
    public func setRetention(_ name: String, days: Int?, in db: Database) throws {
        try db.execute(sql: "UPDATE log_groups SET retention_days = ? WHERE name = ?", arguments: [days, name])
    }

    /// DeleteLogGroup; false when there was none.
    @discardableResult
    public func delete(_ name: String, in db: Database) throws -> Bool {
        try db.execute(sql: "DELETE FROM log_groups WHERE name = ?", arguments: [name])
        return db.changesCount > 0
    }

    public func get(_ name: String, in db: Database) throws -> LogGroup? {
        try Row.fetchOne(db, sql: "SELECT * FROM log_groups WHERE name = ?", arguments: [name]).map {
            LogGroup(name: $0["name"], arn: $0["arn"], creationTime: $0["creation_time"], retentionDays: $0["retention_days"])
        }
    }

    /// The values `retentionInDays` accepts.
    public static let retentionValues = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653]
}

/// DescribeLogGroups, DeleteLogGroup and the retention calls with AWS's errors.
extension LogGroupStore {
    /// A group as DescribeLogGroups reports it.
    public struct GroupSummary: Sendable, Equatable {
        public var group: LogGroup
        /// The sum of the stored messages' UTF-8 bytes.
        public var storedBytes: Int64
    }

    /// DescribeLogGroups: groups whose name starts with `prefix`, by name.
    public func describe(prefix: String?, in db: Database) throws -> [GroupSummary] {
        let prefix = prefix ?? ""
        let rows = try Row.fetchAll(db, sql: """
            SELECT g.*, (SELECT COALESCE(SUM(s.stored_bytes), 0) FROM log_streams s WHERE s.group_name = g.name) AS stored
            FROM log_groups g WHERE substr(g.name, 1, ?) = ? ORDER BY g.name
            """, arguments: [prefix.unicodeScalars.count, prefix])
        return rows.map { row in
            GroupSummary(group: LogGroup(name: row["name"], arn: row["arn"], creationTime: row["creation_time"],
                                         retentionDays: row["retention_days"]),
                         storedBytes: row["stored"])
        }
    }

    /// DeleteLogGroup: the group, its streams and events (the schema cascades).
    public func deleteExisting(_ name: String, in db: Database) throws -> Result<Void, AWSError> {
        try delete(name, in: db) ? .success(()) : .failure(LogsError.groupNotFound)
    }

    /// PutRetentionPolicy (`days`) or DeleteRetentionPolicy (nil).
    public func changeRetention(_ name: String, days: Int?, in db: Database) throws -> Result<Void, AWSError> {
        if let days, !Self.retentionValues.contains(days) { return .failure(Self.badRetention(days)) }
        guard try Self.exists(name, in: db) else { return .failure(LogsError.groupNotFound) }
        try setRetention(name, days: days, in: db)
        return .success(())
    }

    /// The validation error AWS gives for a retention value outside its list.
    static func badRetention(_ days: Int) -> AWSError {
        AWSError(code: "InvalidParameterException", message: "1 validation error detected: Value '\(days)' at 'retentionInDays' failed to satisfy constraint: Member must satisfy enum value set: [\(retentionValues.map(String.init).joined(separator: ", "))]")
    }
}
