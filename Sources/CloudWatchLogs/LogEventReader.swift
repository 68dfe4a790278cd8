import GRDB
import SimKit

/// GetLogEvents: one stream's events in `(timestamp, ingestion)` order, paged by tokens.
public struct LogEventReader: Sendable {
    /// A reader over the account's streams.
    public init(streams: LogStreamStore) { self.streams = streams }

    let streams: LogStreamStore

    /// GetLogEvents' request members.
    public struct GetRequest: Sendable {
        public var group: String
        public var stream: String
        public var startTime: EpochMillis?
        public var endTime: EpochMillis?
        public var nextToken: String?
        public var limit: Int?
        public var startFromHead: Bool

        /// A request for `stream` of `group`; the rest as the API defaults them.
        public init(group: String, stream: String, startTime: EpochMillis? = nil, endTime: EpochMillis? = nil,
                    nextToken: String? = nil, limit: Int? = nil, startFromHead: Bool = false) {
            self.group = group
            self.stream = stream
            self.startTime = startTime
            self.endTime = endTime
            self.nextToken = nextToken
            self.limit = limit
            self.startFromHead = startFromHead
        }
    }

    /// One page: the events in ascending order and the tokens to read on either side.
    public struct Page: Sendable, Equatable {
        public var events: [StoredLogEvent]
        public var nextForwardToken: LogEventsToken
        public var nextBackwardToken: LogEventsToken
    }

    /// GetLogEvents. Without a token it returns the newest `limit` events (the oldest with
    /// `startFromHead`); a forward token reads after its position, a backward one before it.
    public func get(_ request: GetRequest, in db: Database) throws -> Result<Page, AWSError> {
        guard try LogGroupStore.exists(request.group, in: db) else { return .failure(LogsError.groupNotFound) }
        guard let stream = try streams.find(group: request.group, name: request.stream, in: db) else {
            return .failure(LogsError.streamNotFound)
        }
        let limit = request.limit ?? 10_000
        guard (1...10_000).contains(limit) else { return .failure(Self.badLimit(limit, maximum: 10_000)) }
        var token: LogEventsToken?
        if let text = request.nextToken {
            guard let parsed = LogEventsToken(text) else { return .failure(LogsError.badToken) }
            token = parsed
        }
        let forward = token.map { $0.direction == .forward } ?? request.startFromHead
        var sql = "SELECT id, stream_id, timestamp, ingestion_time, message FROM log_events WHERE stream_id = ? AND timestamp >= ? AND timestamp <= ?"
        var arguments: StatementArguments = [stream.id, request.startTime ?? EpochMillis.min, request.endTime ?? EpochMillis.max]
        if let token {
            sql += forward ? " AND (timestamp, id) > (?, ?)" : " AND (timestamp, id) < (?, ?)"
            arguments += [token.position.timestamp, token.position.rowID]
        }
        sql += forward ? " ORDER BY timestamp, id LIMIT ?" : " ORDER BY timestamp DESC, id DESC LIMIT ?"
        arguments += [limit]
        var events = try Row.fetchAll(db, sql: sql, arguments: arguments).map { Self.event($0, streamName: stream.name) }
        if !forward { events.reverse() }
        let here = token?.position ?? LogPosition(timestamp: 0, rowID: 0, streamID: stream.id)
        return .success(Page(events: events,
                             nextForwardToken: LogEventsToken(.forward, events.last?.position ?? here),
                             nextBackwardToken: LogEventsToken(.backward, events.first?.position ?? here)))
    }

    /// A row of `SELECT id, stream_id, timestamp, ingestion_time, message` as an event.
    static func event(_ row: Row, streamName: String) -> StoredLogEvent {
        StoredLogEvent(rowID: row[0], streamID: row[1], streamName: streamName, timestamp: row[2], ingestionTime: row[3], message: row[4])
    }

    /// The validation error for a `limit` outside `1...maximum`.
    static func badLimit(_ limit: Int, maximum: Int) -> AWSError {
        let constraint = limit < 1 ? "Member must have value greater than or equal to 1" : "Member must have value less than or equal to \(maximum)"
        return AWSError(code: "InvalidParameterException",
                        message: "1 validation error detected: Value '\(limit)' at 'limit' failed to satisfy constraint: \(constraint)")
    }
}
