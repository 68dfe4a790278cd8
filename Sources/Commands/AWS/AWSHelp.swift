import SimKit

/// `aws help`, `aws <service> help` and `aws <service> <operation> help`.
///
/// The real CLI opens its manual pages there. The simulation prints what it models instead
/// (services, operations, an operation's parameters), so the usage banner's "To see help text,
/// you can run: aws help" leads somewhere rather than to an error.
enum AWSHelp {
    /// The help the words ask for, or nil when they do not ask for help.
    static func text(_ words: [String], services: [any AWSService]) -> String? {
        guard words.last == "help", (1...3).contains(words.count) else { return nil }
        let manual = "The real aws CLI shows its manual here; the AWS CLI Command Reference is at\n"
            + "https://awscli.amazonaws.com/v2/documentation/api/latest/index.html\n"
        switch words.count {
        case 1:
            return "aws (simulated by the workbook: aws-cli/2.31.0)\n\nCommands it simulates:\n\n"
                + services.map(\.name).sorted().map { "  \($0)\n" }.joined()
                + "\nRun: workbook aws <command> help\n\n" + manual
        case 2:
            guard let service = services.first(where: { $0.name == words[0] }) else { return nil }
            let names = (service.operations.map(\.cliName) + service.customCommands.keys).sorted()
            return "aws \(service.name) (simulated)\n\nSubcommands it simulates:\n\n" + names.map { "  \($0)\n" }.joined()
                + "\nRun: workbook aws \(service.name) <subcommand> help\n\n" + manual
        default:
            guard let service = services.first(where: { $0.name == words[0] }) else { return nil }
            if service.customCommands[words[1]] != nil {
                return "aws \(service.name) \(words[1]) (simulated, with the real command's options)\n\n" + manual
            }
            guard let operation = service.operations.first(where: { $0.cliName == words[1] }) else { return nil }
            let options = operation.parameters.map { "  \($0.cliName)\($0.required ? "  (required)" : "")\n" }.joined()
            let refused = operation.unsimulated.isEmpty ? ""
                : "\nOptions of the real command that the simulation refuses: " + operation.unsimulated.joined(separator: ", ") + "\n"
            return "aws \(service.name) \(operation.cliName) (simulated; API operation \(operation.apiName))\n\nOptions:\n\n"
                + options + refused + "\n" + manual
        }
    }
}
