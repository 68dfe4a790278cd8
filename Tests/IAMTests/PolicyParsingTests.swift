import IAM
import SimKit
import Testing

@Suite struct PolicyParsingTests {
    @Test func statementMayBeASingleObjectOrAList() throws {
        let single = try policy(oneStatement(#""Effect": "Allow", "Action": "s3:GetObject", "Resource": "*""#))
        let list = try policy(#"""
            {"Version": "2012-10-17", "Statement": [
              {"Sid": "A", "Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": ["*"]},
              {"Effect": "Deny", "NotAction": "iam:*", "NotResource": "arn:aws:s3:::x"}]}
            """#)
        #expect(single.statements == [
            PolicyStatement(effect: .allow, actions: .including(["s3:GetObject"]), resources: .including(["*"])),
        ])
        #expect(list.statements.count == 2)
        #expect(list.statements[0].sid == "A")
        #expect(list.statements[0].actions == .including(["s3:GetObject", "s3:PutObject"]))
        #expect(list.statements[1].effect == .deny)
        #expect(list.statements[1].actions == .excluding(["iam:*"]))
        #expect(list.statements[1].resources == .excluding(["arn:aws:s3:::x"]))
        #expect(list.version == "2012-10-17")
    }

    @Test func sourceKeepsTheDocumentAsGiven() throws {
        let text = oneStatement(#""Resource": "*", "Action": "s3:GetObject", "Effect": "Allow""#)
        #expect(try policy(text).source == (try JSONParser.parse(text)))
    }

    @Test func trustPolicyPrincipalForms() throws {
        func principal(_ json: String) throws -> Principal? {
            try policy(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "# + json
                + #", "Action": "sts:AssumeRole"}]}"#, kind: .trust).statements[0].principal
        }
        #expect(try principal(#""*""#) == .anyone)
        #expect(try principal(#"{"Service": "lambda.amazonaws.com"}"#)
            == .identifiers([PrincipalEntry(type: .service, values: ["lambda.amazonaws.com"])]))
        #expect(try principal(#"{"Service": ["lambda.amazonaws.com", "edgelambda.amazonaws.com"], "AWS": "arn:aws:iam::123456789012:root"}"#)
            == .identifiers([
                PrincipalEntry(type: .service, values: ["lambda.amazonaws.com", "edgelambda.amazonaws.com"]),
                PrincipalEntry(type: .aws, values: ["arn:aws:iam::123456789012:root"]),
            ]))
    }

    /// SAM's policy templates arrive without a Version (aws-sam-translator 1.110.0 output for
    /// DynamoDBWritePolicy) and IAM takes them as inline policies.
    @Test func inlinePoliciesMayUseTheOldVersionOrNone() throws {
        let body = #""Statement": [{"Effect": "Allow", "Action": ["dynamodb:PutItem"], "Resource": ["arn:aws:dynamodb:*:*:table/T"]}]"#
        #expect(try policy("{\(body)}", kind: .identity).version == nil)
        #expect(try policy("{\"Version\": \"2008-10-17\", \(body)}", kind: .identity).version == "2008-10-17")
    }

    @Test func trustPoliciesMayUseTheOldVersionOrNone() throws {
        let body = #""Statement": {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}"#
        #expect(try policy("{\"Version\": \"2008-10-17\", \(body)}", kind: .trust).version == "2008-10-17")
        #expect(try policy("{\(body)}", kind: .trust).version == nil)
    }

    @Test func invalidJSONTextGetsIAMsAnswerPerKind() throws {
        #expect(problem("{not json")?.awsMessage == "Syntax errors in policy.")
        #expect(problem("{not json", kind: .trust)?.awsMessage == "This policy contains invalid Json")
    }

    // MARK: Syntax errors: IAM says only "Syntax errors in policy."; the detail says where.

    @Test(arguments: [
        (#"["not an object"]"#, PolicyProblem.notAnObject),
        (#"{"Version": "2012-10-17"}"#, .missingStatement),
        (#"{"Version": "2012-10-17", "Statement": "Allow everything"}"#, .statementNotObjectOrList),
        (#"{"Version": "2012-10-17", "Statement": []}"#, .emptyStatementList),
        (#"{"Version": "2012-10-17", "Statement": [42]}"#, .statementNotObject(statement: 0)),
        (#"{"Version": "2012-10-17", "Statements": []}"#, .unknownTopLevelElement("Statements")),
        (#"{"Version": "2012-10-18", "Statement": {}}"#, .unknownVersion("2012-10-18")),
        (oneStatement(#""Action": "s3:GetObject", "Resource": "*""#), .missingEffect(statement: 0)),
        (oneStatement(#""Effect": "Permit", "Action": "s3:GetObject", "Resource": "*""#), .invalidEffect("Permit", statement: 0)),
        (oneStatement(#""Effect": "Allow", "Action": "s3:A", "NotAction": "s3:B", "Resource": "*""#),
         .conflictingElements("Action", "NotAction", statement: 0)),
        (oneStatement(#""Effect": "Allow", "Action": "s3:A", "Resource": "*", "NotResource": "*""#),
         .conflictingElements("Resource", "NotResource", statement: 0)),
        (oneStatement(#""Effect": "Allow", "Action": ["s3:A", 7], "Resource": "*""#),
         .notStringOrList(element: "Action", statement: 0)),
        (oneStatement(#""Effect": "Allow", "Actions": "s3:A", "Resource": "*""#), .unknownStatementElement("Actions", statement: 0)),
        (oneStatement(#""Sid": 1, "Effect": "Allow", "Action": "s3:A", "Resource": "*""#), .sidNotString(statement: 0)),
        (oneStatement(#""Effect": "Allow", "Action": "s3:A", "Resource": "*", "Condition": "yes""#),
         .malformedCondition(statement: 0)),
    ])
    func syntaxErrors(document: String, expected: PolicyProblem) {
        let found = problem(document)
        #expect(found == expected)
        #expect(found?.awsMessage == "Syntax errors in policy.")
    }

    // MARK: Later checks, each with its own IAM message.

    @Test(arguments: [
        (oneStatement(#""Effect": "allow", "Action": "s3:A", "Resource": "*""#), "The policy failed legacy parsing"),
        (#"{"Version": "2012-10-17", "Statement": [{"Sid": "S", "Effect": "Allow", "Action": "s3:A", "Resource": "*"},"#
            + #"{"Sid": "S", "Effect": "Deny", "Action": "s3:B", "Resource": "*"}]}"#,
         "Statement IDs (SID) in a single policy must be unique."),
        (oneStatement(#""Effect": "Allow", "Resource": "*""#), "Policy statement must contain actions."),
        (oneStatement(#""Effect": "Allow", "Action": [], "Resource": "*""#), "Policy statement must contain actions."),
        (oneStatement(#""Effect": "Allow", "Action": "s3:A""#), "Policy statement must contain resources."),
        (oneStatement(#""Effect": "Allow", "Action": "s3:A", "Resource": "my-table""#),
         #"Resource my-table must be in ARN format or "*"."#),
        (oneStatement(#""Effect": "Allow", "Action": "PutItem", "Resource": "*""#),
         "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc."),
        (oneStatement(#""Effect": "Allow", "Action": "dynamodb:Put:Item", "Resource": "*""#),
         "Actions/Condition can contain only one colon."),
        (oneStatement(#""Effect": "Allow", "Principal": "*", "Action": "s3:A", "Resource": "*""#),
         "Policy document should not specify a principal."),
    ])
    func identityPolicyRules(document: String, message: String) {
        #expect(problem(document)?.awsMessage == message)
    }

    @Test(arguments: [
        (#"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "sts:AssumeRole"}}"#,
         "Missing required field Principal"),
        (#"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"},"#
            + #""Action": "sts:AssumeRole", "Resource": "*"}}"#, "Has prohibited field Resource"),
        (#"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"},"#
            + #""Action": "dynamodb:PutItem"}}"#, "AssumeRole policy may only specify STS AssumeRole actions."),
        (#"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"Services": "lambda.amazonaws.com"},"#
            + #""Action": "sts:AssumeRole"}}"#, "Syntax errors in policy."),
    ])
    func trustPolicyRules(document: String, message: String) {
        #expect(problem(document, kind: .trust)?.awsMessage == message)
    }

    @Test func firstProblemInIAMsOrderWins() {
        // Both a lowercase Effect (legacy parsing) and no Resource: IAM reports the Effect first.
        #expect(problem(oneStatement(#""Effect": "deny", "Action": "s3:A""#)) == .effectWrongCase("deny", statement: 0))
        // A syntax error in statement 1 beats a rule error in statement 0.
        let document = #"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:A"}, {"Action": "s3:B"}]}"#
        #expect(problem(document) == .missingEffect(statement: 1))
    }

    @Test func malformedDocumentBecomesIAMsAWSError() {
        let error = MalformedPolicyDocument(.principalNotAllowed(statement: 0))
        #expect(error.awsError == AWSError(code: "MalformedPolicyDocument",
                                           message: "Policy document should not specify a principal.", httpStatus: 400))
        #expect(error.detail.ko?.contains("문 0") == true)
    }
}
