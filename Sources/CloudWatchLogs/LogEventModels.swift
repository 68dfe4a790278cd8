import SimKit

/// One event as PutLogEvents receives it (`InputLogEvent`).
public struct InputLogEvent: Sendable, Equatable {
    /// Milliseconds since the epoch, as the producer stamped it.
    public var timestamp: EpochMillis
    /// The event text, kept byte for byte (Lambda's trailing `\n` included).
    public var message: String

    /// An event at `timestamp` carrying `message`.
    public init(timestamp: EpochMillis, message: String) {
        self.timestamp = timestamp
        self.message = message
    }
}

/// One stored event, as GetLogEvents and FilterLogEvents return it.
public struct StoredLogEvent: Sendable, Equatable {
    /// The row id: ingestion order, and the tie-breaker between equal timestamps.
    public var rowID: Int64
    /// The stream the event belongs to.
    public var streamID: Int64
    /// The stream's name (FilteredLogEvent's `logStreamName`).
    public var streamName: String
    public var timestamp: EpochMillis
    public var ingestionTime: EpochMillis
    public var message: String

    /// The event's position in `(timestamp, row id)` order, which tokens carry.
    public var position: LogPosition { LogPosition(timestamp: timestamp, rowID: rowID, streamID: streamID) }

    /// AWS event ids are 56-digit decimal strings; ours encode the position, so they sort and
    /// stay unique: timestamp (20 digits), stream id (16), row id (20).
    public var eventId: String { position.digits }
}

/// A place in a stream or group's event order: what paging tokens encode.
public struct LogPosition: Sendable, Equatable, Comparable {
    public var timestamp: EpochMillis
    public var rowID: Int64
    public var streamID: Int64

    /// A position; the stream only matters for the printed digits.
    public init(timestamp: EpochMillis, rowID: Int64, streamID: Int64 = 0) {
        self.timestamp = timestamp
        self.rowID = rowID
        self.streamID = streamID
    }

    /// The 56 digits of an event id or a GetLogEvents token.
    public var digits: String {
        String(max(0, timestamp)).leftPadded(to: 20) + String(max(0, streamID)).leftPadded(to: 16)
            + String(max(0, rowID)).leftPadded(to: 20)
    }

    /// Reads 56 digits back; nil for anything else.
    public init?(digits text: Substring) {
        guard text.count == 56, text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber) else { return nil }
        let chars = Array(text)
        guard let t = EpochMillis(String(chars[0..<20])), let s = Int64(String(chars[20..<36])),
              let r = Int64(String(chars[36..<56])) else { return nil }
        self.init(timestamp: t, rowID: r, streamID: s)
    }

    public static func < (a: LogPosition, b: LogPosition) -> Bool {
        (a.timestamp, a.rowID) < (b.timestamp, b.rowID)
    }
}

/// GetLogEvents' `nextForwardToken` / `nextBackwardToken`: `f/<56 digits>/s`, `b/<56 digits>/s`.
///
/// Real tokens end in `/s` (botocore-recorded responses; moto prints them without it).
public struct LogEventsToken: Sendable, Equatable {
    /// Forward pages read after the position, backward pages before it.
    public enum Direction: String, Sendable { case forward = "f", backward = "b" }
    public var direction: Direction
    public var position: LogPosition

    /// A token reading in `direction` from `position`.
    public init(_ direction: Direction, _ position: LogPosition) {
        self.direction = direction
        self.position = position
    }

    /// Parses a token the service handed out; nil when it is not one.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 || (parts.count == 3 && parts[2] == "s"),
              let direction = Direction(rawValue: String(parts[0])), let position = LogPosition(digits: parts[1]) else { return nil }
        self.init(direction, position)
    }

    /// The token as the response prints it.
    public var text: String { "\(direction.rawValue)/\(position.digits)/s" }
}

/// Errors CloudWatch Logs returns, worded byte for byte as AWS words them.
public enum LogsError {
    /// Any operation naming a group that does not exist.
    public static let groupNotFound = AWSError(code: "ResourceNotFoundException", message: "The specified log group does not exist.")
    /// Any operation naming a stream that does not exist in an existing group.
    public static let streamNotFound = AWSError(code: "ResourceNotFoundException", message: "The specified log stream does not exist.")
    /// CreateLogStream with a name already taken in the group.
    public static let streamExists = AWSError(code: "ResourceAlreadyExistsException", message: "The specified log stream already exists")
    /// PutLogEvents with timestamps going backwards inside one batch.
    public static let notChronological = AWSError(
        code: "InvalidParameterException", message: "Log events in a single PutLogEvents request must be in chronological order.")
    /// PutLogEvents whose batch spans more than 24 hours.
    public static let spansTooLong = AWSError(
        code: "InvalidParameterException", message: "The batch of log events in a single PutLogEvents request cannot span more than 24 hours.")
    /// A paging token the service did not hand out.
    public static let badToken = AWSError(code: "InvalidParameterException", message: "The specified nextToken is invalid.")
}

/// PutLogEvents' rules for one batch, before anything is stored.
///
/// Events must be in chronological order and span at most 24 hours (else the whole call fails);
/// events more than 14 days old (or older than the group's retention) or more than 2 hours in
/// the future are set aside and reported in `rejectedLogEventsInfo`, the rest are accepted.
/// https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutLogEvents.html
public struct LogBatch: Sendable, Equatable {
    /// `rejectedLogEventsInfo`: index bounds into the request's `logEvents`.
    public struct Rejected: Sendable, Equatable {
        /// The first too-new event; it and every later one were rejected.
        public var tooNewLogEventStartIndex: Int?
        /// One past the last too-old event (events before it were rejected). AWS clients read
        /// it as an exclusive end (the CloudWatch agent logs it as the count of old events);
        /// moto reports the last index itself.
        public var tooOldLogEventEndIndex: Int?
        /// One past the last event older than the group's retention.
        public var expiredLogEventEndIndex: Int?

        /// Whether anything was rejected.
        public var isEmpty: Bool { tooNewLogEventStartIndex == nil && tooOldLogEventEndIndex == nil && expiredLogEventEndIndex == nil }
    }

    /// The events to store, in request order.
    public var accepted: [InputLogEvent]
    public var rejected: Rejected

    static let day: EpochMillis = 86_400_000
    static let maximumAge: EpochMillis = 14 * day
    static let maximumLead: EpochMillis = 2 * 3_600_000

    /// Checks `events` at `now` for a group that keeps events `retentionDays` (nil: forever).
    public static func check(_ events: [InputLogEvent], now: EpochMillis, retentionDays: Int?) -> Result<LogBatch, AWSError> {
        for (previous, next) in zip(events, events.dropFirst()) where next.timestamp < previous.timestamp {
            return .failure(LogsError.notChronological)
        }
        if let first = events.first, let last = events.last, last.timestamp - first.timestamp > day {
            return .failure(LogsError.spansTooLong)
        }
        var batch = LogBatch(accepted: [], rejected: Rejected())
        let expiredBefore = retentionDays.map { now - EpochMillis($0) * day }
        for (index, event) in events.enumerated() {
            if event.timestamp > now + maximumLead {
                if batch.rejected.tooNewLogEventStartIndex == nil { batch.rejected.tooNewLogEventStartIndex = index }
            } else if let limit = expiredBefore, event.timestamp < limit, limit > now - maximumAge {
                batch.rejected.expiredLogEventEndIndex = index + 1
            } else if event.timestamp < now - maximumAge {
                batch.rejected.tooOldLogEventEndIndex = index + 1
            } else {
                batch.accepted.append(event)
            }
        }
        return .success(batch)
    }
}
