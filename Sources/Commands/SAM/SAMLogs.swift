import Account
import CloudWatchLogs
import Foundation
import SAMCLI
import SimKit

/// `sam logs [-n LOGICAL_ID] --stack-name S [-s START] [-e END] [--filter F] [-t]`, as SAM CLI
/// 1.16x/1.170 runs it (`samcli/commands/logs/command.py`, `logs_context.py`,
/// `puller_factory.py`, `lib/observability/cw_logs/`): the stack's Lambda functions (or the one
/// named by its logical id), each read from `/aws/lambda/<physical name>` with FilterLogEvents,
/// printed through SAM's text consumer. `--tail` polls through `LogsTail.pull`, the follower
/// `aws logs tail --follow` uses.
struct SAMLogs {
    let context: CommandContext
    let arguments: [String]
    var console: Console { context.console }

    func run() throws -> Int32 {
        let args = try ClickArguments(command: "logs", spec: [
            "--name": .value, "--stack-name": .value, "--filter": .value, "--tail": .flag, "--include-traces": .flag,
            "--cw-log-group": .value, "--start-time": .value, "--end-time": .value, "--output": .value, "--region": .value,
            "--profile": .value, "--config-file": .value, "--config-env": .value, "--debug": .flag, "--save-params": .flag,
        ], aliases: ["-n": "--name", "-t": "--tail", "-i": "--include-traces", "-s": "--start-time", "-e": "--end-time"],
        arguments: arguments)
        if args.flag("--include-traces") { throw WorkbookError.notSimulated("sam logs --include-traces (X-Ray)", at: nil) }
        if args.value("--cw-log-group") != nil { throw WorkbookError.notSimulated("sam logs --cw-log-group", at: nil) }
        if let output = args.value("--output"), output != "text" { throw WorkbookError.notSimulated("sam logs --output \(output)", at: nil) }
        let name = args.value("--name")
        // validation_and_exception_handlers.py `stack_name_cw_log_group_validation` (click BadOptionUsage, exit 2).
        guard let stackName = args.value("--stack-name") else {
            throw args.usage(name != nil ? "Missing option. Please provide '--stack-name' when using '--name' option"
                                         : "Missing option. Please provide '--stack-name' or '--cw-log-group'")
        }
        if name != nil {
            console.out("You can now use 'sam logs' without --name parameter, which will pull the logs from all supported resources in your stack.\n")
        }
        let account = try context.account()
        let now = account.now()
        let start = try Self.time(args.value("--start-time") ?? "10m ago", "start-time", now: now)
        let end = try args.value("--end-time").map { try Self.time($0, "end-time", now: now) } ?? now
        let groups = try logGroups(stackName: stackName, name: name, account: account)
        let pattern: FilterPattern
        do {
            pattern = try FilterPattern(args.value("--filter") ?? "")
        } catch {
            throw SAMError("An error occurred (InvalidParameterException) when calling the FilterLogEvents operation: Invalid filter pattern")
        }
        let filter = args.value("--filter")
        let render: (StoredLogEvent, CommandContext) -> String = { event, context in
            SAMLogFormat.render(event, filter: filter, colour: context.console.color)
        }
        guard args.flag("--tail") else {
            for group in groups {
                let request = LogEventFilter.Request(group: group, startTime: start, endTime: end, pattern: pattern)
                _ = try LogsTail.pull(request, stop: nil, missingGroupIsEmpty: true, context, render: render)
            }
            return 0
        }
        guard groups.count == 1, let group = groups.first else {
            throw WorkbookError.notSimulated("sam logs --tail over several functions at once (name one with -n)", at: nil)
        }
        return try LogsTail.follow(LogEventFilter.Request(group: group, startTime: start, pattern: pattern),
                                   missingGroupIsEmpty: true, context, render: render)
    }

