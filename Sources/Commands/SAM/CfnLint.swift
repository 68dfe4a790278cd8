import Foundation
import SAMCLI
import SimKit

/// `sam validate --lint`: runs the machine's cfn-lint (as SAM does) and prints SAM's summary.
///
/// cfn-lint judges runtime deprecation on the host's date with its own bundled dates; the
/// workbook feeds it the runtime table the lessons use (`lambda-runtime-lifecycle.json`) and the
/// virtual clock's date instead, so `--lint` agrees with what the simulated Lambda does.
struct CfnLint {
    let console: Console
    let clock: EpochMillis

    func run(path: String, region: String?) throws -> Int32 {
        let messages = ValidateMessages(palette: console.palette)
        let matches = try lint(path: path, region: region ?? "us-east-1")
        if matches.isEmpty {
            console.emit(messages.lintClean(path: path))
            return 0
        }
        let failed = messages.lintFailed(matches)
        console.emit(failed.emission)
        return console.fail(failed.error)
    }

    func lint(path: String, region: String) throws -> [ValidateMessages.LintMatch] {
        let run: ChildProcess.Result
        do {
            run = try ChildProcess.run("/usr/bin/env", ["python3", "-c", Self.script, path, region, TimeFormat.date(clock), Self.lifecyclePath ?? ""])
        } catch {
            throw Self.missing
        }
        guard run.exitCode == 0, let json = try? JSONParser.parse(bytes: run.stdout), let list = json.arrayValue else {
            throw Self.missing
        }
        return list.map {
            ValidateMessages.LintMatch(rule: $0["rule"]?.stringValue ?? "", title: $0["title"]?.stringValue ?? "",
                                       message: $0["message"]?.stringValue ?? "", line: Int($0["line"]?.intValue ?? 0))
        }
    }

    static let missing = WorkbookError(
        LocalizedText(en: "sam validate --lint needs cfn-lint, which is not installed (or failed to run)",
                      ko: "sam validate --lint에는 cfn-lint가 필요한데 설치되어 있지 않거나 실행에 실패했습니다"),
        fix: LocalizedText(en: "run: python3 -m pip install cfn-lint", ko: "다음을 실행하세요: python3 -m pip install cfn-lint"))

    /// The runtime table shipped with the Lambda target.
    static var lifecyclePath: String? {
        let candidates = [URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Lambda/Resources/lambda-runtime-lifecycle.json").path]
        return candidates.first { FileManager.default.fileExists(atPath: $0) }
    }

    /// Loads cfn-lint, swaps in our runtime dates and "today", and prints the matches as JSON.
    static let script = #"""
    import sys, json, datetime as _dt, importlib
    path, region, today, lifecycle = sys.argv[1:5]
    y, m, d = map(int, today.split("-"))
    class FixedDate(_dt.datetime):
        @classmethod
        def today(cls):
            return cls(y, m, d)
        @classmethod
        def now(cls, tz=None):
            return cls(y, m, d, tzinfo=tz)
    table = json.load(open(lifecycle))["runtimes"] if lifecycle else None
    for name in ("DeprecatedRuntimeCreate", "DeprecatedRuntimeEol", "DeprecatedRuntimeUpdate"):
        module = importlib.import_module("cfnlint.rules.resources.lmbd." + name)
        module.datetime = FixedDate
        if table is not None:
            module.load_resource = lambda *args, **kwargs: table
    import cfnlint.api
    matches = cfnlint.api.lint_file(__import__("pathlib").Path(path), config=cfnlint.api.ManualArgs(regions=[region]))
    print(json.dumps([{"rule": x.rule.id, "title": x.rule.shortdesc, "message": x.message, "line": x.linenumber} for x in matches]))
    """#
}
