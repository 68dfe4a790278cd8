import IAM
import Testing

@Suite struct PatternMatchingTests {
    @Test(arguments: [
        ("*", "anything:at/all", true),
        ("dynamodb:*", "dynamodb:PutItem", true),
        ("dynamodb:Get*", "dynamodb:GetItem", true),
        ("dynamodb:Get*", "dynamodb:PutItem", false),
        ("dynamodb:?etItem", "dynamodb:GetItem", true),
        ("dynamodb:?etItem", "dynamodb:etItem", false),
        ("a*b*c", "aXXbYYc", true),
        ("a*b*c", "aXXbYY", false),
        ("*Item", "dynamodb:PutItem", true),
        ("", "", true),
        ("", "x", false),
        ("**", "", true),
    ])
    func globMatching(pattern: String, text: String, expected: Bool) {
        #expect(Wildcard.matches(pattern, text) == expected)
    }

    @Test func starCrossesColonsAndSlashes() {
        // arn:aws:logs:*:*:* must cover log streams, whose resource part holds more colons.
        #expect(Wildcard.matchesResource(
            "arn:aws:logs:*:*:*", "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/f:log-stream:x"))
        #expect(Wildcard.matchesResource("arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/a/b/c.txt"))
    }

    @Test func actionsMatchCaseInsensitively() {
        #expect(Wildcard.matchesAction("dynamodb:putitem", "dynamodb:PutItem"))
        #expect(Wildcard.matchesAction("DynamoDB:PUTITEM", "dynamodb:PutItem"))
        #expect(Wildcard.matchesAction("dynamodb:put*", "dynamodb:PutItem"))
    }

    @Test func resourcesMatchCaseSensitively() {
        #expect(!Wildcard.matchesResource("arn:aws:dynamodb:*:*:table/Users", "arn:aws:dynamodb:us-east-1:1:table/users"))
        #expect(Wildcard.matchesResource("arn:aws:dynamodb:*:*:table/Users", "arn:aws:dynamodb:us-east-1:1:table/Users"))
    }

    @Test func longPatternsStayFast() {
        // A backtracking matcher would take exponential time here.
        let text = String(repeating: "a", count: 2_000)
        let pattern = String(repeating: "a*", count: 50) + "b"
        #expect(!Wildcard.matches(pattern, text))
    }

    @Test func notActionCoversEverythingElse() {
        let statement = PolicyStatement(effect: .allow, actions: .excluding(["iam:*"]), resources: .including(["*"]))
        #expect(statement.covers(action: "dynamodb:GetItem", resource: "arn:aws:dynamodb:us-east-1:1:table/T"))
        #expect(!statement.covers(action: "iam:CreateRole", resource: "*"))
        #expect(!statement.covers(action: "IAM:createrole", resource: "*"))
    }

    @Test func notResourceCoversEverythingElse() {
        let statement = PolicyStatement(effect: .allow, actions: .including(["dynamodb:*"]),
                                        resources: .excluding(["arn:aws:dynamodb:*:*:table/Secret*"]))
        #expect(statement.covers(action: "dynamodb:GetItem", resource: "arn:aws:dynamodb:us-east-1:1:table/Public"))
        #expect(!statement.covers(action: "dynamodb:GetItem", resource: "arn:aws:dynamodb:us-east-1:1:table/SecretStuff"))
    }
}
