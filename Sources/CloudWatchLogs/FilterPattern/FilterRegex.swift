import SimKit

/// The regex dialect of filter patterns (`%…%`), parsed into alternatives of repeated atoms.
///
/// Only what the docs list: letters, digits, the symbols `: _ # = @ / ; , -`, spaces, and the
/// operators `^ $ ? [ ] { } | \ * + .`, plus `\d \D \s \S \w \W \xhh`; no parentheses and no
/// multi-byte characters. Without groups, `|` splits the whole expression and every quantifier
/// applies to one atom, so a plain backtracking matcher cannot blow up exponentially.
/// https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html#regex-expressions
struct FilterRegex: Sendable, Equatable {
    /// One character test.
    enum Atom: Sendable, Equatable {
        case literal(Character)
        case any
        case set(CharacterSet)
        /// `^` and `$`: zero-width anchors.
        case start, end
    }

    /// A class such as `[a-z_]`, `[^c]` or `\d`.
    struct CharacterSet: Sendable, Equatable {
        enum Item: Sendable, Equatable {
            case character(Character)
            case range(Character, Character)
            case digit, space, word
            case notDigit, notSpace, notWord
        }
        var items: [Item]
        var negated = false
    }

    /// An atom and how often it repeats (`max == nil`: unbounded).
    struct Piece: Sendable, Equatable {
        var atom: Atom
        var min = 1
        var max: Int? = 1
    }

    /// The regex as written between the percent signs.
    let source: String
    /// The `|`-separated alternatives; the regex matches where any of them does.
    let alternatives: [[Piece]]

    /// Parses `source`, whose first character sits at `column` of the whole pattern.
    init(_ source: String, column: Int) throws(FilterPatternError) {
        self.source = source
        var parser = Parser(characters: Array(source), baseColumn: column)
        alternatives = try parser.parse()
    }
}

private let symbolCharacters: Set<Character> = [":", "_", "#", "=", "@", "/", ";", ",", "-", " "]
private let operatorCharacters: Set<Character> = ["^", "$", "?", "[", "]", "{", "}", "|", "\\", "*", "+", "."]

/// Recursive-descent parser over the regex body.
private struct Parser {
    let characters: [Character]
    let baseColumn: Int
    var index = 0

    var current: Character? { index < characters.count ? characters[index] : nil }
    var column: Int { baseColumn + index }

    mutating func parse() throws(FilterPatternError) -> [[FilterRegex.Piece]] {
        try checkAlphabet()
        var alternatives: [[FilterRegex.Piece]] = [[]]
        while let character = current {
            switch character {
            case "|":
                guard !(alternatives.last?.isEmpty ?? true) else { throw .expected(.regexTerm, at: column) }
                alternatives.append([])
                index += 1
            case "?", "*", "+", "{":
                try applyQuantifier(to: &alternatives[alternatives.count - 1])
            default:
                alternatives[alternatives.count - 1].append(FilterRegex.Piece(atom: try atom()))
            }
        }
        guard !(alternatives.last?.isEmpty ?? true) else { throw .expected(.regexTerm, at: column) }
        return alternatives
    }

    /// Rejects any character outside the documented alphabet before parsing structure.
    func checkAlphabet() throws(FilterPatternError) {
        for (offset, character) in characters.enumerated() {
            let allowed = character.isASCII && (character.isLetter || character.isNumber)
                || symbolCharacters.contains(character) || operatorCharacters.contains(character)
            if !allowed { throw .regexCharacter(character, at: baseColumn + offset) }
        }
    }

    mutating func atom() throws(FilterPatternError) -> FilterRegex.Atom {
        let character = characters[index]
        index += 1
        switch character {
        case ".": return .any
        case "^": return .start
        case "$": return .end
        case "[": return .set(try characterClass())
        case "\\": return try escape()
        default: return .literal(character)
        }
    }

    /// After a backslash: a class shorthand, `\xhh`, or an escaped operator or symbol.
    mutating func escape() throws(FilterPatternError) -> FilterRegex.Atom {
        guard let character = current else { throw .regexBadEscape(at: column - 1) }
        index += 1
        switch character {
        case "d": return .set(.init(items: [.digit]))
        case "D": return .set(.init(items: [.notDigit]))
        case "s": return .set(.init(items: [.space]))
        case "S": return .set(.init(items: [.notSpace]))
        case "w": return .set(.init(items: [.word]))
        case "W": return .set(.init(items: [.notWord]))
        case "x": return .literal(try hexCharacter())
        case _ where operatorCharacters.contains(character) || symbolCharacters.contains(character):
            return .literal(character)
        default: throw .regexBadEscape(at: column - 2)
        }
    }

    mutating func hexCharacter() throws(FilterPatternError) -> Character {
        let start = column
        guard index + 1 < characters.count, let high = characters[index].hexDigitValue,
              let low = characters[index + 1].hexDigitValue,
              let scalar = Unicode.Scalar(UInt32(high * 16 + low))
        else { throw .expected(.hexDigits, at: start) }
        index += 2
        return Character(scalar)
    }

