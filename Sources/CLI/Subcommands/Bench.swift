import Account
import ArgumentParser
import Commands
import Foundation
import SimKit
import Workbook

/// `workbook bench`: the speed targets, measured (never asserted in unit tests).
///
/// Each case runs `--iterations` times after one warm-up; the report gives min / median / p90
/// wall time, in-process (the engine) and as a whole `workbook` process (what a learner waits for).
struct Bench: WorkbookRunnable {
    static let configuration = CommandConfiguration(abstract: "Measure check and deploy times (for the release notes).")
    @Option(help: "Runs per case.") var iterations = 20
    @Option(help: "Which cases: all, checks (check and deploy), logs (ingest and filter), dynamodb (items in-process, wire, boto3 vs moto), lambda (cold, warm, throughput), sdk (a v3 DocumentClient put: cold, throughput), dynamodb-items (in-process PutItem and GetItem only, --iterations rounds).") var cases = "all"

    func run(_ context: CommandContext, globals: GlobalOptions) throws -> Int32 {
        let c = context.console
        let header = "machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(Self.cpuName())\n\n"
        switch cases {
        case "logs":
            c.out(header)
            try Self.inScratch { try LogsBench(scratch: $0).run(c) }
            return 0
        case "dynamodb":
            c.out(header)
            try Self.inScratch { try DynamoDBBench(scratch: $0, executable: DynamoDBBench.currentExecutable).run(c) }
            return 0
        case "dynamodb-items":
            c.out(header)
            try Self.inScratch { try DynamoDBBench(scratch: $0, executable: DynamoDBBench.currentExecutable).inProcess(c, rounds: iterations) }
            return 0
        case "lambda":
            c.out(header)
            try LambdaBench(iterations: iterations).run(c)
            return 0
        case "sdk":
            c.out(header)
            try Self.inScratch { try LambdaSDKBench(iterations: iterations, scratch: $0).run(c) }
            return 0
        case "checks", "all":
            try Self.inScratch { try checksAndDeploys(c, scratch: $0) }
            return 0
        default:
            throw WorkbookError(LocalizedText(en: "unknown bench case '\(cases)'", ko: "알 수 없는 bench 항목 '\(cases)'"),
                                fix: LocalizedText(en: "use one of: all, checks, logs, dynamodb, dynamodb-items, lambda, sdk",
                                                   ko: "다음 중 하나를 쓰세요: all, checks, logs, dynamodb, dynamodb-items, lambda, sdk"))
        }
    }

    /// `checks` (and, for `all`, every other case after it): check 01 and 02 on their
    /// solutions and a deploy of the sample, in-process and as a `workbook` process.
    func checksAndDeploys(_ c: Console, scratch: String) throws {
        let course = try Course.locate()
        let lessons = try ["01", "02"].map { try course.lesson($0) }
        let learner = "\(scratch)/learner"
        // `.workbook/` makes it a learner folder, as `init` would: `check` refuses any other.
        try FileManager.default.createDirectory(atPath: "\(learner)/.workbook", withIntermediateDirectories: true)
        for lesson in lessons {
            try FileManager.default.copyItem(atPath: lesson.starterFolder, toPath: "\(learner)/\(lesson.id)")
            try CourseAudit.overlay(lesson.solutionFolder, onto: "\(learner)/\(lesson.id)")
        }
        let sample = try prepareSample(course: course, scratch: scratch)
        let exe = DynamoDBBench.currentExecutable

        c.out("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(Self.cpuName())\n")
        c.out("iterations: \(iterations) per case (after one warm-up)\n\n")
        c.out("case".padding(toLength: 44, withPad: " ", startingAt: 0) + "    min  median     p90  (ms)\n")
        let runner = LessonSupport.runner(.en)
        for lesson in lessons {
            let number = String(lesson.id.prefix(2))
            report("check \(number) (solution), in-process", try measure { _ = try runner.check(lesson, learnerFolder: "\(learner)/\(lesson.id)") }, c)
            report("check \(number) (solution), workbook process",
                   try measure { try Self.spawn(exe, ["--workspace", learner, "check", number], in: learner) }, c)
        }
        let lesson = lessons[0]
        var n = 0
        report("sam deploy (sample, built), in-process", try measure {
            n += 1
            let account = try Account.fresh(at: "\(scratch)/deploy-\(n).sqlite", date: lesson.date, seed: 1)
            let console = Console.captured(currentDirectory: sample)
            let code = Entry.run(Self.deployArguments, console: { _, _ in console }, account: account)
            guard code == 0 else { throw WorkbookError(LocalizedText(en: "bench deploy failed: \(console.combinedText)")) }
        }, c)
        report("sam deploy (sample, built), workbook process", try measure {
            try? FileManager.default.removeItem(atPath: "\(sample)/.workbook")
            try Self.spawn(exe, ["--deterministic"] + Self.deployArguments, in: sample)
        }, c)
        if cases == "all" {
            c.out("\n")
            try LogsBench(scratch: scratch).run(c)
            c.out("\n")
            try DynamoDBBench(scratch: scratch, executable: exe).run(c)
        }
    }

