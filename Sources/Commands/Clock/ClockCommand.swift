import Account
import SimKit

/// `workbook clock show | advance DURATION | set TIME`.
public enum ClockCommand {
    public static func show(_ context: CommandContext) throws -> Int32 {
        let account = try context.account()
        context.console.out(describe(account, context.language) + "\n")
        return 0
    }

    public static func advance(_ text: String, _ context: CommandContext) throws -> Int32 {
        guard let millis = TimeFormat.parseDuration(text), millis > 0 else {
            throw WorkbookError(
                LocalizedText(en: "'\(text)' is not a duration", ko: "'\(text)'은(는) 기간이 아닙니다"),
                fix: LocalizedText(en: "write a number and a unit, e.g. 90s, 10m, 4h, 1d or 1h30m",
                                   ko: "숫자와 단위를 쓰세요. 예: 90s, 10m, 4h, 1d, 1h30m"))
        }
        return try move(context) { $0.advance(by: millis) }
    }

    public static func set(_ text: String, _ context: CommandContext) throws -> Int32 {
        guard let instant = TimeFormat.parseISO(text) else {
            throw WorkbookError(
                LocalizedText(en: "'\(text)' is not a date or time", ko: "'\(text)'은(는) 날짜나 시각이 아닙니다"),
                fix: LocalizedText(en: "use ISO 8601, e.g. 2023-05-10 or 2023-05-10T09:00:00Z",
                                   ko: "ISO 8601 형식을 쓰세요. 예: 2023-05-10 또는 2023-05-10T09:00:00Z"))
        }
        return try move(context) { $0.set(to: instant) }
    }

    /// `clock mode interactive|deterministic`.
    public static func mode(_ text: String, _ context: CommandContext) throws -> Int32 {
        guard let mode = ClockMode(rawValue: text) else {
            throw WorkbookError(LocalizedText(en: "'\(text)' is not a clock mode", ko: "'\(text)'은(는) 시계 모드가 아닙니다"),
                                fix: LocalizedText(en: "use interactive or deterministic", ko: "interactive 또는 deterministic을 쓰세요"))
        }
        return try move(context) { $0.setMode(mode) }
    }

    /// Moves the clock, saves it with the account, and prints where it now stands.
    static func move(_ context: CommandContext, _ change: (VirtualClock) -> Void) throws -> Int32 {
        let account = try context.account()
        change(account.clock)
        try account.write { _ in }
        context.console.out(describe(account, context.language) + "\n")
        return 0
    }

    static func describe(_ account: Account, _ language: Language) -> String {
        let now = TimeFormat.isoMillisZ(account.now())
        switch (account.clock.mode, language) {
        case (.interactive, .en): return "\(now) (interactive: the clock runs in real time from its anchor)"
        case (.interactive, .ko): return "\(now) (대화형: 기준 시각부터 실제 시간대로 흐릅니다)"
        case (.deterministic, .en): return "\(now) (deterministic: the clock moves only with clock commands)"
        case (.deterministic, .ko): return "\(now) (결정적: clock 명령으로만 시계가 움직입니다)"
        }
    }
}
