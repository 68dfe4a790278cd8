import AWSCLI
import CloudWatchLogs
import Dispatch
import Foundation
import SimKit

/// `aws logs tail GROUP [--since 10m|ISO] [--follow] [--format detailed|short|json|none]
/// [--filter-pattern P] [--log-stream-names S…] [--log-stream-name-prefix P]`, as aws CLI v2's
/// `customizations/logs/tail.py` runs it: FilterLogEvents (interleaved) from `--since`, every
/// page printed; with `--follow`, poll again from the newest event seen until Ctrl-C.
struct LogsTail {
    var group: String?
    var since = "10m"
    var follow = false
    var format = LogsTailFormat.detailed
    var filterPattern: String?
    var streamNames: [String]?
    var streamPrefix: String?

    /// The follower polls the shared SQLite file this often (real time; AWS's CLI waits 5 s
    /// between FilterLogEvents calls, the workbook answers faster since polling is local).
    static let pollInterval: DispatchTimeInterval = .seconds(1)

    /// Ctrl-C ends `--follow` quietly with 0: `FollowLogEventsGenerator` catches
    /// `KeyboardInterrupt` and `_run_main` returns 0 (tail.py). A Ctrl-C landing while an event
    /// is being printed escapes to the driver instead (130), which the workbook does not model.
    static let interruptedExitCode: Int32 = 0

    /// The entry point registered as the `tail` customization.
    @Sendable static func run(_ words: [String], _ globals: GlobalAWSOptions, _ context: CommandContext) throws -> Int32 {
        let tail = try LogsTail(parsing: words)
        let request = try tail.filterRequest(context)
        guard tail.follow else { return try pull(request, stop: nil, context, render: tail.render) }
        return try follow(request, context, render: tail.render)
    }

    /// `--follow` (and `sam logs --tail`): print, wait, poll from the newest event seen, until
    /// Ctrl-C.
    static func follow(_ request: LogEventFilter.Request, missingGroupIsEmpty: Bool = false, _ context: CommandContext,
                       render: (StoredLogEvent, CommandContext) throws -> String) throws -> Int32 {
        let stop = StopSignal()
        let interrupt = stop.installInterruptHandler()
        defer { interrupt.cancel(); signal(SIGINT, SIG_DFL) }
        return try pull(request, stop: stop, missingGroupIsEmpty: missingGroupIsEmpty, context, render: render)
    }

    /// Parses the words after `tail` the way argparse does for tail's ARG_TABLE.
    init(parsing words: [String]) throws {
        var unknown: [String] = []
        var index = 0
        func value(_ name: String) throws -> String {
            index += 1
            guard index < words.count, !words[index].hasPrefix("--") else { throw CLIFailure.argparse("argument \(name): expected one argument") }
            return words[index]
        }
        while index < words.count {
            let word = words[index]
            switch word {
            case "--since": since = try value(word)
            case "--follow": follow = true
            case "--format":
                let name = try value(word)
                guard let chosen = LogsTailFormat(rawValue: name) else {
                    throw CLIFailure.argparse("argument --format: Invalid choice, valid choices are:\n\n"
                                              + LogsTailFormat.allCases.map(\.rawValue).joined(separator: " | "))
                }
                format = chosen
            case "--filter-pattern": filterPattern = try value(word)
            case "--log-stream-name-prefix": streamPrefix = try value(word)
            case "--log-stream-names":
                var names = [try value(word)]
                while index + 1 < words.count, !words[index + 1].hasPrefix("--") { index += 1; names.append(words[index]) }
                streamNames = names
            default:
                if group == nil, !word.hasPrefix("--") { group = word } else { unknown.append(word) }
            }
            index += 1
        }
        guard group != nil else { throw CLIFailure.missingArguments(["group_name"]) }
        if !unknown.isEmpty { throw CLIFailure.unknownOptions(unknown) }
    }

    /// One event as `--format` prints it.
    func render(_ event: StoredLogEvent, _ context: CommandContext) throws -> String {
        guard let text = format.render(event, colour: context.console.color) else {
            throw CLIFailure.general("Object of type datetime is not JSON serializable")
        }
        return text
    }

