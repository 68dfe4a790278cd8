/// click 8.1.8's `prompt` and `confirm` (the version SAM CLI 1.170.0 pins), over an injected
/// line reader and writer so tests and lessons can drive them.
///
/// Not `Sendable`: it holds the caller's closures and is used on one task.
public struct ClickPrompter {
    /// Returns the next input line without its newline, or nil at end of input.
    public var readLine: () -> String?
    /// Receives everything printed to stdout.
    public var write: (String) -> Void
    /// Colour on or off (bold prompt labels, yellow headers).
    public var palette: Palette
    /// Write each answer and a newline after reading it, as a terminal echoes typed input
    /// (the transcripts show it; a piped stdin shows nothing).
    public var echoInput: Bool

    /// A prompter over a reader and a writer.
    public init(palette: Palette = .plain, echoInput: Bool = false,
                readLine: @escaping () -> String?, write: @escaping (String) -> Void) {
        self.readLine = readLine
        self.write = write
        self.palette = palette
        self.echoInput = echoInput
    }

    /// Writes the prompt (`text [default]: `) and reads one answer; throws at end of input.
    private func ask(_ prompt: String, hidden: Bool = false) throws(PromptAborted) -> String {
        write(prompt)
        guard let answer = readLine() else { throw PromptAborted() }
        if echoInput { write((hidden ? "" : answer) + "\n") }
        return answer
    }

    /// `click.prompt(text, default=…)`: an empty answer takes the default; with no default it
    /// asks again. `shownDefault` overrides how the default is printed (a Python list repr);
    /// `hideInput` is click's `hide_input` (NoEcho parameters: nothing echoed).
    public func prompt(_ text: String, default defaultValue: String?, shownDefault: String? = nil,
                       hideInput: Bool = false) throws(PromptAborted) -> String {
        let shown = shownDefault ?? defaultValue
        let prompt = text + (shown.map { " [\($0)]" } ?? "") + ": "
        while true {
            let answer = try ask(prompt, hidden: hideInput)
            if !answer.isEmpty { return answer }
            if let defaultValue { return defaultValue }
        }
    }

    /// `click.confirm(text, default=…)`: `[y/N]`, `[Y/n]` or `[y/n]` (no default); `y`/`yes`/`n`/`no`
    /// in any case; anything else prints `Error: invalid input` and asks again.
    public func confirm(_ text: String, default defaultValue: Bool?) throws(PromptAborted) -> Bool {
        let suffix = defaultValue.map { $0 ? "Y/n" : "y/N" } ?? "y/n"
        while true {
            let answer = try ask("\(text) [\(suffix)]: ").lowercased().trimmingPythonWhitespace()
            switch answer {
            case "y", "yes": return true
            case "n", "no": return false
            case "" where defaultValue != nil: return defaultValue ?? false
            default: write("Error: invalid input\n")
            }
        }
    }

    /// `click.secho(text)` with no style (click still appends a reset code).
    public func echoUnstyled(_ text: String) {
        write(palette.line(text))
    }

    /// A guided prompt label: TAB, then the label in bold (`f"\t{start_bold}{label}{end_bold}"`,
    /// SAM's raw escape codes, which click strips when stdout is not a terminal).
    public func guidedLabel(_ label: String) -> String {
        "\t" + palette.style(label, bold: true)
    }
}

extension String {
    /// Python's `str.strip()` for the ASCII whitespace that matters in answers.
    func trimmingPythonWhitespace() -> String {
        let scalars = Array(unicodeScalars)
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let end = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(String.UnicodeScalarView(scalars[start...end]))
    }
}
