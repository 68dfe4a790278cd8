import ArgumentParser

/// `workbook`: the root of the command tree.
struct WorkbookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workbook",
        abstract: "Serverless Sprint Workbook: deploy, call, lock down and watch a SAM app on a simulated AWS account.",
        discussion: """
            Global flags (before or after any subcommand): --workspace DIR, --lang en|ko, --json, --plain, --deterministic.
            Simulated tools: workbook sam …, workbook aws … (they take the real tools' flags).
            """,
        subcommands: [Init.self, List.self, Show.self, Check.self, Hint.self, Reset.self, Next.self, Solution.self, ClockGroup.self, Author.self, Bench.self, DynamoDBEndpointCommand.self])
}
