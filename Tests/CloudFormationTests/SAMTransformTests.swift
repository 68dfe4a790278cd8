import CloudFormation
import Foundation
import SimKit
import Testing

/// Our transform against the real aws-sam-translator on the same files: logical ids, types, every
/// property and the order of everything must match.
@Suite struct SAMTransformTests {
    /// Every fixture under `Fixtures/sam/valid/` (at least the nine the sprint needs).
    static let validFixtures = SAMTranslatorHarness.fixtureNames("valid")

    @Test func theFixtureSetCoversTheSprint() {
        let expected = ["role-with-stray-policies", "dynamodb-crud-policy", "dynamodb-write-policy",
                        "dynamodb-read-policy", "inline-statement-policy", "managed-policy-names", "globals",
                        "simple-table", "environment-ref"]
        for name in expected { #expect(Self.validFixtures.contains(name + ".yaml"), "missing fixture \(name)") }
    }

    @Test(arguments: validFixtures)
    func matchesTheTranslator(_ name: String) throws {
        let path = "valid/" + name
        let expected = try SAMTranslatorHarness.translator(path)
        #expect(expected["error"] == nil, "the translator rejected \(name): \(expected.pretty)")
        let actual = try SAMTranslatorHarness.ours(path)
        #expect(actual == expected, "\(name)\n--- ours\n\(actual.pretty)\n--- translator\n\(expected.pretty)")
    }

    @Test(arguments: SAMTranslatorHarness.fixtureNames("invalid"))
    func rejectsAsTheTranslatorDoes(_ name: String) throws {
        let path = "invalid/" + name
        let expected = try SAMTranslatorHarness.translator(path)
        #expect(expected["error"] != nil, "the translator accepted \(name)")
        let actual = try SAMTranslatorHarness.ours(path)
        #expect(actual == expected, "\(name)\n--- ours\n\(actual.pretty)\n--- translator\n\(expected.pretty)")
    }

    @Test func sprintTemplateKeepsItsRoleAndIgnoresStrayPolicies() throws {
        let result = try SAMTransform.transform(SAMTranslatorHarness.load("valid/role-with-stray-policies.yaml"))
        let resources = try #require(result.template["Resources"]?.mapValue)
        #expect(resources.keys == ["DynamoTable", "LambdaExecRole", "LambdaPutDynamoDB"])
        let function = try #require(resources["LambdaPutDynamoDB"])
        #expect(function["Properties"]?["Role"] == TemplateNode(json: ["Fn::GetAtt": ["LambdaExecRole", "Arn"]]))
        #expect(result.template["Transform"] == nil)
    }

    @Test func localCodeIsReportedForTheDeployer() throws {
        let packaging = SAMPackaging(bucket: "my-artifacts", key: { id, uri in "\(id)/\(uri)" })
        let result = try SAMTransform.transform(SAMTranslatorHarness.load("valid/role-with-stray-policies.yaml"),
                                                packaging: packaging)
        let local = try #require(result.localCode.first)
        #expect(result.localCode.count == 1)
        #expect(local.logicalId == "LambdaPutDynamoDB")
        #expect(local.codeUri == "src/")
        #expect(local.s3Bucket == "my-artifacts" && local.s3Key == "LambdaPutDynamoDB/src/")
        #expect(local.location == SourceLocation(file: "valid/role-with-stray-policies.yaml", line: 9, column: 7))
        let code = result.template["Resources"]?["LambdaPutDynamoDB"]?["Properties"]?["Code"]
        #expect(code == TemplateNode(json: ["S3Bucket": "my-artifacts", "S3Key": "LambdaPutDynamoDB/src/"]))
    }

    @Test func s3AndInlineCodeAreNotLocal() throws {
        let result = try SAMTransform.transform(SAMTranslatorHarness.load("valid/environment-ref.yaml"))
        #expect(result.localCode.isEmpty)
        let inline = try SAMTransform.transform(SAMTranslatorHarness.load("valid/managed-policy-names.yaml"))
        #expect(inline.localCode.map(\.logicalId) == ["ManagedFunction"])
    }

    @Test func templatesWithoutTheTransformPassThrough() throws {
        let root = try TemplateLoader.load("Resources:\n  T:\n    Type: AWS::SNS::Topic\n", file: "t.yaml")
        #expect(SAMTransform.isSAM(root) == false)
        #expect(try SAMTransform.apply(root) == root)
    }
}
