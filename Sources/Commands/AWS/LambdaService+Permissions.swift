import Account
import AWSCLI
import Lambda
import SimKit

/// `add-permission` and `get-policy`: the function's resource policy.
extension LambdaService {
    var permissionOperations: [AWSOperation] {
        [
            AWSOperation(cliName: "add-permission", apiName: "AddPermission", parameters: [
                Self.functionName, P("--statement-id", "StatementId", required: true), P("--action", "Action", required: true),
                P("--principal", "Principal", required: true), P("--source-arn", "SourceArn"), P("--source-account", "SourceAccount"),
                Self.qualifier, Self.revisionId,
            ], unsimulated: ["--event-source-token", "--principal-org-id", "--function-url-auth-type", "--invoked-via-function-url"],
            handler: Self.addPermission),
            AWSOperation(cliName: "get-policy", apiName: "GetPolicy", parameters: [Self.functionName, Self.qualifier],
                         handler: Self.getPolicy),
        ]
    }

    /// GetPolicy: `{"Policy": "<the policy as JSON text>", "RevisionId": …}`.
    @Sendable static func getPolicy(_ request: JSONObject, _ context: CommandContext) throws -> Result<JSON, AWSError> {
        let account = try context.account()
        let config: FunctionConfiguration
        switch try Self.configuration(request, account) {
        case .failure(let error): return .failure(error)
        case .success(let found): config = found
        }
        guard let policy = try account.read({ db in try account.functions.policy(config.name, in: db) }) else {
            // Lambda's answer for a function without a policy (LocalStack's provider records
            // the same text from AWS).
            return .failure(AWSError(code: "ResourceNotFoundException", message: "The resource you requested does not exist.", httpStatus: 404))
        }
        return .success(["Policy": .string(policy.serialized()), "RevisionId": .string(config.revisionId)])
    }

    /// AddPermission: `{"Statement": "<the statement as JSON text>"}`; the function gets a new
    /// RevisionId. A duplicate statement id is FunctionStore's ResourceConflictException.
    @Sendable static func addPermission(_ request: JSONObject, _ context: CommandContext) throws -> Result<JSON, AWSError> {
        let account = try context.account()
        let sid = request.string("StatementId")
        if let problem = PermissionStatement.validate(sid: sid) { return .failure(problem) }
        if request["Qualifier"]?.stringValue == "$LATEST" || request.string("FunctionName").hasSuffix(":$LATEST") {
            // Lambda keeps no policy on $LATEST itself (the unqualified function holds it).
            return .failure(invalid("We currently do not support adding policies for $LATEST."))
        }
        let reference: FunctionReference
        switch Self.reference(request, account) {
        case .failure(let error): return .failure(error)
        case .success(let found): reference = found
        }
        let statement = PermissionStatement.make(
            sid: sid, action: request.string("Action"), principal: request.string("Principal"),
            resource: reference.arn(region: account.region, account: account.accountId),
            sourceArn: request["SourceArn"]?.stringValue, sourceAccount: request["SourceAccount"]?.stringValue)
        return try account.write { db -> Result<JSON, AWSError> in
            if let problem = try Self.revisionProblem(request, reference.name, account, db) { return .failure(problem) }
            if let error = try account.functions.addPermission(function: reference.name, sid: sid, statement: statement, in: db) {
                return .failure(error)
            }
            try account.functions.setRevision(reference.name, account.ids.uuid(), in: db)
            return .success(["Statement": .string(statement.serialized())])
        }
    }
}
