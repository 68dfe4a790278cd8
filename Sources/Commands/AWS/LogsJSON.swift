import CloudWatchLogs
import SimKit

/// CloudWatch Logs' response shapes in botocore member order (`logs/2014-03-28/service-2.json`).
/// Logs times are `long` milliseconds, never reformatted by the CLI.
enum LogsJSON {
    /// `LogGroup`: logGroupName, creationTime, retentionInDays, metricFilterCount, arn,
    /// storedBytes, …, logGroupClass, logGroupArn. AWS has sent `logGroupClass` since the log
    /// classes launched (2023-11); moto 5.2.1 omits it.
    static func group(_ summary: LogGroupStore.GroupSummary) -> JSON {
        var o = JSONObject()
        o["logGroupName"] = .string(summary.group.name)
        o["creationTime"] = .int(summary.group.creationTime)
        if let days = summary.group.retentionDays { o["retentionInDays"] = .int(Int64(days)) }
        o["metricFilterCount"] = 0
        o["arn"] = .string(summary.group.arn)
        o["storedBytes"] = .int(summary.storedBytes)
        o["logGroupClass"] = "STANDARD"
        o["logGroupArn"] = .string(summary.group.arn.hasSuffix(":*") ? String(summary.group.arn.dropLast(2)) : summary.group.arn)
        return .object(o)
    }

    /// `LogStream`. AWS reports `storedBytes` as 0 for every stream (deprecated since 2019).
    static func stream(_ stream: LogStreamStore.LogStream, arn: String) -> JSON {
        var o = JSONObject()
        o["logStreamName"] = .string(stream.name)
        o["creationTime"] = .int(stream.creationTime)
        if let t = stream.firstEventTimestamp { o["firstEventTimestamp"] = .int(t) }
        if let t = stream.lastEventTimestamp { o["lastEventTimestamp"] = .int(t) }
        if let t = stream.lastIngestionTime { o["lastIngestionTime"] = .int(t) }
        o["uploadSequenceToken"] = .string(LogStreamStore.sequenceToken(stream.uploadSequence))
        o["arn"] = .string(arn)
        o["storedBytes"] = 0
        return .object(o)
    }

    /// `PutLogEventsResponse`: nextSequenceToken, then rejectedLogEventsInfo when any was set aside.
    static func putResponse(sequence: Int64, rejected: LogBatch.Rejected) -> JSON {
        var o: JSONObject = ["nextSequenceToken": .string(LogStreamStore.sequenceToken(sequence))]
        if !rejected.isEmpty {
            var info = JSONObject()
            if let i = rejected.tooNewLogEventStartIndex { info["tooNewLogEventStartIndex"] = .int(Int64(i)) }
            if let i = rejected.tooOldLogEventEndIndex { info["tooOldLogEventEndIndex"] = .int(Int64(i)) }
            if let i = rejected.expiredLogEventEndIndex { info["expiredLogEventEndIndex"] = .int(Int64(i)) }
            o["rejectedLogEventsInfo"] = .object(info)
        }
        return .object(o)
    }

    /// `GetLogEventsResponse`: events (`OutputLogEvent`: timestamp, message, ingestionTime), tokens.
    static func page(_ page: LogEventReader.Page) -> JSON {
        let events = page.events.map { e -> JSON in
            ["timestamp": .int(e.timestamp), "message": .string(e.message), "ingestionTime": .int(e.ingestionTime)]
        }
        return ["events": .array(events), "nextForwardToken": .string(page.nextForwardToken.text),
                "nextBackwardToken": .string(page.nextBackwardToken.text)]
    }

    /// `FilterLogEventsResponse`: events (`FilteredLogEvent`), searchedLogStreams (AWS sends an
    /// empty list since interleaving became the only mode), nextToken when a page was cut short.
    static func filtered(_ page: LogEventFilter.Page) -> JSON {
        var o: JSONObject = ["events": .array(page.events.map(filteredEvent)), "searchedLogStreams": []]
        if let next = page.next { o["nextToken"] = .string(FilterToken.text(next)) }
        return .object(o)
    }

    /// `FilteredLogEvent`: logStreamName, timestamp, message, ingestionTime, eventId.
    static func filteredEvent(_ e: StoredLogEvent) -> JSON {
        ["logStreamName": .string(e.streamName), "timestamp": .int(e.timestamp), "message": .string(e.message),
         "ingestionTime": .int(e.ingestionTime), "eventId": .string(e.eventId)]
    }
}
