import Foundation

/// A port of Python's `textwrap.wrap` (CPython 3.11), which SAM uses to fit table cells.
///
/// Lengths are counted in Unicode scalars, as Python counts code points. Only the options SAM
/// passes are modelled; `fix_sentence_endings`, indents and `max_lines` keep Python's defaults.
public struct TextWrap: Sendable {
    /// The widest a line may be.
    public var width: Int
    /// Split words longer than `width` (Python default `True`).
    public var breakLongWords = true
    /// Turn every whitespace character into a space first (Python default `True`).
    public var replaceWhitespace = true
    /// Drop whitespace at the start and end of wrapped lines (Python default `True`).
    public var dropWhitespace = true
    /// Allow breaks after hyphens in compound words (Python default `True`).
    public var breakOnHyphens = true

    /// Python's `textwrap.wrap(text, width)` with the default options.
    public init(width: Int) {
        self.width = width
    }

    /// The options of SAM's outputs table: `replace_whitespace`, `break_long_words` and
    /// `drop_whitespace` all `False`.
    public static func outputs(width: Int) -> TextWrap {
        var wrap = TextWrap(width: width)
        wrap.breakLongWords = false
        wrap.replaceWhitespace = false
        wrap.dropWhitespace = false
        return wrap
    }

    /// The wrapped lines, without final newlines (`[]` for empty or all-blank text when
    /// whitespace is dropped).
    public func wrap(_ text: String) -> [String] {
        wrapChunks(chunks(of: munge(text)))
    }

    /// The whitespace set of `textwrap._whitespace`.
    static let whitespace: Set<Unicode.Scalar> = ["\t", "\n", "\u{0B}", "\u{0C}", "\r", " "]

    private func munge(_ text: String) -> String {
        var result = Self.expandTabs(text)
        if replaceWhitespace {
            result = String(String.UnicodeScalarView(result.unicodeScalars.map { Self.whitespace.contains($0) ? " " : $0 }))
        }
        return result
    }

    /// `str.expandtabs(8)`: tabs to the next multiple of 8, the column reset by `\n` and `\r`.
    static func expandTabs(_ text: String, tabSize: Int = 8) -> String {
        var out = String.UnicodeScalarView()
        var column = 0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\t":
                let spaces = tabSize - column % tabSize
                out.append(contentsOf: Array(repeating: " ", count: spaces))
                column += spaces
            case "\n", "\r":
                out.append(scalar)
                column = 0
            default:
                out.append(scalar)
                column += 1
            }
        }
        return String(out)
    }

    /// Python's `wordsep_re`, with `\Z` spelled `\z` (ICU's `\Z` also matches before a final newline).
    private static let wordSeparator: NSRegularExpression? = {
        let ws = #"[\t\n\x{0B}\x{0C}\r ]"#
        let nws = #"[^\t\n\x{0B}\x{0C}\r ]"#
        let wp = #"[\w!"'&.,?]"#
        let lt = #"[^\d\W]"#
        let pattern = "(\(ws)+|(?<=\(wp))-{2,}(?=\\w)|\(nws)+?(?:-(?:(?<=\(lt){2}-)|(?<=\(lt)-\(lt)-))(?=\(lt)-?\(lt))"
            + "|(?=\(ws)|\\z)|(?<=\(wp))(?=-{2,}\\w)))"
        return try? NSRegularExpression(pattern: pattern)
    }()

    private func chunks(of text: String) -> [String] {
        guard breakOnHyphens, let regex = Self.wordSeparator else { return simpleChunks(of: text) }
        let ns = text as NSString
        var pieces: [String] = []
        var last = 0
        for match in regex.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            if match.range.location > last {
                pieces.append(ns.substring(with: NSRange(location: last, length: match.range.location - last)))
            }
            pieces.append(ns.substring(with: match.range))
            last = match.range.location + match.range.length
        }
        if last < ns.length { pieces.append(ns.substring(from: last)) }
        return pieces.filter { !$0.isEmpty }
    }

    /// `wordsep_simple_re`: runs of whitespace and runs of anything else.
    private func simpleChunks(of text: String) -> [String] {
        var pieces: [String] = []
        var current = String.UnicodeScalarView()
        var inSpace: Bool?
        for scalar in text.unicodeScalars {
            let space = Self.whitespace.contains(scalar)
            if let inSpace, inSpace != space {
                pieces.append(String(current))
                current = String.UnicodeScalarView()
            }
            current.append(scalar)
            inSpace = space
        }
        if !current.isEmpty { pieces.append(String(current)) }
        return pieces
    }

    private static func isBlank(_ chunk: String) -> Bool {
        chunk.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
    }

    private func wrapChunks(_ input: [String]) -> [String] {
        var chunks = Array(input.reversed())
        var lines: [String] = []
        while !chunks.isEmpty {
            var line: [String] = []
            var length = 0
            if dropWhitespace, let last = chunks.last, Self.isBlank(last), !lines.isEmpty {
                chunks.removeLast()
            }
            while let last = chunks.last, length + last.unicodeScalars.count <= width {
                line.append(last)
                length += last.unicodeScalars.count
                chunks.removeLast()
            }
            if let last = chunks.last, last.unicodeScalars.count > width {
                handleLongWord(&chunks, &line, length)
            }
            if dropWhitespace, let tail = line.last, Self.isBlank(tail) {
                line.removeLast()
            }
            if !line.isEmpty { lines.append(line.joined()) }
        }
        return lines
    }

    private func handleLongWord(_ chunks: inout [String], _ line: inout [String], _ length: Int) {
        guard let chunk = chunks.last else { return }
        let spaceLeft = width < 1 ? 1 : width - length
        if breakLongWords {
            let scalars = Array(chunk.unicodeScalars)
            var end = spaceLeft
            if breakOnHyphens, scalars.count > spaceLeft,
               let hyphen = scalars[0..<min(spaceLeft, scalars.count)].lastIndex(of: "-"), hyphen > 0,
               scalars[0..<hyphen].contains(where: { $0 != "-" }) {
                end = hyphen + 1
            }
            end = min(end, scalars.count)
            line.append(String(String.UnicodeScalarView(scalars[0..<end])))
            chunks[chunks.count - 1] = String(String.UnicodeScalarView(scalars[end...]))
        } else if line.isEmpty {
            line.append(chunk)
            chunks.removeLast()
        }
    }
}
