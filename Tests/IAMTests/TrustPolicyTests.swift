import IAM
import Testing

@Suite struct TrustPolicyTests {
    static func trust(_ statements: String) throws -> PolicyDocument {
        try policy(#"{"Version": "2012-10-17", "Statement": ["# + statements + "]}", kind: .trust)
    }

    static let lambdaAllow = #"{"Effect": "Allow", "Principal": {"Service": ["lambda.amazonaws.com"]}, "Action": ["sts:AssumeRole"]}"#

    @Test func lambdaMayAssumeALambdaRole() throws {
        let document = try Self.trust(Self.lambdaAllow)
        #expect(document.allowsAssumeRole(byService: "lambda.amazonaws.com"))
        #expect(!document.allowsAssumeRole(byService: "apigateway.amazonaws.com"))
    }

    @Test func ec2RoleIsNotAssumableByLambda() throws {
        let document = try Self.trust(#"{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}"#)
        #expect(!document.allowsAssumeRole(byService: "lambda.amazonaws.com"))
    }

    @Test func wildcardPrincipalAndActionCount() throws {
        #expect(try Self.trust(#"{"Effect": "Allow", "Principal": "*", "Action": "sts:*"}"#)
            .allowsAssumeRole(byService: "lambda.amazonaws.com"))
        // {"AWS": "*"} names IAM identities, not services.
        #expect(!(try Self.trust(#"{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}"#))
            .allowsAssumeRole(byService: "lambda.amazonaws.com"))
        // Only the web-identity action is granted: not enough for AssumeRole.
        #expect(!(try Self.trust(#"{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRoleWithWebIdentity"}"#))
            .allowsAssumeRole(byService: "lambda.amazonaws.com"))
    }

    @Test func denyWinsInTrustPolicies() throws {
        let document = try Self.trust(Self.lambdaAllow
            + #", {"Effect": "Deny", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}"#)
        #expect(!document.allowsAssumeRole(byService: "lambda.amazonaws.com"))
    }
}
