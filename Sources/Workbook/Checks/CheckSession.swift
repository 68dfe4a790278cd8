import Account
import CloudFormation
import Commands
import Foundation
import GRDB
import SimKit

/// The state of one check while its steps run: observations by name, and the trace.
struct CheckSession {
    let runner: CheckRunner
    let account: Account
    let scratch: Scratch
    let lessonId: String
    var observations = JSONObject()
    var trace: [TraceLine] = []
    var lastEventSeq: Int64 = 0

    init(runner: CheckRunner, account: Account, scratch: Scratch, lessonId: String) {
        self.runner = runner
        self.account = account
        self.scratch = scratch
        self.lessonId = lessonId
    }

    var language: Language { runner.language }

    /// Runs one step; returns a miss when the step itself cannot be done with the learner's files.
    mutating func perform(_ step: CheckStep) throws -> CheckResult.Miss? {
        switch step {
        case .run(let arguments, let name):
            switch StepArguments.resolve(arguments, in: .object(observations)) {
            case .failure(let unresolved): return unobserved(unresolved.path, in: arguments)
            case .success(let resolved): observations[name] = runCommand(resolved)
            }
        case .deploy(let stack, let build, let name):
            if build {
                let built = runCommand(["sam", "build"])
                observations["build"] = built
                if built["exit"] != .int(0) { observations[name] = built; return nil }
            }
            observations[name] = runCommand(["sam", "deploy", "--stack-name", stack, "--resolve-s3", "--capabilities", "CAPABILITY_IAM",
                                             "--no-confirm-changeset"])
        case .replay(let file, let name):
            return try replay(file: file, name: name)
        case .template(let file, let name):
            return try readTemplate(file: file, name: name)
        case .readFile(let path, let name):
            let text = try? String(contentsOfFile: "\(scratch.work)/\(path)", encoding: .utf8)
            observations[name] = text.map { ["exists": true, "text": .string($0)] } ?? ["exists": false]
            trace.append(TraceLine(actor: "workbook", text: text == nil ? "\(path): missing" : "read \(path)"))
        case .answers(let file, let name):
            return try readAnswers(file: file, name: name)
        case .clock(let set, let advance):
            if let set, let instant = TimeFormat.parseISO(set) { account.clock.set(to: instant) }
            if let advance, let millis = TimeFormat.parseDuration(advance) { account.clock.advance(by: millis) }
            try account.write { _ in }
            trace.append(TraceLine(actor: "clock", text: TimeFormat.isoMillisZ(account.now())))
            // What the step made due (an Event retry) runs now, as after `workbook clock advance`.
            try DueWork.run(account)
            traceJournal()
        case .stack(let name, let observedAs):
            observations[observedAs] = try stackObservation(name)
        }
        return nil
    }

    /// Runs a workbook command in the check's account; traces it and what CloudFormation did.
    mutating func runCommand(_ arguments: [String]) -> JSON {
        let console = Console.captured(language: language, currentDirectory: scratch.work)
        let exit = runner.runCommand(arguments, console, account)
        let stdout = scratch.scrub(console.stdoutText), stderr = scratch.scrub(console.stderrText)
        let output = Self.plain(scratch.scrub(console.combinedText)).split(separator: "\n", omittingEmptySubsequences: true)
            .map { String($0).trimmingCharacters(in: .whitespaces).isEmpty ? "" : String($0.replacingOccurrences(of: "\r", with: "")) }
            .filter { !$0.isEmpty }
        trace.append(TraceLine(actor: "workbook", text: "\(Self.typed(arguments))  → exit \(exit)",
                               detail: Self.excerpt(output)))
        traceStackEvents()
        traceJournal()
        var observed: JSON = ["exit": .int(Int64(exit)), "stdout": .string(stdout), "stderr": .string(stderr)]
        // An aws command's JSON answer (a scan's Items, an invoke's StatusCode), for paths like run.json.Count.
        if stdout.first == "{" || stdout.first == "[", let json = try? JSONParser.parse(stdout) { observed["json"] = json }
        return observed
    }

