import Account
import AWSCLI
import CloudWatchLogs
import GRDB
import SimKit

/// The data-plane operations: put-log-events, get-log-events, filter-log-events.
extension LogsService {
    static let inputLogEvent = Shape.structure(["timestamp": .long, "message": .string])

    var eventOperations: [AWSOperation] {
        [
            AWSOperation(cliName: "put-log-events", apiName: "PutLogEvents", parameters: [
                .init("--log-group-name", "logGroupName", required: true), .init("--log-stream-name", "logStreamName", required: true),
                .init("--log-events", "logEvents", .list(Self.inputLogEvent), required: true), .init("--sequence-token", "sequenceToken"),
            ], unsimulated: ["--entity"]) { request, context in try Self.putLogEvents(request, try context.account()) },
            AWSOperation(cliName: "get-log-events", apiName: "GetLogEvents", parameters: [
                .init("--log-group-name", "logGroupName"), .init("--log-stream-name", "logStreamName", required: true),
                .init("--start-time", "startTime", .long), .init("--end-time", "endTime", .long), .init("--next-token", "nextToken"),
                .init("--limit", "limit", .integer), .init("--start-from-head", "startFromHead", .boolean),
            ], unsimulated: ["--log-group-identifier", "--unmask"]) { request, context in
                let account = try context.account()
                let get = LogEventReader.GetRequest(
                    group: request.string("logGroupName"), stream: request.string("logStreamName"), startTime: request.int64("startTime"),
                    endTime: request.int64("endTime"), nextToken: request["nextToken"]?.stringValue, limit: request.int64("limit").map { Int($0) },
                    startFromHead: request["startFromHead"] == .bool(true))
                let page = try account.readLogs { db in try LogEventReader(streams: account.logStreams).get(get, in: db) }
                return page.map(LogsJSON.page)
            },
            AWSOperation(cliName: "filter-log-events", apiName: "FilterLogEvents", parameters: [
                .init("--log-group-name", "logGroupName"), .init("--log-stream-names", "logStreamNames", .list(.string)),
                .init("--log-stream-name-prefix", "logStreamNamePrefix"), .init("--start-time", "startTime", .long),
                .init("--end-time", "endTime", .long), .init("--filter-pattern", "filterPattern"), .init("--next-token", "nextToken"),
                .init("--limit", "limit", .integer), .init("--interleaved", "interleaved", .boolean),
            ], unsimulated: ["--log-group-identifier", "--unmask", "--page-size"] + AWSOperation.paginationOptions) { request, context in try Self.filterLogEvents(request, context) },
        ]
    }

    /// PutLogEvents: checks the batch, takes the stream's next sequence number in one
    /// transaction, then hands the accepted events to the account's group-committing sink
    /// (committed by the next read, the sink's timer, or the CLI before the command exits).
    static func putLogEvents(_ request: JSONObject, _ account: Account) throws -> Result<JSON, AWSError> {
        let events = (request["logEvents"]?.arrayValue ?? []).map { event in
            InputLogEvent(timestamp: event.objectValue.flatMap { $0.int64("timestamp") } ?? 0,
                          message: event.objectValue?["message"]?.stringValue ?? "")
        }
        let (group, name) = (request.string("logGroupName"), request.string("logStreamName"))
        let now = account.now()
        let outcome = try account.write { db -> Result<(LogStreamStore.LogStream, LogBatch, Int64), AWSError> in
            guard let retention = try account.logGroups.get(group, in: db).map({ $0.retentionDays }) else { return .failure(LogsError.groupNotFound) }
            guard let stream = try account.logStreams.find(group: group, name: name, in: db) else { return .failure(LogsError.streamNotFound) }
            switch LogBatch.check(events, now: now, retentionDays: retention) {
            case .failure(let error): return .failure(error)
            case .success(let batch): return .success((stream, batch, try account.logStreams.bumpSequence(of: stream, in: db)))
            }
        }
        guard case .success(let (stream, batch, sequence)) = outcome else { return outcome.map { _ in [:] } }
        try account.logSink.append(batch.accepted, toStream: stream.id, ingestionTime: now)
        return .success(LogsJSON.putResponse(sequence: sequence, rejected: batch.rejected))
    }

    /// FilterLogEvents, all pages merged as the CLI's paginator does, unless `--limit` or
    /// `--next-token` turned pagination off (`customizations/paginate.py`).
    static func filterLogEvents(_ request: JSONObject, _ context: CommandContext) throws -> Result<JSON, AWSError> {
        let account = try context.account()
        let pattern: FilterPattern
        do {
            pattern = try FilterPattern(request["filterPattern"]?.stringValue ?? "")
        } catch {
            throw LogsFailure.badPattern(error, operation: "FilterLogEvents", language: context.language)
        }
        var after: LogPosition?
        if let token = request["nextToken"]?.stringValue {
            guard let position = FilterToken.position(token) else { return .failure(LogsError.badToken) }
            after = position
        }
        let filter = LogEventFilter.Request(
            group: request.string("logGroupName"), streamNames: request["logStreamNames"]?.arrayValue?.compactMap(\.stringValue),
            streamNamePrefix: request["logStreamNamePrefix"]?.stringValue, startTime: request.int64("startTime"),
            endTime: request.int64("endTime"), pattern: pattern, limit: request.int64("limit").map { Int($0) }, after: after)
        let page = try account.readLogs { db in try LogEventFilter().filter(filter, in: db) }
        return page.map(LogsJSON.filtered)
    }
}

/// Printed failures of the logs commands that are not a response.
enum LogsFailure {
    /// A pattern that does not parse: AWS's error line (exit 254), then the workbook's hint line
    /// naming the column, so a typo is never a silent match-all.
    static func badPattern(_ error: FilterPatternError, operation: String, language: Language) -> CLIFailure {
        let aws = CLIFailure.service(error.awsError, operation: operation)
        return CLIFailure(stderr: aws.stderr + error.hintLine(language) + "\n", exitCode: aws.exitCode)
    }
}
