import SAMCLI

/// Parses a `sam` subcommand's arguments as click does: `--opt VALUE`, `--opt=VALUE`, flags,
/// options taking several values (`--capabilities A B`, `--parameter-overrides K=V K2=V2`).
/// Errors are click's usage errors (exit 2).
struct ClickArguments {
    enum Kind { case flag, value, multiple }

    let command: String
    let spec: [String: Kind]
    let aliases: [String: String]
    private(set) var values: [String: [String]] = [:]
    private(set) var flags: Set<String> = []
    private(set) var positionals: [String] = []

    init(command: String, spec: [String: Kind], aliases: [String: String] = [:], arguments: [String], positionalCount: Int = 0) throws(SAMError) {
        self.command = command
        self.spec = spec
        self.aliases = aliases
        var index = 0
        while index < arguments.count {
            var argument = arguments[index]
            var inline: String?
            if argument.hasPrefix("--"), let eq = argument.firstIndex(of: "=") {
                inline = String(argument[argument.index(after: eq)...])
                argument = String(argument[..<eq])
            }
            let name = aliases[argument] ?? argument
            guard name.hasPrefix("-") else {
                guard positionals.count < positionalCount else { throw usage("Got unexpected extra argument (\(argument))") }
                positionals.append(argument)
                index += 1
                continue
            }
            if name == "-h" || name == "--help" { flags.insert("--help"); index += 1; continue }
            guard let kind = spec[name] else { throw usage("No such option: \(argument)") }
            switch kind {
            case .flag:
                flags.insert(name)
            case .value:
                if let inline { values[name] = [inline] } else {
                    index += 1
                    guard index < arguments.count else { throw usage("Option '\(argument)' requires an argument.") }
                    values[name] = [arguments[index]]
                }
            case .multiple:
                var collected = inline.map { [$0] } ?? []
                while index + 1 < arguments.count, !arguments[index + 1].hasPrefix("--") {
                    index += 1
                    collected.append(arguments[index])
                }
                guard !collected.isEmpty else { throw usage("Option '\(argument)' requires an argument.") }
                values[name, default: []] += collected
            }
            index += 1
        }
    }

    func value(_ name: String) -> String? { values[name]?.last }
    func list(_ name: String) -> [String]? { values[name] }
    func flag(_ name: String) -> Bool { flags.contains(name) }

    /// click's usage error block (`Usage: sam deploy [OPTIONS]` …), exit 2.
    func usage(_ message: String) -> SAMError {
        SAMError(message, preamble: "Usage: sam \(command) [OPTIONS]\nTry 'sam \(command) -h' for help.\n\n", exitCode: 2)
    }
}
