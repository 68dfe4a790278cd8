import Foundation

/// Splits a `steps.sh` line into words the way a POSIX shell would for simple commands: single
/// quotes keep everything, double quotes allow `\"` and `\\`, a backslash escapes one character
/// outside quotes. Anything needing a real shell (pipes, `$VAR`, `;`, redirections) is refused by
/// the caller, not guessed at.
enum ShellWords {
    enum Problem: Error, Equatable { case unclosedQuote, unsupported(String) }

    static func split(_ line: String) throws(Problem) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var iterator = Array(line)
        var i = 0
        while i < iterator.count {
            let c = iterator[i]
            switch c {
            case " ", "\t":
                if inWord { words.append(current); current = ""; inWord = false }
            case "'":
                inWord = true
                guard let end = iterator[(i + 1)...].firstIndex(of: "'") else { throw .unclosedQuote }
                current += String(iterator[(i + 1)..<end])
                i = end
            case "\"":
                inWord = true
                i += 1
                var closed = false
                while i < iterator.count {
                    if iterator[i] == "\\", i + 1 < iterator.count, "\"\\$`".contains(iterator[i + 1]) {
                        current.append(iterator[i + 1]); i += 2; continue
                    }
                    if iterator[i] == "\"" { closed = true; break }
                    if iterator[i] == "$" || iterator[i] == "`" { throw .unsupported(String(iterator[i])) }
                    current.append(iterator[i]); i += 1
                }
                if !closed { throw .unclosedQuote }
            case "\\":
                inWord = true
                if i + 1 < iterator.count { current.append(iterator[i + 1]); i += 1 }
            case "|", ";", "&", ">", "<", "$", "`", "(", ")":
                throw .unsupported(String(c))
            case "#" where !inWord:
                iterator = Array(iterator[..<i])
                continue
            default:
                inWord = true
                current.append(c)
            }
            i += 1
        }
        if inWord { words.append(current) }
        return words
    }

    /// `word` as a shell would need it typed: unchanged when it is plain, else in single quotes
    /// (so a trace shows `--payload '{ "Metadata": "Hello" }'`, which the learner can paste).
    static func quote(_ word: String) -> String {
        let plain = !word.isEmpty && word.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "-_./:=,@%+".unicodeScalars.contains(scalar))
        }
        return plain ? word : "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}