    /// A `run` step names `{{path}}` that no earlier step observed (say, a stack output the
    /// learner's template no longer has): the check fails there, saying which.
    func unobserved(_ path: String, in arguments: [String]) -> CheckResult.Miss {
        CheckResult.Miss(
            says: LocalizedText(en: "the check can fill in {{\(path)}} from an earlier step (did the deploy succeed, with the sample's names?)",
                                ko: "검사가 앞 단계에서 {{\(path)}} 값을 얻을 수 있어야 합니다 (배포가 성공했는지, 샘플의 이름을 그대로 쓰는지 확인하세요)"),
            expected: path, got: Self.typed(arguments))
    }

    /// `$ workbook …` as the learner would type the command, quoted for a shell.
    static func typed(_ arguments: [String]) -> String {
        "$ workbook " + arguments.map(ShellWords.quote).joined(separator: " ")
    }

    /// Adds what the services recorded out of sight (cold starts, logs the role could not
    /// write, retries) since the last look.
    mutating func traceJournal() {
        for entry in account.journal.take() {
            trace.append(TraceLine(actor: entry.actor, text: scratch.scrub(entry.text.text(language)), detail: entry.detail.map(scratch.scrub)))
        }
    }

    /// The last `count` lines of a command's output, after "…" when some were left out.
    ///
    /// A cut that lands inside a wrapped table row (SAM's event table continues a row on lines
    /// that start with spaces) or an indented block would open on a fragment such as
    /// "tack   resource(s) failed to"; the excerpt then starts at the line that begins it,
    /// when that is at most `widen` lines further up.
    static func excerpt(_ lines: [String], last count: Int = 14, widen: Int = 6) -> [String] {
        guard lines.count > count else { return lines }
        var start = lines.count - count
        var head = start
        while head > 0, start - head < widen, lines[head].first?.isWhitespace == true { head -= 1 }
        if lines[head].first?.isWhitespace == false { start = head }
        return start == 0 ? lines : ["…"] + lines[start...]
    }

    /// Text without ANSI colour codes (SAM writes some even when not on a terminal).
    static func plain(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
    }

    /// Adds what CloudFormation did since the last look: failures and where each stack ended.
    mutating func traceStackEvents() {
        let since = lastEventSeq
        let rows: [Row] = (try? account.read { db in
            try Row.fetchAll(db, sql: "SELECT seq, logical_id, type, status, reason FROM stack_events WHERE seq > ? ORDER BY seq",
                             arguments: [since])
        }) ?? []
        for row in rows {
            lastEventSeq = row["seq"]
            let status: String = row["status"], type: String = row["type"], logicalId: String = row["logical_id"]
            let reason: String? = row["reason"]
            let stackEnd = type == "AWS::CloudFormation::Stack" && !status.contains("IN_PROGRESS")
            guard status.hasSuffix("_FAILED") || stackEnd else { continue }
            trace.append(TraceLine(actor: "CloudFormation", text: "\(logicalId) \(status)" + (reason.map { ": \($0)" } ?? "")))
        }
    }

    mutating func stackObservation(_ name: String) throws -> JSON {
        let stack = try account.read { db in try account.stacks.live(named: name, in: db) }
        guard let stack else {
            trace.append(TraceLine(actor: "CloudFormation", text: "stack \(name): does not exist"))
            return ["exists": false]
        }
        let resources = try account.read { db in try account.stacks.resources(of: stack.stackId, in: db) }
        trace.append(TraceLine(actor: "CloudFormation", text: "stack \(name): \(stack.status)"))
        return [
            "exists": true, "StackStatus": .string(stack.status),
            "Outputs": .object(JSONObject(stack.outputs.map { ($0.key, JSON.string($0.value)) })),
            "Resources": .object(JSONObject(resources.map { ($0.logicalId, JSON.string($0.type)) })),
            "PhysicalIds": .object(JSONObject(resources.compactMap { r in r.physicalId.map { (r.logicalId, JSON.string($0)) } })),
        ]
    }
}

