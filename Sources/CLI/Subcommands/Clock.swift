import ArgumentParser
import Commands

/// `workbook clock show | advance DURATION | set TIME`.
struct ClockGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clock", abstract: "Show or move the account's virtual clock.",
        subcommands: [Show.self, Advance.self, Set.self, Mode.self], defaultSubcommand: Show.self)

    struct Show: WorkbookRunnable {
        static let configuration = CommandConfiguration(abstract: "Print the virtual time and the clock's mode.")
        func run(_ context: CommandContext, globals: GlobalOptions) throws -> Int32 { try ClockCommand.show(context) }
    }

    struct Advance: WorkbookRunnable {
        static let configuration = CommandConfiguration(abstract: "Move the clock forward, e.g. 90s, 10m, 4h, 1d.")
        @Argument(help: "How far: a number and a unit (ms, s, m, h, d, w), e.g. 1h30m.") var duration: String
        func run(_ context: CommandContext, globals: GlobalOptions) throws -> Int32 { try ClockCommand.advance(duration, context) }
    }

    struct Mode: WorkbookRunnable {
        static let configuration = CommandConfiguration(abstract: "Switch the clock: interactive (runs in real time) or deterministic (frozen).")
        @Argument(help: "interactive or deterministic.") var mode: String
        func run(_ context: CommandContext, globals: GlobalOptions) throws -> Int32 { try ClockCommand.mode(mode, context) }
    }

    struct Set: WorkbookRunnable {
        static let configuration = CommandConfiguration(abstract: "Set the clock, e.g. 2023-05-10 or 2023-05-10T09:00:00Z.")
        @Argument(help: "An ISO 8601 date or date-time.") var time: String
        func run(_ context: CommandContext, globals: GlobalOptions) throws -> Int32 { try ClockCommand.set(time, context) }
    }
}
