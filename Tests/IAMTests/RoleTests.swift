import IAM
import SimKit
import Testing

@Suite struct RoleTests {
    static func role(managed: [String]) throws -> Role {
        Role(name: "fn-role", arn: "arn:aws:iam::123456789012:role/fn-role", roleId: "AROAEXAMPLE0000000001",
             assumeRolePolicy: try policy(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow","#
                 + #""Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}"#, kind: .trust),
             inlinePolicies: [try named("Put", oneStatement(
                 #""Effect": "Allow", "Action": "dynamodb:PutItem", "Resource": "arn:aws:dynamodb:*:*:table/T""#))],
             managedPolicyArns: managed, createDate: 1_700_000_000_000)
    }

    @Test func effectivePoliciesAreInlineThenManagedInOrder() throws {
        let catalogue = try ManagedPolicyCatalogue.awsManaged()
        let role = try Self.role(managed: [
            "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
            "arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess",
        ])
        #expect(try role.effectivePolicies(in: catalogue).map(\.name)
            == ["Put", "AWSLambdaBasicExecutionRole", "AWSXRayDaemonWriteAccess"])
        let logs = try role.evaluate(action: "logs:PutLogEvents", resource: "arn:aws:logs:us-east-1:1:log-group:g",
                                     catalogue: catalogue)
        #expect(logs.explanation.en == "allowed by policy AWSLambdaBasicExecutionRole, statement 0")
        #expect(role.assumeRolePolicy.allowsAssumeRole(byService: "lambda.amazonaws.com"))
    }

    @Test func unknownManagedPolicyIsNamedNotIgnored() throws {
        let role = try Self.role(managed: ["arn:aws:iam::aws:policy/AdministratorAccess"])
        #expect(throws: WorkbookError.notSimulated("managed policy arn:aws:iam::aws:policy/AdministratorAccess", at: nil)) {
            try role.effectivePolicies(in: try ManagedPolicyCatalogue.awsManaged())
        }
    }
}
