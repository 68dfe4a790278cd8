/// Which stream SAM writes a piece of text to.
public enum OutputStream: Sendable, Hashable {
    /// `click.echo` / `sys.stdout.write`.
    case stdout
    /// Logger lines, upload progress and `Error: …` lines.
    case stderr
}

/// Text for one stream, in the order SAM writes it.
public struct OutputChunk: Sendable, Hashable {
    /// The stream this text goes to.
    public var stream: OutputStream
    /// The exact bytes, final newline included.
    public var text: String

    /// A chunk of text for a stream.
    public init(_ stream: OutputStream, _ text: String) {
        self.stream = stream
        self.text = text
    }
}

/// What one renderer prints: an ordered list of chunks, split by stream where SAM splits them.
public struct Emission: Sendable, Hashable, ExpressibleByArrayLiteral {
    /// The chunks in print order.
    public var chunks: [OutputChunk]

    /// Chunks in print order.
    public init(_ chunks: [OutputChunk] = []) {
        self.chunks = chunks
    }

    /// Chunks in print order.
    public init(arrayLiteral elements: OutputChunk...) {
        self.chunks = elements
    }

    /// Text for stdout only.
    public static func out(_ text: String) -> Emission { Emission([OutputChunk(.stdout, text)]) }

    /// Text for stderr only.
    public static func err(_ text: String) -> Emission { Emission([OutputChunk(.stderr, text)]) }

    /// Everything written to stdout, concatenated.
    public var stdout: String { chunks.filter { $0.stream == .stdout }.map(\.text).joined() }

    /// Everything written to stderr, concatenated.
    public var stderr: String { chunks.filter { $0.stream == .stderr }.map(\.text).joined() }

    /// Both streams interleaved as a terminal shows them.
    public var combined: String { chunks.map(\.text).joined() }

    /// This emission followed by another.
    public static func + (lhs: Emission, rhs: Emission) -> Emission { Emission(lhs.chunks + rhs.chunks) }

    /// Appends another emission.
    public static func += (lhs: inout Emission, rhs: Emission) { lhs.chunks += rhs.chunks }
}

/// A terminal colour SAM uses (click's `fg`/`bg` names).
public enum ANSIColor: Int, Sendable {
    case red = 31, green = 32, yellow = 33, cyan = 36
}

/// Click's `style`/`secho`: ANSI codes only when colour is on, as click strips them when the
/// stream is not a terminal.
public struct Palette: Sendable, Hashable {
    /// Whether ANSI codes are written.
    public var colored: Bool

    /// A palette; `colored: false` gives plain text.
    public init(colored: Bool) {
        self.colored = colored
    }

    /// Plain text, as SAM prints when stdout is not a terminal.
    public static let plain = Palette(colored: false)
    /// ANSI colour, as SAM prints to a terminal.
    public static let ansi = Palette(colored: true)

    /// `click.style(text, fg:, bg:, bold:)`; with no style at all click still appends the reset
    /// code, which is why SAM's `#…` comment lines end with a stray `\e[0m`.
    public func style(_ text: String, fg: ANSIColor? = nil, bg: ANSIColor? = nil, bold: Bool = false) -> String {
        guard colored else { return text }
        var codes = ""
        if let fg { codes += "\u{1B}[\(fg.rawValue)m" }
        if let bg { codes += "\u{1B}[\(bg.rawValue + 10)m" }
        if bold { codes += "\u{1B}[1m" }
        return codes + text + "\u{1B}[0m"
    }

    /// `click.secho(text, …)`: the styled text and a newline.
    public func line(_ text: String, fg: ANSIColor? = nil, bg: ANSIColor? = nil, bold: Bool = false) -> String {
        style(text, fg: fg, bg: bg, bold: bold) + "\n"
    }
}

extension String {
    /// Python's `format(s, "<width")`: left-justified to `width` code points, never cut.
    func pyLeft(_ width: Int) -> String {
        let count = unicodeScalars.count
        return count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