    /// The log groups of the stack's functions, or of the one named by its logical id.
    func logGroups(stackName: String, name: String?, account: Account) throws -> [String] {
        guard let stack = try account.read({ db in try account.stacks.live(named: stackName, in: db) }) else {
            // _handle_client_error: ListStackResources' ValidationError.
            throw SAMError("Invalid --stack-name parameter. Stack with id '\(stackName)' does not exist")
        }
        let functions = try account.read { db in try account.stacks.resources(of: stack.stackId, in: db) }
            .filter { $0.type == "AWS::Lambda::Function" && $0.physicalId != nil }
        let chosen = name.map { name in functions.filter { $0.logicalId == name } } ?? functions
        if let name, chosen.isEmpty {
            console.err("Resource name (\(name)) does not exist. Available resource names: "
                        + functions.map(\.logicalId).joined(separator: ", ") + "\n")
        }
        // puller_factory.py NoPullerGeneratedException (sic).
        guard !chosen.isEmpty else { throw SAMError("No valid resources find to pull information") }
        return chosen.compactMap { $0.physicalId.map { "/aws/lambda/\($0)" } }
    }

    /// `parse_time`: dateparser's relative forms (`10m ago`, `5mins ago`, `2 hours ago`, `now`)
    /// and timestamps (`2018-01-01 10:10:10`, ISO 8601); a time without a zone is UTC.
    static func time(_ text: String, _ property: String, now: EpochMillis) throws -> EpochMillis {
        let lowered = text.lowercased().trimmingCharacters(in: .whitespaces)
        if lowered == "now" { return now }
        if let match = lowered.wholeMatch(of: /(\d+)\s*([a-z]+)\s+ago/), let amount = EpochMillis(match.1),
           let unit = unitMillis[String(match.2)] {
            return now - amount * unit
        }
        if let instant = TimeFormat.parseISO(text) ?? TimeFormat.parseISO(text.replacingOccurrences(of: " ", with: "T")) {
            return instant
        }
        throw SAMError("Unable to parse the time provided by '\(property)'")
    }

    static let unitMillis: [String: EpochMillis] = {
        var units: [String: EpochMillis] = [:]
        for (names, millis) in [(["s", "sec", "secs", "second", "seconds"], 1_000), (["m", "min", "mins", "minute", "minutes"], 60_000),
                                (["h", "hr", "hrs", "hour", "hours"], 3_600_000), (["d", "day", "days"], 86_400_000),
                                (["w", "week", "weeks"], 604_800_000)] as [([String], EpochMillis)] {
            for name in names { units[name] = millis }
        }
        return units
    }()
}

/// SAM's text consumer chain (`generate_text_consumer`): errors in red, JSON re-indented, the
/// `--filter` keyword underlined, then `<stream> <timestamp> <message>` (`CWPrettyPrintFormatter`:
/// stream cyan, timestamp yellow, `datetime.utcfromtimestamp(ms / 1000).isoformat()`), and a
/// newline unless the message ends with one. Colours only on a terminal (click strips them
/// otherwise).
enum SAMLogFormat {
    static let red = "\u{1B}[31m", yellow = "\u{1B}[33m", cyan = "\u{1B}[36m", underline = "\u{1B}[4m", reset = "\u{1B}[0m"

    static func render(_ event: StoredLogEvent, filter: String?, colour: Bool) -> String {
        func paint(_ text: String, _ code: String) -> String { colour ? code + text + reset : text }
        var message = event.message
        if message.contains("Process exited before completing request") || message.contains("Task timed out") {
            message = paint(message, red)
        }
        if message.hasPrefix("{"), let value = try? JSONParser.parse(message) {
            message = LogsTailFormat.asciiEscaped(value.serialized(.python(indent: 2)))
        }
        if let filter, !filter.isEmpty, colour { message = message.replacingOccurrences(of: filter, with: paint(filter, underline)) }
        let timestamp = String(LogsTailFormat.iso(event.timestamp, alwaysFraction: false).dropLast("+00:00".count))
        let line = paint(event.streamName, cyan) + " " + paint(timestamp, yellow) + " " + message
        return line.hasSuffix("\n") ? line : line + "\n"
    }
}
