import Account
import ArgumentParser
import Commands
import DynamoDB
import Foundation
import SimKit

/// `workbook dynamodb-endpoint [--port N]`: the account's DynamoDB on the JSON 1.0 wire protocol,
/// for the real aws CLI and boto3 (`--endpoint-url http://127.0.0.1:N`), until Ctrl-C.
struct DynamoDBEndpointCommand: WorkbookRunnable {
    static let configuration = CommandConfiguration(
        commandName: "dynamodb-endpoint",
        abstract: "Serve the account's DynamoDB on 127.0.0.1 for real SDKs and the aws CLI, until Ctrl-C.",
        discussion: """
            Prints the endpoint URL, then serves. Use it with --endpoint-url, e.g.
              aws dynamodb list-tables --endpoint-url http://127.0.0.1:8000
            Every write is one transaction in the workspace's account, so other workbook commands see it at once.
            """)

    @Option(help: "The TCP port on 127.0.0.1 (0 = any free port).") var port = 0

    /// Ctrl-C (or SIGTERM) ends serving quietly with 0, like `aws logs tail --follow`.
    static let interruptedExitCode: Int32 = 0

    func run(_ context: CommandContext, globals: GlobalOptions) throws -> Int32 {
        let account = try context.account()
        let requestIDs = try account.requestIDGenerator()
        let endpoint = DynamoDBEndpoint(
            handler: Self.handler(account), region: account.region,
            requestID: { DynamoDBEndpoint.requestID(from: requestIDs) })
        let console = context.console
        let port = self.port
        try ServeUntilInterrupted.run {
            let server = try await LoopbackHTTPServer.bind(port: port, syncHandler: endpoint.httpHandler)
            console.out(server.url + "\n")
            try await server.run()
        }
        return Self.interruptedExitCode
    }

    /// The account's DynamoDB, one transaction per request, with the detailed failures that keep
    /// `CancellationReasons` (and a condition failure's `Item`) in the error body.
    static func handler(_ account: Account) -> DynamoDBClosureHandler {
        DynamoDBClosureHandler(detailed: { operation, request in try account.dynamodbDetailed(operation, request) })
    }
}

/// Runs an async server from a synchronous command until SIGINT or SIGTERM (which end it
/// normally: serving until interrupted is the command's purpose).
enum ServeUntilInterrupted {
    /// Calls `body` and blocks until it returns; a signal cancels it. Rethrows its error.
    static func run(_ body: @escaping @Sendable () async throws -> Void) throws {
        do {
            try AsyncBridge.run(body)
        } catch is CancellationError {
            // Interrupted: the server stopped as asked.
        }
    }
}
