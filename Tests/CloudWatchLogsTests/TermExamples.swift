/// Unstructured-event examples: terms, phrases, `-` and `?`, and standalone `%regex%`.
enum TermExamples {
    static let rows: [FilterPatternExampleRow] = unstructured + archived + orMatching + regex

    // DocSources.syntax, "Using filter patterns to match terms in unstructured log events".
    static let unstructured: [FilterPatternExampleRow] = [
        .init("ERROR", "[ERROR 400] BAD REQUEST", true),
        .init("ERROR", "[ERROR 401] UNAUTHORIZED REQUEST", true),
        .init("ERROR", "[ERROR 419] MISSING ARGUMENTS", true),
        .init("ERROR", "[ERROR 420] INVALID ARGUMENTS", true),
        .init("ERROR ARGUMENTS", "[ERROR 419] MISSING ARGUMENTS", true),
        .init("ERROR ARGUMENTS", "[ERROR 420] INVALID ARGUMENTS", true),
        .init("ERROR ARGUMENTS", "[ERROR 400] BAD REQUEST", false),
        .init("ERROR ARGUMENTS", "[ERROR 401] UNAUTHORIZED REQUEST", false),
        .init("?ERROR ?ARGUMENTS", "[ERROR 400] BAD REQUEST", true),
        .init("?ERROR ?ARGUMENTS", "[ERROR 401] UNAUTHORIZED REQUEST", true),
        .init("?ERROR ?ARGUMENTS", "[ERROR 419] MISSING ARGUMENTS", true),
        .init("?ERROR ?ARGUMENTS", "[ERROR 420] INVALID ARGUMENTS", true),
        // "If you combine ? with other filter patterns, all question mark terms will be ignored."
        .init("?ERROR ?ARGUMENTS REQUEST", "[INFO] REQUEST FAILED", true),
        .init("?ERROR ?ARGUMENTS REQUEST", "[WARN] UNAUTHORIZED REQUEST", true),
        .init("?ERROR ?ARGUMENTS REQUEST", "[ERROR] 400 BAD REQUEST", true),
        .init("?ERROR ?ARGUMENTS REQUEST", "[ERROR 419] MISSING ARGUMENTS", false),
        .init("\"INTERNAL SERVER ERROR\"", "[ERROR 500] INTERNAL SERVER ERROR", true),
        .init("\"INTERNAL SERVER ERROR\"", "[ERROR 400] BAD REQUEST", false),
        .init("ERROR -ARGUMENTS", "[ERROR 400] BAD REQUEST", true),
        .init("ERROR -ARGUMENTS", "[ERROR 401] UNAUTHORIZED REQUEST", true),
        .init("ERROR -ARGUMENTS", "[ERROR 419] MISSING ARGUMENTS", false),
        .init("ERROR -ARGUMENTS", "[ERROR 420] INVALID ARGUMENTS", false),
        // "You can match everything in your log events with double quotation marks."
        .init("\" \"", "[ERROR 400] BAD REQUEST", true),
        .init("\" \"", "ok", true),
        // "Filter patterns are case sensitive."
        .init("ERROR", "[error 400] bad request", false),
    ]

    // DocSources.archived, "Matching Terms in Log Events".
    static let archived: [FilterPatternExampleRow] = [
        .init("", "[ERROR] A fatal exception has occurred", true),
        .init("ERROR", "[ERROR] A fatal exception has occurred", true),
        .init("ERROR", "Exiting with ERRORCODE: -1", true),
        .init("\"ERROR\" - \"Exiting\"", "Exiting with ERRORCODE: -1", false),
        .init("\"ERROR\" - \"Exiting\"", "[ERROR] A fatal exception has occurred", true),
        .init("ERROR Exception", "[ERROR] Caught IllegalArgumentException", true),
        .init("ERROR Exception", "[ERROR] Unhandled Exception", true),
        .init("Failed to process the request", "[WARN] Failed to process the request", true),
        .init("Failed to process the request", "[ERROR] Unable to continue: Failed to process the request", true),
    ]

    // DocSources.archived, "OR Pattern Matching": events 1–3 against four patterns.
    static let orMatching: [FilterPatternExampleRow] = [
        .init("ERROR", "ERROR WARN message", true),
        .init("ERROR", "ERROR message", true),
        .init("ERROR", "WARN message", false),
        .init("?ERROR ?WARN", "ERROR WARN message", true),
        .init("?ERROR ?WARN", "ERROR message", true),
        .init("?ERROR ?WARN", "WARN message", true),
        .init("ERROR WARN", "ERROR WARN message", true),
        .init("ERROR WARN", "ERROR message", false),
        .init("ERROR WARN", "WARN message", false),
        .init("ERROR -WARN", "ERROR WARN message", false),
        .init("ERROR -WARN", "ERROR message", true),
        .init("ERROR -WARN", "WARN message", false),
    ]

    // DocSources.syntax "Supported regular expressions (regex) syntax" and DocSources.regex.
    static let regex: [FilterPatternExampleRow] = [
        .init("%AUTHORIZED%", "[ERROR 401] UNAUTHORIZED REQUEST", true),
        .init("%AUTHORIZED%", "[SUCCESS 200] AUTHORIZED REQUEST", true),
        .init("%^[hc]at%", "hat trick", true),
        .init("%^[hc]at%", "that", false),
        .init("%[hc]at$%", "the cat", true),
        .init("%[hc]at$%", "cats", false),
        .init("%colou?r%", "color", true),
        .init("%colou?r%", "colour", true),
        .init("%[abcx-z]%", "y", true),
        .init("%[abcx-z]%", "m", false),
        .init("%a{3,5}%", "aaa", true),
        .init("%a{3,5}%", "aa", false),
        .init("%gra|ey%", "gray", true),
        .init("%gra|ey%", "grey", true),
        .init("%^starting|^initializing|^shutting down%", "starting up", true),
        .init("%^starting|^initializing|^shutting down%", "shutting down", true),
        .init("%^starting|^initializing|^shutting down%", "skipping initializing cache", false),
        .init("%\\[.\\]%", "[a]", true),
        .init("%\\[.\\]%", "[ ]", true),
        .init("%ab*c%", "ac", true),
        .init("%ab*c%", "abbbc", true),
        .init("%ab[0-9]*%", "ab129", true),
        .init("%ab+c%", "abbc", true),
        .init("%ab+c%", "ac", false),
        .init("%.at%", " at", true),
        .init("%10\\.10\\.0\\.1%", "10.10.0.1", true),
        .init("%10\\.10\\.0\\.1%", "10010,051", false),
        .init("%10.10.0.1%", "10010,051", true),
        .init("%\\d%", "abc1", true),
        .init("%\\D%", "123", false),
        .init("%\\s%", "tab\there", true),
        .init("%\\w%", "__", true),
        .init("%\\W%", "abc_123", false),
        .init("%\\x3A%", "a:b", true),
        .init("%\\x28%", "f(x)", true),
        .init("%\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}%", "client 192.168.1.20 connected", true),
        .init("%[Ee]rror|[Ff]ail%", "disk fail", true),
        .init("%[Ee]rror|[Ff]ail%", "disk full", false),
        .init("%[Ee]rror|[Ff]ail%", "Fail: disk", true),
        // The docs print this one without its closing %; `%abcc|ab[^c]$%` is what they describe.
        .init("%abcc|ab[^c]$%", "abcc and more", true),
        .init("%abcc|ab[^c]$%", "aba", true),
        .init("%abcc|ab[^c]$%", "aac", false),
    ]
}