    static let deployArguments = ["sam", "deploy", "--stack-name", "lambda-to-dynamodb", "--resolve-s3", "--capabilities", "CAPABILITY_IAM",
                                  "--no-confirm-changeset"]

    /// The sprint's sample on nodejs22.x, built once.
    func prepareSample(course: Course, scratch: String) throws -> String {
        let sample = "\(scratch)/sample"
        let source = URL(fileURLWithPath: course.root).deletingLastPathComponent().appendingPathComponent("Samples/lambda-dynamodb-2023").path
        try FileManager.default.copyItem(atPath: source, toPath: sample)
        let template = "\(sample)/template.yaml"
        try (try String(contentsOfFile: template, encoding: .utf8)).replacingOccurrences(of: "nodejs12.x", with: "nodejs22.x")
            .write(toFile: template, atomically: true, encoding: .utf8)
        let console = Console.captured(currentDirectory: sample)
        let account = try Account.fresh(at: nil, date: 0, seed: 1)
        guard Entry.run(["sam", "build"], console: { _, _ in console }, account: account) == 0 else {
            throw WorkbookError(LocalizedText(en: "bench: sam build of the sample failed: \(console.combinedText)"))
        }
        return sample
    }

    func measure(_ body: () throws -> Void) throws -> [Double] {
        try body()
        return try (0..<iterations).map { _ in
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
        }
    }

    /// One result line: the case name padded to the report's column, then the value.
    static func line(_ name: String, _ value: String) -> String { name.padding(toLength: 44, withPad: " ", startingAt: 0) + " " + value + "\n" }

    func report(_ name: String, _ samples: [Double], _ c: Console) {
        let sorted = samples.sorted()
        func at(_ q: Double) -> Double { sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * q).rounded()))] }
        let cells = [sorted.first ?? 0, at(0.5), at(0.9)].map { String(format: "%7.1f", $0) }
        c.out(Self.line(name, cells.joined(separator: " ")))
    }

    static func spawn(_ exe: String, _ arguments: [String], in directory: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: exe)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        // A run that failed is no measurement of the case: stop rather than report its time.
        // (`check` on a solution exits 0; anything else means the bench set-up is wrong.)
        guard process.terminationStatus == 0 else {
            throw WorkbookError(LocalizedText(en: "bench: `workbook \(arguments.joined(separator: " "))` exited \(process.terminationStatus) in \(directory)"))
        }
    }

    static func seconds(_ body: () throws -> Void) throws -> Double {
        try timed(body).wall
    }

    /// Wall seconds of `body`, and the CPU seconds (user + system, every thread) this process
    /// spent meanwhile: on a shared VM the wall rate moves by a quarter between runs, while the
    /// CPU cost per operation moves little, so the two together say what changed.
    static func timed(_ body: () throws -> Void) throws -> (wall: Double, cpu: Double) {
        func cpuNow() -> Double {
            var usage = rusage()
            getrusage(RUSAGE_SELF.rawValue, &usage)
            func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
            return seconds(usage.ru_utime) + seconds(usage.ru_stime)
        }
        let start = DispatchTime.now().uptimeNanoseconds, cpuStart = cpuNow()
        try body()
        return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, cpuNow() - cpuStart)
    }

    /// Runs `body` with a fresh scratch folder (under TMPDIR, so on the disk a learner's
    /// folder would be on), removed afterwards.
    static func inScratch(_ body: (String) throws -> Void) throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("workbook-bench-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try body(scratch)
    }

    static func cpuName() -> String {
        let info = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        return info.split(separator: "\n").first { $0.hasPrefix("model name") }.map { $0.split(separator: ":").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "" } ?? "unknown CPU"
    }
}
