import IAM
import SimKit
import Testing

@Suite struct PolicyEvaluatorTests {
    static let table = "arn:aws:dynamodb:us-east-1:123456789012:table/lambda-to-dynamodb-DynamoTable-ABC"

    /// The 2023 sprint's function role: one inline policy allowing only PutItem on the stack's table.
    static func sprintRolePolicies() throws -> [NamedPolicy] {
        [try named("AllowPutSpecificTable", #"""
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "dynamodb:PutItem",
              "Resource": "arn:aws:dynamodb:*:*:table/lambda-to-dynamodb-DynamoTable-ABC"}]}
            """#)]
    }

    @Test func sprintRoleAllowsPutItem() throws {
        let decision = evaluate(action: "dynamodb:PutItem", resource: Self.table, policies: try Self.sprintRolePolicies())
        #expect(decision.outcome == .allow)
        #expect(decision.isAllowed)
        #expect(decision.statement == StatementReference(policyName: "AllowPutSpecificTable", index: 0, sid: nil))
        #expect(decision.explanation.en == "allowed by policy AllowPutSpecificTable, statement 0")
        #expect(decision.explanation.ko == "정책 AllowPutSpecificTable의 문 0에 의해 허용됨")
        #expect(decision.accessDeniedReason == nil)
    }

    @Test func sprintRoleImplicitlyDeniesGetItem() throws {
        let decision = evaluate(action: "dynamodb:GetItem", resource: Self.table, policies: try Self.sprintRolePolicies())
        #expect(decision.outcome == .implicitDeny)
        #expect(!decision.isAllowed)
        #expect(decision.statement == nil)
        #expect(decision.explanation.en == "no statement allows dynamodb:GetItem on \(Self.table)")
        #expect(decision.explanation.ko == "\(Self.table)에 대한 dynamodb:GetItem을(를) 허용하는 문이 없음")
        #expect(decision.accessDeniedReason == "because no identity-based policy allows the dynamodb:GetItem action")
    }

    @Test func sprintRoleImplicitlyDeniesLogs() throws {
        let logGroup = "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/f:log-stream:2023/01/01/[$LATEST]abc"
        let decision = evaluate(action: "logs:PutLogEvents", resource: logGroup, policies: try Self.sprintRolePolicies())
        #expect(decision.outcome == .implicitDeny)
    }

    @Test func otherTableIsImplicitlyDenied() throws {
        let other = "arn:aws:dynamodb:us-east-1:123456789012:table/lambda-to-dynamodb-DynamoTable-XYZ"
        #expect(evaluate(action: "dynamodb:PutItem", resource: other, policies: try Self.sprintRolePolicies()).outcome
            == .implicitDeny)
    }

    @Test func actionCaseDoesNotMatterButResourceCaseDoes() throws {
        let policies = try Self.sprintRolePolicies()
        #expect(evaluate(action: "DynamoDB:putitem", resource: Self.table, policies: policies).outcome == .allow)
        #expect(evaluate(action: "dynamodb:PutItem", resource: Self.table.lowercased(), policies: policies).outcome
            == .implicitDeny)
    }

    @Test func denyWinsWhicheverOrder() throws {
        let allowAll = try named("AllowAll", oneStatement(#""Effect": "Allow", "Action": "*", "Resource": "*""#))
        let denyDelete = try named("NoDeletes", #"""
            {"Version": "2012-10-17", "Statement": [
              {"Sid": "Unrelated", "Effect": "Deny", "Action": "s3:*", "Resource": "*"},
              {"Sid": "NoTableDeletes", "Effect": "Deny", "Action": "dynamodb:Delete*", "Resource": "*"}]}
            """#)
        for policies in [[allowAll, denyDelete], [denyDelete, allowAll]] {
            let decision = evaluate(action: "dynamodb:DeleteTable", resource: Self.table, policies: policies)
            #expect(decision.outcome == .explicitDeny)
            #expect(decision.statement == StatementReference(policyName: "NoDeletes", index: 1, sid: "NoTableDeletes"))
            #expect(decision.explanation.en == "explicitly denied by policy NoDeletes, statement NoTableDeletes")
            #expect(decision.accessDeniedReason == "with an explicit deny in an identity-based policy")
        }
        #expect(evaluate(action: "dynamodb:PutItem", resource: Self.table, policies: [allowAll, denyDelete]).outcome == .allow)
    }

    @Test func notActionDenyLeavesTheRestToAllows() throws {
        let policies = [
            try named("AllowDynamo", oneStatement(#""Effect": "Allow", "Action": "dynamodb:*", "Resource": "*""#)),
            try named("OnlyReads", oneStatement(#""Effect": "Deny", "NotAction": ["dynamodb:Get*", "dynamodb:Query"], "Resource": "*""#)),
        ]
        #expect(evaluate(action: "dynamodb:GetItem", resource: Self.table, policies: policies).outcome == .allow)
        #expect(evaluate(action: "dynamodb:Query", resource: Self.table, policies: policies).outcome == .allow)
        #expect(evaluate(action: "dynamodb:PutItem", resource: Self.table, policies: policies).outcome == .explicitDeny)
    }

    @Test func notResourceAllowSkipsTheExcludedTable() throws {
        let policies = [try named("AllButAudit", oneStatement(
            #""Effect": "Allow", "Action": "dynamodb:PutItem", "NotResource": "arn:aws:dynamodb:*:*:table/Audit""#))]
        #expect(evaluate(action: "dynamodb:PutItem", resource: Self.table, policies: policies).outcome == .allow)
        #expect(evaluate(action: "dynamodb:PutItem", resource: "arn:aws:dynamodb:us-east-1:1:table/Audit",
                         policies: policies).outcome == .implicitDeny)
    }

    @Test func firstMatchingAllowIsReported() throws {
        let policies = [
            try named("First", oneStatement(#""Effect": "Allow", "Action": "s3:GetObject", "Resource": "*""#)),
            try named("Second", #"""
                {"Version": "2012-10-17", "Statement": [{"Sid": "", "Effect": "Allow", "Action": "s3:Put*", "Resource": "*"},
                  {"Effect": "Allow", "Action": "dynamodb:*", "Resource": "*"}]}
                """#),
        ]
        let decision = evaluate(action: "dynamodb:PutItem", resource: Self.table, policies: policies)
        #expect(decision.statement == StatementReference(policyName: "Second", index: 1, sid: nil))
        // An empty Sid is no name: the index is printed instead.
        let put = evaluate(action: "s3:PutObject", resource: "arn:aws:s3:::b/k", policies: policies)
        #expect(put.explanation.en == "allowed by policy Second, statement 0")
    }

    @Test func noPoliciesMeansImplicitDeny() {
        #expect(evaluate(action: "s3:GetObject", resource: "arn:aws:s3:::b/k", policies: []).outcome == .implicitDeny)
    }
}
