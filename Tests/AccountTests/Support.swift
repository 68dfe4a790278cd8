import Account
import CloudFormation
import GRDB
import SimKit
import TestSupport
import Testing

/// A fresh simulated account for one test: on disk in a temp folder, or in memory.
struct Sim {
    /// Keeps the temp folder alive as long as the account.
    let folder: TempFolder?
    let account: Account

    static func at(_ year: Int, _ month: Int, _ day: Int, seed: UInt64 = 7, onDisk: Bool = true) throws -> Sim {
        let folder = onDisk ? TempFolder("account-tests") : nil
        let account = try Account.fresh(at: folder.map { "\($0.path)/account.sqlite" },
                                         date: TimeFormat.instant(year: year, month: month, day: day), seed: seed)
        return Sim(folder: folder, account: account)
    }

    /// The lesson's usual date (after 2024: current texts, `(SDK Attempt Count: 1)`).
    static func standard(onDisk: Bool = true, seed: UInt64 = 7) throws -> Sim { try at(2026, 11, 25, seed: seed, onDisk: onDisk) }

    // MARK: Templates

    func prepare(_ yaml: String, stack: String = "app", overrides: [String: String] = [:]) throws -> DeployableTemplate {
        var root = try TemplateLoader.load(yaml, file: "template.yaml")
        if SAMTransform.isSAM(root) { root = try SAMTransform.apply(root) }
        return try TemplatePreparer.prepare(root, overrides: overrides, stackName: stack, region: account.region, accountId: account.accountId)
    }

    func plan(_ yaml: String, stack: String = "app", overrides: [String: String] = [:],
              capabilities: [String] = ["CAPABILITY_IAM"]) throws -> Result<ChangeSetPlan, AWSError> {
        let template = try prepare(yaml, stack: stack, overrides: overrides)
        return try account.write { db in
            try ChangeSetPlanner(region: account.region, account: account.accountId)
                .plan(stackName: stack, template: template, capabilities: capabilities, in: db)
        }
    }

    /// Plans and executes; fails the test when the change set is refused.
    func deploy(_ yaml: String, stack: String = "app", overrides: [String: String] = [:],
                capabilities: [String] = ["CAPABILITY_NAMED_IAM"]) throws -> StackOperationResult {
        let plan = try plan(yaml, stack: stack, overrides: overrides, capabilities: capabilities).get()
        return try execute(plan)
    }

    func execute(_ plan: ChangeSetPlan) throws -> StackOperationResult {
        try account.write { db in try deployer(db).execute(plan, in: db) }
    }

    func deleteStack(_ name: String = "app") throws -> StackOperationResult {
        try account.write { db in
            let stack = try #require(try account.stacks.live(named: name, in: db))
            return try deployer(db).delete(stack: stack, in: db)
        }
    }

    func deployer(_ db: Database) -> Deployer {
        Deployer(region: account.region, account: account.accountId, provisioner: AccountProvisioner(account: account, db: db),
                 now: { account.now() }, ids: account.ids)
    }

    // MARK: Providers called directly

    /// Calls the provider's create in its own transaction; a `ProvisionFailure` is returned (and
    /// the transaction still commits, as the deployer's would).
    func create(_ type: String, _ properties: JSONObject) throws -> Result<ProvisionResult, ProvisionFailure> {
        try create(type, "Res", properties)
    }

    func create(_ type: String, _ logicalId: String, stack: String = "app", _ properties: JSONObject) throws
        -> Result<ProvisionResult, ProvisionFailure> {
        try account.write { db in
            let request = ProvisionRequest(stackName: stack, logicalId: logicalId, type: type, properties: properties)
            do { return .success(try AccountProvisioner(account: account, db: db).create(request)) } catch let failure as ProvisionFailure {
                return .failure(failure)
            }
        }
    }

    func update(_ type: String, physicalId: String, _ properties: JSONObject) throws -> Result<ProvisionResult, ProvisionFailure> {
        try update(type, "Res", physicalId: physicalId, properties)
    }

    func update(_ type: String, _ logicalId: String, physicalId: String, _ properties: JSONObject, previous: JSONObject = [:])
        throws -> Result<ProvisionResult, ProvisionFailure> {
        try account.write { db in
            let request = ProvisionRequest(stackName: "app", logicalId: logicalId, type: type, properties: properties)
            do {
                return .success(try AccountProvisioner(account: account, db: db).update(request, physicalId: physicalId, previous: previous))
            } catch let failure as ProvisionFailure {
                return .failure(failure)
            }
        }
    }

