import GRDB
import SimKit

/// CloudWatch Logs' log streams: CreateLogStream, DescribeLogStreams, and the lookups the data
/// plane needs. Every method runs inside the caller's transaction.
public struct LogStreamStore: Sendable {
    public let region: String
    public let account: String

    /// Streams of the account in `region`.
    public init(region: String, account: String) {
        self.region = region
        self.account = account
    }

    /// A stream as DescribeLogStreams reports it.
    public struct LogStream: Sendable, Equatable {
        public var id: Int64
        public var groupName: String
        public var name: String
        public var creationTime: EpochMillis
        public var firstEventTimestamp: EpochMillis?
        public var lastEventTimestamp: EpochMillis?
        public var lastIngestionTime: EpochMillis?
        /// How many PutLogEvents calls the stream has taken (the sequence token's number).
        public var uploadSequence: Int64
        /// UTF-8 bytes of the messages stored (what the group's `storedBytes` sums).
        public var storedBytes: Int64

        init(row: Row) {
            id = row["id"]
            groupName = row["group_name"]
            name = row["name"]
            creationTime = row["creation_time"]
            firstEventTimestamp = row["first_event_timestamp"]
            lastEventTimestamp = row["last_event_timestamp"]
            lastIngestionTime = row["last_ingestion_time"]
            uploadSequence = row["upload_sequence"]
            storedBytes = row["stored_bytes"]
        }
    }

    /// The stream's ARN: the group's ARN (without `:*`) plus `:log-stream:<name>`.
    public func arn(of stream: LogStream) -> String {
        ARN.logGroup(stream.groupName, region: region, account: account).description + ":log-stream:" + stream.name
    }

    /// `uploadSequenceToken` / `nextSequenceToken`: 56 digits. AWS's are opaque; ours count uploads.
    public static func sequenceToken(_ sequence: Int64) -> String { String(sequence).leftPadded(to: 56) }

    /// CreateLogStream.
    public func create(group: String, name: String, now: EpochMillis, in db: Database) throws -> Result<LogStream, AWSError> {
        guard try LogGroupStore.exists(group, in: db) else { return .failure(LogsError.groupNotFound) }
        if try find(group: group, name: name, in: db) != nil { return .failure(LogsError.streamExists) }
        try db.execute(sql: "INSERT INTO log_streams (group_name, name, creation_time) VALUES (?, ?, ?)", arguments: [group, name, now])
        guard let stream = try find(group: group, name: name, in: db) else { return .failure(LogsError.streamNotFound) }
        return .success(stream)
    }

    /// The stream `name` of `group`, or nil.
    public func find(group: String, name: String, in db: Database) throws -> LogStream? {
        try Row.fetchOne(db, sql: "SELECT * FROM log_streams WHERE group_name = ? AND name = ?", arguments: [group, name])
            .map(LogStream.init(row:))
    }

    /// How DescribeLogStreams orders (`--order-by`).
    public enum Order: String, Sendable {
        case logStreamName = "LogStreamName"
        case lastEventTime = "LastEventTime"
    }

    /// DescribeLogStreams: the group's streams, filtered by prefix, ordered as asked.
    public func list(group: String, prefix: String?, order: Order = .logStreamName, descending: Bool = false,
                     in db: Database) throws -> Result<[LogStream], AWSError> {
        guard try LogGroupStore.exists(group, in: db) else { return .failure(LogsError.groupNotFound) }
        let direction = descending ? "DESC" : "ASC"
        let orderBy = order == .logStreamName ? "name \(direction)" : "last_event_timestamp \(direction), name \(direction)"
        let streams = try Row.fetchAll(db, sql: "SELECT * FROM log_streams WHERE group_name = ? AND substr(name, 1, ?) = ? ORDER BY \(orderBy)",
                                       arguments: [group, (prefix ?? "").unicodeScalars.count, prefix ?? ""]).map(LogStream.init(row:))
        return .success(streams)
    }

    /// Takes the next sequence number of the stream (one per PutLogEvents call).
    public func bumpSequence(of stream: LogStream, in db: Database) throws -> Int64 {
        try db.execute(sql: "UPDATE log_streams SET upload_sequence = upload_sequence + 1 WHERE id = ?", arguments: [stream.id])
        return stream.uploadSequence + 1
    }
}

extension LogGroupStore {
    /// Whether the group exists (without reading it).
    public static func exists(_ name: String, in db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM log_groups WHERE name = ?)", arguments: [name]) ?? false
    }
}
