import Foundation
import GRDB
import IAM
import SimKit

/// IAM roles of the account, with inline and attached managed policies.
///
/// The IAM target is a pure library; the account owns role storage.
public struct RoleStore: Sendable {
    public let account: String

    public init(account: String) { self.account = account }

    /// CreateRole (with its inline policies and managed policy ARNs, as CloudFormation sends them).
    public func create(_ role: Role, in db: Database) throws -> AWSError? {
        if try get(role.name, in: db) != nil {
            return AWSError(code: "EntityAlreadyExists", message: "Role with name \(role.name) already exists.", httpStatus: 409)
        }
        try db.execute(sql: "INSERT INTO iam_roles (name, arn, role_id, path, assume_role_policy, create_date) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [role.name, role.arn, role.roleId, role.path, role.assumeRolePolicy.source.serialized(), role.createDate])
        try replacePolicies(of: role, in: db)
        return nil
    }

    /// Replaces the trust policy, inline and managed policies of an existing role.
    public func update(_ role: Role, in db: Database) throws {
        try db.execute(sql: "UPDATE iam_roles SET assume_role_policy = ? WHERE name = ?",
                       arguments: [role.assumeRolePolicy.source.serialized(), role.name])
        try replacePolicies(of: role, in: db)
    }

    private func replacePolicies(of role: Role, in db: Database) throws {
        try db.execute(sql: "DELETE FROM iam_role_policies WHERE role_name = ?", arguments: [role.name])
        try db.execute(sql: "DELETE FROM iam_role_managed_policies WHERE role_name = ?", arguments: [role.name])
        for policy in role.inlinePolicies { try putInline(role: role.name, policy: policy, in: db) }
        for arn in role.managedPolicyArns {
            try db.execute(sql: "INSERT OR IGNORE INTO iam_role_managed_policies (role_name, policy_arn) VALUES (?, ?)", arguments: [role.name, arn])
        }
    }

    /// PutRolePolicy (replaces a policy of the same name).
    public func putInline(role: String, policy: NamedPolicy, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO iam_role_policies (role_name, policy_name, document) VALUES (?, ?, ?)
            ON CONFLICT(role_name, policy_name) DO UPDATE SET document = excluded.document
            """, arguments: [role, policy.name, policy.document.source.serialized()])
    }

    /// DeleteRolePolicy.
    public func deleteInline(role: String, policyName: String, in db: Database) throws {
        try db.execute(sql: "DELETE FROM iam_role_policies WHERE role_name = ? AND policy_name = ?", arguments: [role, policyName])
    }

    /// DeleteRole; false when there was none.
    @discardableResult
    public func delete(_ name: String, in db: Database) throws -> Bool {
        try db.execute(sql: "DELETE FROM iam_roles WHERE name = ?", arguments: [name])
        return db.changesCount > 0
    }

    /// A role with its policies.
    public func get(_ name: String, in db: Database) throws -> Role? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM iam_roles WHERE name = ?", arguments: [name]) else { return nil }
        let trust = try PolicyDocument(parsing: row["assume_role_policy"], kind: .trust)
        let inline = try Row.fetchAll(db, sql: "SELECT policy_name, document FROM iam_role_policies WHERE role_name = ? ORDER BY rowid",
                                      arguments: [name]).map { r in
            NamedPolicy(name: r["policy_name"], document: try PolicyDocument(parsing: r["document"], kind: .identity))
        }
        let managed = try String.fetchAll(db, sql: "SELECT policy_arn FROM iam_role_managed_policies WHERE role_name = ? ORDER BY rowid",
                                          arguments: [name])
        return Role(name: row["name"], path: row["path"], arn: row["arn"], roleId: row["role_id"], assumeRolePolicy: trust,
                    inlinePolicies: inline, managedPolicyArns: managed, createDate: row["create_date"])
    }

    /// The role an ARN names (`arn:aws:iam::<account>:role/<path/>name`), if it exists in this account.
    public func get(arn: String, in db: Database) throws -> Role? {
        guard let parsed = ARN(parsing: arn), parsed.service == "iam", parsed.account == account,
              parsed.resource.hasPrefix("role/") else { return nil }
        let name = String(parsed.resource.split(separator: "/").last ?? "")
        guard let role = try get(name, in: db), role.arn == arn else { return nil }
        return role
    }

    /// All roles by name.
    public func names(in db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT name FROM iam_roles ORDER BY name")
    }
}