    /// A role Lambda may assume, created through the provider; returns its ARN.
    func lambdaRole(_ name: String = "fn-role") throws -> String {
        let result = try create("AWS::IAM::Role", "FnRole", ["RoleName": .string(name), "AssumeRolePolicyDocument": Fixtures.lambdaTrust]).get()
        return try #require(result.attributes["Arn"]?.stringValue)
    }

    // MARK: State

    /// Names in each service table (what "nothing left behind" means).
    func serviceState() throws -> ServiceState {
        try account.read { db in
            ServiceState(roles: try account.roles.names(in: db), functions: try account.functions.list(in: db).map(\.name),
                         tables: try account.tables.names(in: db),
                         logGroups: try String.fetchAll(db, sql: "SELECT name FROM log_groups ORDER BY name"),
                         permissions: try Int.fetchOne(db, sql: "SELECT count(*) FROM lambda_permissions") ?? 0)
        }
    }

    func stack(_ name: String = "app") throws -> Stack? { try account.read { db in try account.stacks.live(named: name, in: db) } }

    func resources(_ name: String = "app") throws -> [StackResource] {
        try account.read { db in
            guard let stack = try account.stacks.live(named: name, in: db) else { return [] }
            return try account.stacks.resources(of: stack.stackId, in: db)
        }
    }
}

struct ServiceState: Equatable {
    var roles: [String] = []
    var functions: [String] = []
    var tables: [String] = []
    var logGroups: [String] = []
    var permissions = 0

    static let empty = ServiceState()
}

/// A test expectation that did not hold, thrown to stop the test.
struct Unexpected: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The provider's failure, or a thrown `Unexpected` when it succeeded.
func failureOf<T>(_ result: Result<T, ProvisionFailure>) throws -> ProvisionFailure {
    switch result {
    case .failure(let failure): return failure
    case .success(let value): throw Unexpected("expected a ProvisionFailure, got \(value)")
    }
}

/// Events as `STATUS LogicalId [detailed] reason` lines, easy to compare whole.
func lines(_ events: [StackEvent]) -> [String] {
    events.map { e in
        var line = "\(e.status) \(e.logicalId)"
        if let detailed = e.detailedStatus { line += " [\(detailed)]" }
        line += " " + (e.reason ?? "-")
        return line
    }
}

/// Replaces uuids with `<uuid>` so messages can be compared whole.
func maskingUUIDs(_ text: String) -> String {
    text.replacing(/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/, with: "<uuid>")
}

enum Fixtures {
    static let lambdaTrust: JSON = [
        "Version": "2012-10-17",
        "Statement": [["Effect": "Allow", "Principal": ["Service": "lambda.amazonaws.com"], "Action": "sts:AssumeRole"]],
    ]

    /// Role → Function (ZipFile) → Table, with outputs; `runtime` and extra function lines vary.
    static func app(runtime: String = "nodejs22.x", functionExtra: String = "", tableExtra: String = "") -> String {
        """
        AWSTemplateFormatVersion: '2010-09-09'
        Description: sample
        Resources:
          Table:
            Type: AWS::DynamoDB::Table
            Properties:
              BillingMode: PAY_PER_REQUEST
              AttributeDefinitions:
                - {AttributeName: ID, AttributeType: S}
              KeySchema:
                - {AttributeName: ID, KeyType: HASH}
        \(tableExtra)
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              Runtime: \(runtime)
              Handler: index.handler
              Role: !GetAtt FnRole.Arn
              Code:
                ZipFile: "exports.handler = async () => 'ok';"
              Environment:
                Variables:
                  TABLE: !Ref Table
        \(functionExtra)
          FnRole:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Version: '2012-10-17'
                Statement:
                  - Effect: Allow
                    Principal: {Service: lambda.amazonaws.com}
                    Action: sts:AssumeRole
              ManagedPolicyArns:
                - arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole
        Outputs:
          TableName:
            Description: the table
            Value: !Ref Table
          FnArn:
            Value: !GetAtt Fn.Arn
        """
    }
}