    /// `?`, `*`, `+` or `{m,n}` after the last atom of `pieces`.
    mutating func applyQuantifier(to pieces: inout [FilterRegex.Piece]) throws(FilterPatternError) {
        let start = column
        guard var last = pieces.last, last.min == 1, last.max == 1,
              last.atom != .start, last.atom != .end
        else { throw .regexNothingToRepeat(at: start) }
        let character = characters[index]
        index += 1
        switch character {
        case "?": (last.min, last.max) = (0, 1)
        case "*": (last.min, last.max) = (0, nil)
        case "+": (last.min, last.max) = (1, nil)
        default: (last.min, last.max) = try braces(start: start)
        }
        pieces[pieces.count - 1] = last
    }

    /// `{m,n}`, `{m}`, `{m,}` or `{,n}`; spaces are allowed around numbers, as the docs write `{m, n}`.
    mutating func braces(start: Int) throws(FilterPatternError) -> (Int, Int?) {
        var body = ""
        while let character = current, character != "}" {
            body.append(character)
            index += 1
        }
        guard current == "}" else { throw .expected(.quantifier, at: start) }
        index += 1
        let parts = body.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingSpaces }
        func count(_ text: Substring) -> Int? { text.allSatisfy(\.isASCIIDigit) ? Int(text) : nil }
        if parts.count == 1, let exact = count(parts[0]) { return (exact, exact) }
        guard parts.count == 2, !(parts[0].isEmpty && parts[1].isEmpty) else { throw .expected(.quantifier, at: start) }
        let low = parts[0].isEmpty ? 0 : count(parts[0])
        let high = parts[1].isEmpty ? nil : count(parts[1])
        guard let low, parts[1].isEmpty || (high ?? -1) >= low else { throw .expected(.quantifier, at: start) }
        return (low, high)
    }
}

extension Parser {
    /// The items of a `[...]` class, the opening bracket already consumed.
    mutating func characterClass() throws(FilterPatternError) -> FilterRegex.CharacterSet {
        let start = column - 1
        var set = FilterRegex.CharacterSet(items: [])
        if current == "^" { set.negated = true; index += 1 }
        while let character = current, character != "]" {
            index += 1
            var item: FilterRegex.CharacterSet.Item
            if character == "\\" {
                switch try escape() {
                case .literal(let literal): item = .character(literal)
                case .set(let shorthand): item = shorthand.items[0]
                default: throw .regexBadEscape(at: column - 2)
                }
            } else {
                item = .character(character)
            }
            if case .character(let low) = item, current == "-", index + 1 < characters.count, characters[index + 1] != "]" {
                index += 1
                let high = characters[index]
                guard high != "\\", low <= high else { throw .regexBadRange(at: column) }
                index += 1
                item = .range(low, high)
            }
            set.items.append(item)
        }
        guard current == "]", !set.items.isEmpty else { throw .expected(.closingClass, at: current == nil ? start : column) }
        index += 1
        return set
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension Substring {
    var trimmingSpaces: Substring {
        var text = self
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return text
    }
}

/// Searching text with a `FilterRegex`: a match anywhere counts, as with the docs' `%AUTHORIZED%`
/// matching "UNAUTHORIZED REQUEST"; `^` and `$` anchor to the start and end of the text.
extension FilterRegex {
    /// Whether the regex matches somewhere in `text`.
    func matches(_ text: String) -> Bool {
        let characters = Array(text)
        return alternatives.contains { pieces in
            if pieces.first?.atom == .start { return match(pieces, 0, characters, 0) }
            return (0...characters.count).contains { match(pieces, 0, characters, $0) }
        }
    }

    /// Whether `pieces[pieceIndex...]` match `characters` from `position` on (greedy, backtracking).
    private func match(_ pieces: [Piece], _ pieceIndex: Int, _ characters: [Character], _ position: Int) -> Bool {
        guard pieceIndex < pieces.count else { return true }
        let piece = pieces[pieceIndex]
        switch piece.atom {
        case .start: return position == 0 && match(pieces, pieceIndex + 1, characters, position)
        case .end: return position == characters.count && match(pieces, pieceIndex + 1, characters, position)
        default: break
        }
        var count = 0
        let limit = piece.max.map { min($0, characters.count - position) } ?? characters.count - position
        while count < limit, piece.atom.accepts(characters[position + count]) { count += 1 }
        guard count >= piece.min else { return false }
        for taken in stride(from: count, through: piece.min, by: -1)
        where match(pieces, pieceIndex + 1, characters, position + taken) {
            return true
        }
        return false
    }
}

extension FilterRegex.Atom {
    /// Whether this (non-anchor) atom accepts `character`.
    func accepts(_ character: Character) -> Bool {
        switch self {
        case .literal(let literal): literal == character
        case .any: true
        case .set(let set): set.contains(character)
        case .start, .end: false
        }
    }
}

extension FilterRegex.CharacterSet {
    /// Whether the class accepts `character`.
    func contains(_ character: Character) -> Bool {
        items.contains { $0.accepts(character) } != negated
    }
}

extension FilterRegex.CharacterSet.Item {
    /// Whitespace per the docs: "tab (\t), space ( ), and newline (\n)".
    private static let whitespace: Set<Character> = ["\t", " ", "\n", "\r\n"]

    func accepts(_ character: Character) -> Bool {
        switch self {
        case .character(let expected): character == expected
        case .range(let low, let high): low <= character && character <= high
        case .digit: character.isASCIIDigit
        case .notDigit: !character.isASCIIDigit
        case .space: Self.whitespace.contains(character)
        case .notSpace: !Self.whitespace.contains(character)
        case .word: character.isPatternWordCharacter
        case .notWord: !character.isPatternWordCharacter
        }
    }
}
