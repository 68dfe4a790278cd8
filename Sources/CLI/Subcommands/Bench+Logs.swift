import Account
import CloudWatchLogs
import Commands
import Foundation
import SimKit

/// The CloudWatch Logs cases of `workbook bench` (issue 4's closing numbers): events ingested
/// per second through `LogSink` with group commit into an on-disk account, and one
/// FilterLogEvents over a million events with a JSON pattern.
struct LogsBench {
    var events = 1_000_000
    var scratch: String

    /// A message mix like a Lambda group's: JSON lines (a fifth of them errors) and plain text.
    static func messages() -> [String] {
        (0..<1_000).map { n in
            switch n % 4 {
            case 0: #"{"level":"ERROR","latency":\#(n * 7 % 1_500),"requestId":"req-\#(n)","msg":"put failed"}"#
            case 1: #"{"level":"INFO","latency":\#(n % 300),"requestId":"req-\#(n)","msg":"stored item \#(n)"}"#
            case 2: "2026-11-01T09:00:00.000Z\treq-\(n)\tINFO\tprocessing record \(n)"
            default: "REPORT RequestId: req-\(n)\tDuration: 12.34 ms\tBilled Duration: 13 ms\tMemory Size: 128 MB"
            }
        }
    }

    /// Runs both cases and prints one line each.
    func run(_ c: Console) throws {
        let account = try Account.fresh(at: "\(scratch)/logs-bench.sqlite", date: TimeFormat.instant(year: 2026, month: 11, day: 1), seed: 1)
        let streams = account.logStreams
        let stream = try account.write { db -> LogStreamStore.LogStream? in
            _ = try account.logGroups.create("/aws/lambda/bench", retentionDays: nil, now: account.now(), in: db)
            return try streams.create(group: "/aws/lambda/bench", name: "2026/11/01/[$LATEST]bench", now: account.now(), in: db).get()
        }
        guard let stream else { return }
        let messages = Self.messages()
        let sink = account.logSink
        let base = account.now()
        let ingest = try Bench.seconds {
            for n in 0..<events {
                try sink.append(InputLogEvent(timestamp: base + EpochMillis(n / 10), message: messages[n % messages.count]),
                                toStream: stream.id, ingestionTime: base)
            }
            try account.flushLogs()
        }
        c.out(Bench.line("log events ingested (LogSink, group commit)", String(format: "%10.0f events/s  (%d in %.2f s)", Double(events) / ingest, events, ingest)))
        let pattern = try FilterPattern(#"{ $.level = "ERROR" && $.latency > 1000 }"#)
        var matched = 0
        let filter = try Bench.seconds {
            let page = try account.read { db in
                try LogEventFilter().filter(LogEventFilter.Request(group: "/aws/lambda/bench", pattern: pattern), in: db)
            }
            matched = (try? page.get().events.count) ?? 0
        }
        c.out(Bench.line("filter-log-events, 1M events, JSON pattern", String(format: "%10.0f ms  (%d matched)", filter * 1000, matched)))
    }
}
