import Account
import AWSCLI
import GRDB
import Lambda
import SimKit

/// `aws lambda list-functions | get-function | get-function-configuration |
/// update-function-code | update-function-configuration | add-permission | get-policy`.
///
/// Every function name goes through `FunctionReference` (name, name:qualifier, partial or full
/// ARN). The simulation keeps only `$LATEST` (no published versions or aliases), so any other
/// qualifier names a version that cannot exist: ResourceNotFoundException for `<arn>:<qualifier>`.
/// Real CLI v2 options the simulation does not model are refused by name (lists from botocore
/// 1.43's Lambda model). `invoke` is a custom command (`LambdaInvokeCommand`): it alone takes a
/// positional argument, the outfile.
struct LambdaService: AWSService {
    let name = "lambda"
    var customCommands: [String: CustomAWSCommand] { ["invoke": LambdaInvokeCommand.run] }

    var operations: [AWSOperation] { readOperations + [updateCode, updateConfiguration] + permissionOperations }

    typealias P = AWSOperation.Parameter
    static let functionName = P("--function-name", "FunctionName", required: true)
    static let qualifier = P("--qualifier", "Qualifier")
    static let revisionId = P("--revision-id", "RevisionId")

    var readOperations: [AWSOperation] {
        [
            AWSOperation(cliName: "list-functions", apiName: "ListFunctions", parameters: [P("--page-size", "__PageSize", .integer)],
                         unsimulated: ["--master-region", "--function-version"] + AWSOperation.paginationOptions) { _, context in
                let account = try context.account()
                let functions = try account.read { db in try account.functions.list(in: db) }
                return .success(["Functions": .array(functions.map(\.json))])
            },
            AWSOperation(cliName: "get-function", apiName: "GetFunction", parameters: [Self.functionName, Self.qualifier]) { request, context in
                let account = try context.account()
                return try Self.configuration(request, account).map { config in
                    var response: JSONObject = ["Configuration": config.json,
                                                "Code": ["RepositoryType": "S3", "Location": .string(Self.codeLocation(config, account))]]
                    if !config.tags.isEmpty { response["Tags"] = .object(config.tags) }
                    return .object(response)
                }
            },
            AWSOperation(cliName: "get-function-configuration", apiName: "GetFunctionConfiguration",
                         parameters: [Self.functionName, Self.qualifier]) { request, context in
                try Self.configuration(request, try context.account()).map(\.json)
            },
        ]
    }

    var updateConfiguration: AWSOperation {
        AWSOperation(cliName: "update-function-configuration", apiName: "UpdateFunctionConfiguration", parameters: [
            Self.functionName, P("--role", "Role"), P("--handler", "Handler"), P("--description", "Description"),
            P("--timeout", "Timeout", .integer), P("--memory-size", "MemorySize", .integer),
            P("--environment", "Environment", .structure(["Variables": .map(.string)])), P("--runtime", "Runtime"), Self.revisionId,
        ], unsimulated: ["--vpc-config", "--dead-letter-config", "--kms-key-arn", "--tracing-config", "--layers", "--file-system-configs",
                         "--image-config", "--ephemeral-storage", "--snap-start", "--logging-config", "--capacity-provider-config",
                         "--durable-config"]) { request, context in
            let account = try context.account()
            let reference: FunctionReference
            switch Self.reference(request, account) {
            case .failure(let error): return .failure(error)
            case .success(let found): reference = found
            }
            let changes = Self.changes(request)
            return try account.write { db -> Result<FunctionConfiguration, AWSError> in
                if let problem = try Self.revisionProblem(request, reference.name, account, db) { return .failure(problem) }
                return try account.functions.updateConfiguration(
                    reference.name, changes, roleAssumable: { try account.lambdaCanAssume(role: $0, in: db) },
                    now: account.now(), ids: account.ids, in: db)
            }.map { $0.json(lastUpdate: .inProgress) }
        }
    }

    /// The members UpdateFunctionConfiguration changes. Environment values are strings in the
    /// model; a JSON number or boolean is kept as its text.
    static func changes(_ request: JSONObject) -> FunctionStore.ConfigurationChanges {
        var changes = FunctionStore.ConfigurationChanges()
        changes.role = request["Role"]?.stringValue
        changes.handler = request["Handler"]?.stringValue
        changes.description = request["Description"]?.stringValue
        changes.timeout = request.int64("Timeout").map(Int.init)
        changes.memorySize = request.int64("MemorySize").map(Int.init)
        changes.runtime = request["Runtime"]?.stringValue
        if let environment = request["Environment"]?.objectValue {
            let variables = environment["Variables"]?.objectValue ?? JSONObject()
            changes.environment = JSONObject(variables.members.map { ($0.key, JSON.string($0.value.stringValue ?? $0.value.serialized())) })
        }
        return changes
    }
}

extension LambdaService {
    /// The function a request names, checked as Lambda checks it: a malformed name is a
    /// ValidationException; a qualifier other than `$LATEST` names a version the simulation
    /// cannot have.
    static func reference(_ request: JSONObject, _ account: Account) -> Result<FunctionReference, AWSError> {
        FunctionReference.parse(request.string("FunctionName"), qualifier: request["Qualifier"]?.stringValue,
                                region: account.region, account: account.accountId).flatMap { reference in
            guard reference.isLatest else { return .failure(versionNotFound(reference, account)) }
            return .success(reference)
        }
    }

    /// `Function not found: <arn>:<qualifier>` (the qualified ARN, as Lambda names a missing version).
    static func versionNotFound(_ reference: FunctionReference, _ account: Account) -> AWSError {
        AWSError(code: "ResourceNotFoundException",
                 message: "Function not found: \(reference.arn(region: account.region, account: account.accountId))", httpStatus: 404)
    }

    /// The configuration of the function a request names.
    static func configuration(_ request: JSONObject, _ account: Account) throws -> Result<FunctionConfiguration, AWSError> {
        switch reference(request, account) {
        case .failure(let error): return .failure(error)
        case .success(let reference):
            guard let config = try account.read({ db in try account.functions.get(reference.name, in: db) }) else {
                return .failure(account.functions.notFound(reference.name))
            }
            return .success(config)
        }
    }

    /// `--revision-id` that is not the function's current one (or a missing function).
    static func revisionProblem(_ request: JSONObject, _ name: String, _ account: Account, _ db: Database) throws -> AWSError? {
        guard let config = try account.functions.get(name, in: db) else { return account.functions.notFound(name) }
        if let revision = request["RevisionId"]?.stringValue, revision != config.revisionId { return FunctionStore.revisionMismatch() }
        return nil
    }
}
