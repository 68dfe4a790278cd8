@testable import CloudFormation
import SimKit
import Testing

/// Facts about aws-sam-translator 1.110.0 that do not depend on any deployment, checked against the
/// installed translator where it holds them as data, and written down as plain expectations otherwise.
@Suite struct SAMTranslatorFactsTests {
    /// Evaluates a Python expression with samtranslator imported and parses its JSON.
    func python(_ expression: String) throws -> JSON {
        try SAMTranslatorHarness.installation.get()
        let run = try SAMTranslatorHarness.python(["-c", "import json, os\nos.environ.setdefault('AWS_DEFAULT_REGION', 'ap-northeast-2')\n\(expression)"])
        #expect(run.status == 0)
        return try JSONParser.parse(run.stdout)
    }

    @Test func translatorVersionIsThePinnedOne() throws {
        let version = try python("import samtranslator; print(json.dumps(samtranslator.__version__))")
        #expect(version == .string(SAMTranslatorHarness.version))
    }

    @Test func managedPolicyMapIsTheBundledOne() throws {
        let bundled = try python("from samtranslator.internal.managed_policies import get_bundled_managed_policy_map as m; print(json.dumps(m('aws')))")
        let expected = try #require(bundled.objectValue)
        #expect(SAMManagedPolicies.arnsByName.count == expected.count)
        for (name, arn) in expected where SAMManagedPolicies.arnsByName[name] != arn.stringValue {
            Issue.record("\(name): ours \(SAMManagedPolicies.arnsByName[name] ?? "nil"), translator \(arn)")
        }
    }

    @Test func dynamoDBPolicyTemplatesAreCopiedVerbatim() throws {
        let installed = try python("""
            from samtranslator.policy_template_processor.processor import PolicyTemplatesProcessor as P
            t = P.get_default_policy_templates_json()['Templates']
            print(json.dumps({'names': sorted(t), 'copied': {k: t[k] for k in ['DynamoDBCrudPolicy', 'DynamoDBReadPolicy', 'DynamoDBWritePolicy']}}))
            """)
        #expect(installed["names"] == .array(SAMPolicyTemplates.allNames.sorted().map(JSON.string)))
        #expect(try JSONParser.parse(SAMPolicyTemplates.sourceJSON) == installed["copied"])
        #expect(SAMPolicyTemplates.templates.count == 3)
    }

    @Test func propertyListsAreTheTranslators() throws {
        let lists = try python("""
            from samtranslator.model.sam_resources import SamFunction, SamSimpleTable
            from samtranslator.plugins.globals.globals import Globals
            print(json.dumps({'function': list(SamFunction.property_types), 'table': list(SamSimpleTable.property_types),
                              'globals': Globals.supported_properties['AWS::Serverless::Function'],
                              'sections': sorted(k.replace('AWS::Serverless::', '') for k in Globals.supported_properties)}))
            """)
        #expect(lists["function"] == .array(SAMFunctionRules.knownProperties.map(JSON.string)))
        #expect(lists["table"] == .array(SAMSimpleTable.knownProperties.map(JSON.string)))
        #expect(lists["globals"] == .array(SAMGlobals.functionKeys.map(JSON.string)))
        #expect(lists["sections"] == .array(SAMGlobals.sectionNames.map(JSON.string)))
    }

    // Plain facts, learnt from the translator's code and output; no Python needed.

    func resources(_ yaml: String) throws -> TemplateMap {
        let root = try TemplateLoader.load("Transform: AWS::Serverless-2016-10-31\nResources:\n" + yaml, file: "t.yaml")
        return try #require(SAMTransform.apply(root)["Resources"]?.mapValue)
    }

    static let function = "  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      InlineCode: x\n      Handler: a.h\n      Runtime: nodejs22.x\n"

    @Test func generatedRoleIsNamedAfterTheFunctionAndFollowsIt() throws {
        let out = try resources(Self.function)
        #expect(out.keys == ["Fn", "FnRole"])
        let role = try #require(out["FnRole"]?["Properties"])
        #expect(role["ManagedPolicyArns"] == TemplateNode(json: ["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"]))
        #expect(role["Tags"] == TemplateNode(json: [["Key": "lambda:createdBy", "Value": "SAM"]]))
        #expect(out["Fn"]?["Properties"]?["Role"] == TemplateNode(json: ["Fn::GetAtt": ["FnRole", "Arn"]]))
    }

    @Test func inlinePolicyNamesCountEveryPoliciesEntry() throws {
        let out = try resources(Self.function + "      Policies:\n        - AmazonS3ReadOnlyAccess\n        - Statement: []\n")
        let policies = out["FnRole"]?["Properties"]?["Policies"]?.listValue
        #expect(policies?.first?["PolicyName"]?.stringValue == "FnRolePolicy1")
    }

    @Test func managedPolicyNamesBecomeARNsAndUnknownNamesStay() throws {
        #expect(SAMManagedPolicies.arn(for: "AmazonDynamoDBFullAccess") == "arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess")
        #expect(SAMManagedPolicies.arn(for: "AWSLambdaDynamoDBExecutionRole") == "arn:aws:iam::aws:policy/service-role/AWSLambdaDynamoDBExecutionRole")
        #expect(SAMManagedPolicies.arn(for: "LambdaExecRole") == "LambdaExecRole")
    }

    @Test func simpleTableDefaultsToIdStringOnDemand() throws {
        let table = try #require(resources("  T:\n    Type: AWS::Serverless::SimpleTable\n")["T"]?["Properties"])
        #expect(table == TemplateNode(json: [
            "AttributeDefinitions": [["AttributeName": "id", "AttributeType": "S"]],
            "KeySchema": [["AttributeName": "id", "KeyType": "HASH"]],
            "BillingMode": "PAY_PER_REQUEST",
        ]))
    }
}