    /// Prints every event of `request` through `render`; with `stop`, then polls from the
    /// newest event seen every `pollInterval` until `stop` fires (then `interruptedExitCode`).
    /// Shared by `aws logs tail` and `sam logs`, which differ only in how an event is printed.
    /// `missingGroupIsEmpty`: a group that does not exist (yet) prints nothing instead of
    /// failing, as SAM's `CWLogPuller` treats it.
    static func pull(_ request: LogEventFilter.Request, stop: StopSignal?, missingGroupIsEmpty: Bool = false, _ context: CommandContext,
                     render: (StoredLogEvent, CommandContext) throws -> String) throws -> Int32 {
        var last: LogPosition?
        while true {
            last = try printPage(after: last, request: request, missingGroupIsEmpty: missingGroupIsEmpty, context, render: render) ?? last
            guard let stop else { return 0 }
            if stop.wait(pollInterval) { return interruptedExitCode }
        }
    }

    /// Prints the events after `after`; returns the position of the last one printed.
    static func printPage(after: LogPosition?, request: LogEventFilter.Request, missingGroupIsEmpty: Bool = false, _ context: CommandContext,
                          render: (StoredLogEvent, CommandContext) throws -> String) throws -> LogPosition? {
        var request = request
        request.after = after
        let account = try context.account()
        let page = try account.readLogs { db in try LogEventFilter().filter(request, in: db) }
        switch page {
        case .failure(let error) where missingGroupIsEmpty && error.code == "ResourceNotFoundException":
            return nil
        case .failure(let error):
            throw CLIFailure.service(error, operation: "FilterLogEvents")
        case .success(let page):
            for event in page.events { context.console.out(try render(event, context)) }
            return page.events.last?.position
        }
    }
}

extension LogsTail {
    /// The FilterLogEvents request tail.py builds: the group, interleaved, `startTime` from
    /// `--since`, the pattern and stream selection when given.
    func filterRequest(_ context: CommandContext) throws -> LogEventFilter.Request {
        let pattern: FilterPattern
        do {
            pattern = try FilterPattern(filterPattern ?? "")
        } catch {
            throw LogsFailure.badPattern(error, operation: "FilterLogEvents", language: context.language)
        }
        let start = try Self.startTime(since, now: try context.account().now())
        return LogEventFilter.Request(group: group ?? "", streamNames: streamNames, streamNamePrefix: streamPrefix,
                                      startTime: start, pattern: pattern)
    }

    /// `TimestampUtils.to_epoch_millis`: `<n>s|m|h|d|w` before now, else botocore's
    /// `parse_timestamp` (epoch seconds, or ISO 8601; a time without a zone is UTC).
    static func startTime(_ since: String, now: EpochMillis) throws -> EpochMillis {
        let units: [Character: EpochMillis] = ["s": 1_000, "m": 60_000, "h": 3_600_000, "d": 86_400_000, "w": 604_800_000]
        if let unit = since.last, let size = units[unit], let amount = EpochMillis(since.dropLast()), since.first?.isNumber == true {
            return now - amount * size
        }
        if let seconds = Double(since), seconds.isFinite {
            return EpochMillis((seconds * 1000).rounded(.towardZero))
        }
        if let instant = TimeFormat.parseISO(since) { return instant }
        throw CLIFailure.general("Invalid timestamp \"\(since)\": Unknown string format: \(since)")
    }
}

/// Ends `--follow`: Ctrl-C (SIGINT) in the process, or a test calling `stop()`.
final class StopSignal: Sendable {
    private let semaphore = DispatchSemaphore(value: 0)
    private let queue = DispatchQueue(label: "workbook.logs.tail.sigint")

    /// Fires the signal; the follower returns from its current wait at once.
    func stop() { semaphore.signal() }

    /// Waits up to `interval`; true when stopped meanwhile.
    func wait(_ interval: DispatchTimeInterval) -> Bool { semaphore.wait(timeout: .now() + interval) == .success }

    /// Routes SIGINT to `stop()` instead of killing the process, so the follower ends quietly
    /// (no stack trace, the SQLite connection closed). The caller cancels the source when done.
    func installInterruptHandler() -> any DispatchSourceSignal {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: queue)
        source.setEventHandler { [weak self] in self?.stop() }
        source.resume()
        return source
    }
}
