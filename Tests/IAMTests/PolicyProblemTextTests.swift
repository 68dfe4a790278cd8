import IAM
import SimKit
import Testing

/// Every problem has a Korean detail (STYLE.md rule 5: a missing translation is a test failure).
@Suite struct PolicyProblemTextTests {
    static let everyProblem: [PolicyProblem] = [
        .invalidJSON(kind: .identity, reason: "r"), .notAnObject, .unknownTopLevelElement("X"), .unknownVersion("1"),
        .missingStatement, .statementNotObjectOrList, .emptyStatementList, .statementNotObject(statement: 0),
        .unknownStatementElement("X", statement: 0), .missingEffect(statement: 0), .invalidEffect("X", statement: 0),
        .conflictingElements("A", "B", statement: 0), .notStringOrList(element: "Action", statement: 0),
        .sidNotString(statement: 0), .malformedCondition(statement: 0), .malformedPrincipal(statement: 0),
        .effectWrongCase("allow", statement: 0), .duplicateSid("S"), .missingActions(statement: 0),
        .missingResources(statement: 0), .resourceNotARN("r"), .missingServicePrefix("PutItem"), .tooManyColons("a:b:c"),
        .principalNotAllowed(statement: 0), .missingPrincipal(statement: 0),
        .prohibitedResource(element: "Resource", statement: 0), .nonSTSAction("s3:GetObject"),
    ]

    @Test(arguments: everyProblem)
    func detailIsTranslated(problem: PolicyProblem) {
        #expect(problem.detail.ko != nil)
        #expect(problem.detail.ko != problem.detail.en)
        #expect(!problem.awsMessage.isEmpty)
    }
}
