import IAM
import SimKit
import Testing

/// "A condition key we don't model is an error by name": never a silent allow or deny.
@Suite struct UnsimulatedFeatureTests {
    @Test(arguments: [
        (#"{"StringEquals": {"aws:SourceAccount": "123456789012"}}"#, "aws:SourceAccount"),
        (#"{"ArnLike": {"AWS:SourceArn": "arn:aws:execute-api:*"}}"#, "AWS:SourceArn"),
        (#"{"Bool": {}, "ForAllValues:StringLike": {"dynamodb:LeadingKeys": ["${www.amazon.com:user_id}"]}}"#,
         "dynamodb:LeadingKeys"),
    ])
    func conditionKeyIsRejectedByName(condition: String, key: String) {
        let document = oneStatement(#""Effect": "Allow", "Action": "dynamodb:GetItem", "Resource": "*", "Condition": "#
            + condition)
        #expect(throws: WorkbookError.notSimulated("IAM condition key \(key)", at: nil)) {
            try policy(document)
        }
    }

    @Test func conditionInATrustPolicyIsRejectedToo() {
        let document = #"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"},"#
            + #""Action": "sts:AssumeRole", "Condition": {"StringEquals": {"aws:SourceAccount": "1"}}}}"#
        #expect(throws: WorkbookError.notSimulated("IAM condition key aws:SourceAccount", at: nil)) {
            try policy(document, kind: .trust)
        }
    }

    @Test func emptyConditionConstrainsNothing() throws {
        let document = oneStatement(#""Effect": "Allow", "Action": "s3:A", "Resource": "*", "Condition": {}"#)
        #expect(try policy(document).statements.count == 1)
    }

    @Test func malformedDocumentIsReportedBeforeAnUnsimulatedCondition() {
        // IAM would refuse this document; that outcome matters more than our modelling gap.
        let document = oneStatement(#""Effect": "Allow", "Action": "s3:A", "Condition": {"Bool": {"aws:SecureTransport": "true"}}"#)
        #expect(problem(document) == .missingResources(statement: 0))
    }

    @Test func notPrincipalAndPolicyVariablesAreNamed() {
        let trust = #"{"Version": "2012-10-17", "Statement": {"Effect": "Deny", "NotPrincipal": {"AWS": "arn:aws:iam::1:root"},"#
            + #""Action": "sts:AssumeRole"}}"#
        #expect(throws: WorkbookError.notSimulated("IAM NotPrincipal", at: nil)) { try policy(trust, kind: .trust) }
        let variable = oneStatement(#""Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/${aws:username}/*""#)
        #expect(throws: WorkbookError.notSimulated("IAM policy variable ${aws:username}", at: nil)) { try policy(variable) }
    }
}
