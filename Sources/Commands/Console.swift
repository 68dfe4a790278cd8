import Foundation
import SimKit

/// Where a command reads and writes: the real terminal, or buffers when a check replays
/// `steps.sh` in-process. Commands never `print` directly.
public final class Console: @unchecked Sendable {
    // @unchecked: a console belongs to one command at a time; the buffers are only touched from it.
    public private(set) var stdoutText = ""
    public private(set) var stderrText = ""
    /// Both streams interleaved, as a terminal would show them (captured consoles only).
    public private(set) var combinedText = ""
    private let passthrough: Bool
    private var input: [String]?
    /// Whether stdout is a terminal (colour and widths follow it).
    public let isTerminal: Bool
    /// Whether stdin is a terminal (then the terminal echoes typed answers; otherwise prompts echo them).
    public var inputIsTerminal: Bool { passthrough && isatty(STDIN_FILENO) == 1 }
    /// Terminal width for SAM's tables (`COLUMNS`, else 80 as Python's `shutil` falls back to).
    public let columns: Int
    /// Colour on: a terminal and not `--plain`.
    public let color: Bool
    public let language: Language
    /// The directory relative paths are resolved against.
    public let currentDirectory: String
    /// The environment commands see (`AWS_PAGER`, `TZ`, …).
    public let environment: [String: String]

    /// The process's own terminal.
    public static func process(language: Language, plain: Bool) -> Console {
        let tty = isatty(STDOUT_FILENO) == 1
        let env = ProcessInfo.processInfo.environment
        return Console(passthrough: true, input: nil, isTerminal: tty, columns: Int(env["COLUMNS"] ?? "") ?? terminalColumns(tty) ?? 80,
                       color: tty && !plain && env["NO_COLOR"] == nil, language: language,
                       currentDirectory: FileManager.default.currentDirectoryPath, environment: env)
    }

    /// The terminal's width, as Python's `shutil.get_terminal_size` reads it for SAM's tables.
    static func terminalColumns(_ tty: Bool) -> Int? {
        guard tty else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// A captured console (checks, tests): no terminal, no colour, input from `lines`.
    public static func captured(language: Language = .en, input lines: [String] = [], currentDirectory: String,
                                environment: [String: String] = [:]) -> Console {
        Console(passthrough: false, input: lines, isTerminal: false, columns: 80, color: false, language: language,
                currentDirectory: currentDirectory, environment: environment)
    }

    init(passthrough: Bool, input: [String]?, isTerminal: Bool, columns: Int, color: Bool, language: Language,
         currentDirectory: String, environment: [String: String]) {
        self.passthrough = passthrough
        self.input = input
        self.isTerminal = isTerminal
        self.columns = columns
        self.color = color
        self.language = language
        self.currentDirectory = currentDirectory
        self.environment = environment
    }

    /// Writes to stdout as is (callers add newlines).
    public func out(_ text: String) {
        if passthrough { FileHandle.standardOutput.write(Data(text.utf8)) } else { stdoutText += text; combinedText += text }
    }

    /// Writes to stderr as is.
    public func err(_ text: String) {
        if passthrough { FileHandle.standardError.write(Data(text.utf8)) } else { stderrText += text; combinedText += text }
    }

    /// One line of input without its newline, or nil at end of input.
    public func readLine() -> String? {
        if passthrough { return Swift.readLine(strippingNewline: true) }
        guard var lines = input, !lines.isEmpty else { return nil }
        let line = lines.removeFirst()
        input = lines
        return line
    }

    /// Resolves a path the user typed against the current directory.
    public func path(_ typed: String) -> String {
        typed.hasPrefix("/") ? typed : (currentDirectory as NSString).appendingPathComponent(typed)
    }

}
