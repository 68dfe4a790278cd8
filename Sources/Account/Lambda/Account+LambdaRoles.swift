import GRDB
import IAM
import SimKit

extension Account {
    /// Lambda asks IAM whether it may assume the role: it must exist and trust
    /// lambda.amazonaws.com (CreateFunction, UpdateFunctionConfiguration with a new role).
    public func lambdaCanAssume(role arn: String, in db: Database) throws -> Bool {
        guard let role = try roles.get(arn: arn, in: db) else { return false }
        return role.assumeRolePolicy.allowsAssumeRole(byService: "lambda.amazonaws.com")
    }
}
