import Foundation
import Testing
import TestSupport

/// `workbook clock show | advance | set` (issue 3 item 2, DESIGN.md "Time"). An interactive
/// account's clock follows real time from its anchor, so its output is compared with a pattern
/// and a tolerance, never byte for byte.
@Suite("workbook clock")
struct ClockCommandTests {
    static var interactive: Regex<(Substring, Substring)> { #/^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z) \(interactive: the clock runs in real time from its anchor\)\n$/# }
    static var deterministic: Regex<(Substring, Substring)> { #/^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z) \(deterministic: the clock moves only with clock commands\)\n$/# }

    /// The instant a `clock` line shows.
    static func instant(_ run: Run, _ pattern: Regex<(Substring, Substring)>? = nil) throws -> Date {
        let match = try #require(run.stdout.wholeMatch(of: pattern ?? interactive), "not a clock line: \(run.transcript)")
        return try #require(try? Date(String(match.1), strategy: .iso8601.year().month().day().time(includingFractionalSeconds: true)))
    }

    @Test func aNewAccountShowsTheHostsNow() throws {
        let folder = TempFolder("workbook-e2e-clock")
        let started = Date()
        let run = try workbook(["clock", "show"], in: folder.path)
        #expect(run.exitCode == 0, "\(run.transcript)")
        let shown = try Self.instant(run)
        #expect(abs(shown.timeIntervalSince(started)) < 30, "a new account's clock agrees with the host: \(shown) vs \(started)")
        // Bare `clock` is `clock show`.
        let bare = try workbook(["clock"], in: folder.path)
        #expect(bare.exitCode == 0)
        _ = try Self.instant(bare)
    }

    @Test func advanceMovesTheAnchor() throws {
        let folder = TempFolder("workbook-e2e-clock")
        let before = try Self.instant(try workbook(["clock", "show"], in: folder.path))
        let advance = try workbook(["clock", "advance", "4m"], in: folder.path)
        #expect(advance.exitCode == 0, "\(advance.transcript)")
        let after = try Self.instant(try workbook(["clock", "show"], in: folder.path))
        let moved = after.timeIntervalSince(before)
        #expect(moved >= 240 && moved < 270, "clock advance 4m moves the clock by 4 minutes (plus real time): \(moved) s")
        #expect(try workbook(["clock", "advance", "1h30m"], in: folder.path).exitCode == 0)
        let later = try Self.instant(try workbook(["clock", "show"], in: folder.path))
        #expect(later.timeIntervalSince(after) >= 5400 && later.timeIntervalSince(after) < 5430)
    }

    @Test func setMovesTheClockToADate() throws {
        let folder = TempFolder("workbook-e2e-clock")
        let set = try workbook(["clock", "set", "2023-05-10"], in: folder.path)
        #expect(set.exitCode == 0, "\(set.transcript)")
        #expect(set.stdout.hasPrefix("2023-05-10T00:00:0"), "\(set.stdout)")
        let shown = try workbook(["clock", "show"], in: folder.path)
        #expect(shown.stdout.wholeMatch(of: Self.interactive) != nil)
        #expect(shown.stdout.hasPrefix("2023-05-10T00:0"), "then the clock runs on from 2023-05-10: \(shown.stdout)")
        let withTime = try workbook(["clock", "set", "2023-05-10T09:00:00Z"], in: folder.path)
        #expect(withTime.exitCode == 0)
        #expect(withTime.stdout.hasPrefix("2023-05-10T09:00:0"), "\(withTime.stdout)")
    }

    @Test func deterministicSaysSo() throws {
        let folder = TempFolder("workbook-e2e-clock")
        #expect(try workbook(["clock", "set", "2023-05-10"], in: folder.path).exitCode == 0)
        for arguments in [["--deterministic", "clock", "show"], ["clock", "show", "--deterministic"]] {
            let run = try workbook(arguments, in: folder.path)
            #expect(run.exitCode == 0)
            #expect(run.stdout.wholeMatch(of: Self.deterministic) != nil, "\(run.transcript)")
        }
        // `--deterministic` makes the account deterministic until `clock mode interactive`.
        let still = try workbook(["clock", "show"], in: folder.path)
        #expect(still.stdout.wholeMatch(of: Self.deterministic) != nil, "\(still.transcript)")
        let interactive = try workbook(["clock", "mode", "interactive"], in: folder.path)
        #expect(interactive.stdout.wholeMatch(of: Self.interactive) != nil, "\(interactive.transcript)")
    }

    /// DESIGN.md "Time": with `--deterministic` the clock "is frozen; it moves only by `clock`
    /// steps and by modelled costs". Two `--deterministic clock show` in a row should print the
    /// same instant, and a `--deterministic clock advance` should be seen by the next
    /// `--deterministic clock show`.
    /// `--deterministic` makes the workspace's account deterministic and keeps it so.
    @Test func deterministicFreezesTheClockAcrossCommands() throws {
        let folder = TempFolder("workbook-e2e-clock")
        #expect(try workbook(["clock", "set", "2023-05-10"], in: folder.path).exitCode == 0)
        let first = try workbook(["--deterministic", "clock", "show"], in: folder.path)
        let second = try workbook(["--deterministic", "clock", "show"], in: folder.path)
        #expect(first.stdout == second.stdout, "frozen: \(first.stdout) then \(second.stdout)")
        let before = try Self.instant(second, Self.deterministic)
        #expect(try workbook(["--deterministic", "clock", "advance", "4m"], in: folder.path).exitCode == 0)
        let after = try Self.instant(try workbook(["--deterministic", "clock", "show"], in: folder.path), Self.deterministic)
        #expect(after.timeIntervalSince(before) == 240, "advance 4m is kept: \(before) → \(after)")
        // Without the flag the account stays deterministic until `clock mode interactive`.
        #expect(try workbook(["clock", "show"], in: folder.path).stdout == (try workbook(["clock", "show"], in: folder.path)).stdout)
        #expect(try workbook(["clock", "mode", "interactive"], in: folder.path).stdout.contains("(interactive"))
    }

    @Test(arguments: [["advance", "4x"], ["advance", "-4m"], ["advance"], ["set", "2023-13-45"], ["set", "yesterday"], ["set"]])
    func badInputIsExitTwoWithAFix(arguments: [String]) throws {
        let folder = TempFolder("workbook-e2e-clock")
        let run = try workbook(["clock"] + arguments, in: folder.path)
        #expect(run.exitCode == 2, "\(run.transcript)")
        #expect(run.stdout.isEmpty, "\(run.transcript)")
        #expect(run.stderr.lowercased().hasPrefix("error: "), "\(run.stderr)")
        for crash in ["Fatal error", "Stack dump", "Swift runtime failure"] { #expect(!run.stderr.contains(crash)) }
    }

    @Test func badDurationAndDateGoldens() throws {
        let folder = TempFolder("workbook-e2e-clock")
        let duration = try workbook(["clock", "advance", "4x"], in: folder.path)
        #expect(duration.stderr.contains("fix: "))
        try Golden.assertMatches(duration.transcript, "clock-bad-duration")
        let date = try workbook(["clock", "set", "2023-13-45"], in: folder.path)
        #expect(date.stderr.contains("fix: "))
        try Golden.assertMatches(date.transcript, "clock-bad-date")
        let dateKo = try workbook(["clock", "set", "2023-13-45", "--lang", "ko"], in: folder.path)
        #expect(dateKo.exitCode == 2)
        try Golden.assertMatches(dateKo.transcript, "clock-bad-date-ko")
    }
}
