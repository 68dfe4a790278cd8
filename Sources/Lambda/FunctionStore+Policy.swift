import GRDB
import SimKit

/// GetPolicy over the stored statements.
extension FunctionStore {
    /// The function's resource policy, statements in the order they were added; nil when it has
    /// none. The wrapper `{"Version":"2012-10-17","Id":"default","Statement":[…]}` is Lambda's
    /// (botocore `examples-1.json` GetPolicy example).
    public func policy(_ name: String, in db: Database) throws -> JSON? {
        let texts = try String.fetchAll(db, sql: "SELECT statement FROM lambda_permissions WHERE function_name = ? ORDER BY rowid",
                                        arguments: [name])
        guard !texts.isEmpty else { return nil }
        let statements = try texts.map { try JSONParser.parse($0) }
        return ["Version": "2012-10-17", "Id": "default", "Statement": .array(statements)]
    }

    /// Gives the function a new RevisionId: a policy change is a change of the function
    /// (`--revision-id` of AddPermission/RemovePermission checks it).
    public func setRevision(_ name: String, _ revision: String, in db: Database) throws {
        try db.execute(sql: "UPDATE lambda_functions SET revision_id = ? WHERE name = ?", arguments: [revision, name])
    }

    /// Lambda's answer when `--revision-id` is not the function's (wording as LocalStack
    /// records it from AWS; not checked against AWS here).
    public static func revisionMismatch() -> AWSError {
        AWSError(code: "PreconditionFailedException",
                 message: "The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id",
                 httpStatus: 412)
    }
}
