import GRDB
import SimKit

/// FilterLogEvents: a group's events (all streams, or some) in time order, through a filter
/// pattern, interleaved across streams as AWS has done since 2019 (`interleaved` is ignored).
public struct LogEventFilter: Sendable {
    /// FilterLogEvents' request members, the pattern already parsed.
    public struct Request: Sendable {
        public var group: String
        public var streamNames: [String]?
        public var streamNamePrefix: String?
        public var startTime: EpochMillis?
        public var endTime: EpochMillis?
        public var pattern: FilterPattern
        /// Events per page; nil reads to the end (what the CLI's paginator merges).
        public var limit: Int?
        /// Read after this position (a `nextToken` or the last event a follower printed).
        public var after: LogPosition?

        /// A request over `group`; the rest as the API defaults them.
        public init(group: String, streamNames: [String]? = nil, streamNamePrefix: String? = nil, startTime: EpochMillis? = nil,
                    endTime: EpochMillis? = nil, pattern: FilterPattern, limit: Int? = nil, after: LogPosition? = nil) {
            self.group = group
            self.streamNames = streamNames
            self.streamNamePrefix = streamNamePrefix
            self.startTime = startTime
            self.endTime = endTime
            self.pattern = pattern
            self.limit = limit
            self.after = after
        }
    }

    /// The matching events and, when `limit` cut the page short, where the next page starts.
    public struct Page: Sendable, Equatable {
        public var events: [StoredLogEvent]
        public var next: LogPosition?
    }

    /// A filter; stateless.
    public init() {}

    /// FilterLogEvents.
    public func filter(_ request: Request, in db: Database) throws -> Result<Page, AWSError> {
        guard try LogGroupStore.exists(request.group, in: db) else { return .failure(LogsError.groupNotFound) }
        if let limit = request.limit, !(1...10_000).contains(limit) { return .failure(LogEventReader.badLimit(limit, maximum: 10_000)) }
        let names = try streamNames(request, in: db)
        guard !names.isEmpty else { return .success(Page(events: [], next: nil)) }
        let after = request.after ?? LogPosition(timestamp: EpochMillis.min, rowID: 0)
        // The time index yields (timestamp, rowid) order without a sort, even over many streams.
        let sql = """
            SELECT id, stream_id, timestamp, ingestion_time, message FROM log_events INDEXED BY log_events_by_time
            WHERE timestamp >= ? AND timestamp <= ? AND (timestamp > ? OR (timestamp = ? AND id > ?))
              AND stream_id IN (\(names.keys.map(String.init).joined(separator: ",")))
            ORDER BY timestamp, id
            """
        let start = max(request.startTime ?? EpochMillis.min, after.timestamp)
        let statement = try db.makeStatement(sql: sql)
        try statement.setArguments([start, request.endTime ?? EpochMillis.max, after.timestamp, after.timestamp, after.rowID])
        let (events, more) = try LogEventScan(statement: statement).rows(limit: request.limit ?? Int.max, streamNames: names) { message in
            request.pattern.matches(utf8: message)
        }
        return .success(Page(events: events, next: more ? events.last?.position : nil))
    }

    /// The streams searched, by id: the named ones, those with the prefix, or all of the group's.
    func streamNames(_ request: Request, in db: Database) throws -> [Int64: String] {
        var sql = "SELECT id, name FROM log_streams WHERE group_name = ?"
        var arguments: StatementArguments = [request.group]
        if let names = request.streamNames {
            sql += " AND name IN (\(Array(repeating: "?", count: names.count).joined(separator: ",")))"
            arguments += StatementArguments(names)
        }
        if let prefix = request.streamNamePrefix {
            sql += " AND substr(name, 1, ?) = ?"
            arguments += [prefix.unicodeScalars.count, prefix]
        }
        var result: [Int64: String] = [:]
        for row in try Row.fetchAll(db, sql: sql, arguments: arguments) { result[row[0]] = row[1] }
        return result
    }
}

/// FilterLogEvents' `nextToken`: opaque to the learner, a position to us.
public enum FilterToken {
    /// The token for a page that ends at `position`.
    public static func text(_ position: LogPosition) -> String { Base64.encode(Array(position.digits.utf8)) }

    /// The position a token stands for; nil when the service never handed it out.
    public static func position(_ text: String) -> LogPosition? {
        guard let bytes = Base64.decode(text) else { return nil }
        return LogPosition(digits: Substring(String(decoding: bytes, as: UTF8.self)))
    }
}
