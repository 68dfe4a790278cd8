import Account
import Dispatch
import Commands
import Foundation
import Lambda
import SimKit

/// `workbook bench --cases sdk` (issue 6's numbers): a handler doing one DocumentClient v3 put
/// through the bundled SDK shim, the simulated endpoint and IAM: cold; warm invokes/s with one
/// and two execution environments, as `aws lambda invoke` runs them (the account's invoker:
/// function lookup, payload check, log delivery through the role) and in the pool alone (the
/// handler, the SDK and the endpoint); and the invoker without the put, to show what each
/// part costs.
struct LambdaSDKBench {
    let iterations: Int
    let scratch: String

    static let template = """
        AWSTemplateFormatVersion: '2010-09-09'
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Items:
            Type: AWS::DynamoDB::Table
            Properties:
              BillingMode: PAY_PER_REQUEST
              AttributeDefinitions: [{AttributeName: ID, AttributeType: S}]
              KeySchema: [{AttributeName: ID, KeyType: HASH}]
          Put:
            Type: AWS::Serverless::Function
            Properties:
              FunctionName: bench-put
              CodeUri: src/
              Handler: app.handler
              Runtime: nodejs22.x
              Environment: {Variables: {DatabaseTable: !Ref Items}}
              Policies: [{DynamoDBCrudPolicy: {TableName: !Ref Items}}]

        """

    /// One v3 DocumentClient put per invocation, the client made once per environment.
    static let handler = """
        const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');
        const { DynamoDBDocumentClient, PutCommand } = require('@aws-sdk/lib-dynamodb');
        const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));
        let n = 0;
        exports.handler = async (event) => {
          if (event.skip) return { statusCode: 200, body: 'skipped' };
          await documents.send(new PutCommand({ TableName: process.env.DatabaseTable,
            Item: { ID: `${process.pid}-${n++}`, metadata: JSON.stringify(event) } }));
          return { statusCode: 200, body: 'OK!' };
        };

        """

    func run(_ c: Console) throws {
        let folder = scratch + "/sdk-app"
        try FileManager.default.createDirectory(atPath: folder + "/src", withIntermediateDirectories: true)
        try Self.template.write(toFile: folder + "/template.yaml", atomically: true, encoding: .utf8)
        try Self.handler.write(toFile: folder + "/src/app.js", atomically: true, encoding: .utf8)
        let account = try Account.fresh(at: scratch + "/sdk.sqlite", date: 1_793_491_200_000, seed: 1)
        let console = Console.captured(currentDirectory: folder)
        guard Entry.run(Bench.deployArguments, console: { _, _ in console }, account: account) == 0 else {
            throw WorkbookError(LocalizedText(en: "bench: deploying the SDK bench app failed: \(console.combinedText)"))
        }
        let request = LambdaInvokeRequest(functionName: "bench-put", payload: Array(#"{"Metadata":"Hello"}"#.utf8))
        @Sendable func invoke(_ invoker: LambdaInvoker) async throws {
            let response = try await invoker.invoke(request).get()
            guard response.functionError == nil else {
                throw WorkbookError(LocalizedText(en: "bench: the handler failed: \(String(decoding: response.payload, as: UTF8.self))"))
            }
        }
        let cold = try (0..<max(iterations, 10)).map { _ in
            try AsyncBridge.run { try await account.withLambda { invoker in try await LambdaBench.asyncMillis { try await invoke(invoker) } } }
        }
        c.out(Bench.line("cold invoke, v3 put (goal ≤ 150 ms)", LambdaBench.summary(cold)))
        let skip = LambdaInvokeRequest(functionName: "bench-put", payload: Array(#"{"skip":true}"#.utf8))
        let bare = try AsyncBridge.run {
            try await account.withLambda { invoker in
                try await LambdaBench.throughput(environments: 1, seconds: 3) { _ = try await invoker.invoke(skip).get() }
            }
        }
        c.out(Bench.line("invoke without the put, 1 env", String(format: "%.0f/s", bare)))
        let function = try account.read { db in try account.functions.get("bench-put", in: db) }!
        let code = try account.read { db in try account.functions.code("bench-put", in: db) }!
        let payload = Array(#"{"Metadata":"Hello"}"#.utf8)
        for environments in [1, 2] {
            let rate = try AsyncBridge.run {
                try await account.withLambdaPool { pool in
                    try await LambdaBench.throughput(environments: environments, seconds: 3) {
                        _ = try await pool.invoke(function, code: code, payload: payload, requestID: account.ids.uuid())
                    }
                }
            }
            c.out(Bench.line("v3 put, pool only, \(environments) env", String(format: "%.0f/s", rate)))
        }
        for environments in [1, 2] {
            let rate = try AsyncBridge.run {
                try await account.withLambda { invoker in
                    try await LambdaBench.throughput(environments: environments, seconds: 3) { try await invoke(invoker) }
                }
            }
            c.out(Bench.line("v3 put, aws lambda invoke, \(environments) env\(environments == 2 ? " (≥1,000/s)" : "")",
                             String(format: "%.0f/s", rate)))
        }
        let stored = try account.dynamodb("Scan", ["TableName": .string(try tableName(account)), "Select": "COUNT"]).get()
        c.out(Bench.line("items stored", stored["Count"].map { $0.serialized(.compact) } ?? "?"))
    }

    /// The physical name CloudFormation gave the bench table.
    private func tableName(_ account: Account) throws -> String {
        let tables = try account.dynamodb("ListTables", [:]).get()
        guard let name = tables["TableNames"]?.arrayValue?.first?.stringValue else {
            throw WorkbookError(LocalizedText(en: "bench: the SDK bench table is missing"))
        }
        return name
    }
}
