import CloudFormation
import SimKit
import Testing

/// The translator's own errors, with the locations we add, and SAM features we refuse by name.
@Suite struct SAMTransformErrorTests {
    func transform(_ yaml: String) throws -> TemplateNode {
        try SAMTransform.apply(TemplateLoader.load("Transform: AWS::Serverless-2016-10-31\n" + yaml, file: "template.yaml"))
    }

    func samError(_ yaml: String) throws -> SAMTransformError {
        do {
            _ = try transform(yaml)
        } catch let error as SAMTransformError {
            return error
        }
        throw SAMTranslatorHarness.HarnessError(message: "no SAMTransformError")
    }

    func notSimulated(_ yaml: String) throws -> WorkbookError {
        do {
            _ = try transform(yaml)
        } catch let error as WorkbookError {
            return error
        }
        throw SAMTranslatorHarness.HarnessError(message: "no WorkbookError")
    }

    static let function = """
        Resources:
          F:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: src/
              Handler: app.handler
              Runtime: nodejs22.x

        """

    @Test func missingCodeNamesTheResource() throws {
        let error = try samError("Resources:\n  NoCode:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: a.h\n      Runtime: nodejs22.x\n")
        #expect(error.message == "Invalid Serverless Application Specification document. Number of errors found: 1. Resource with id [NoCode] is invalid. Only one of 'InlineCode' or 'CodeUri' can be set.")
        #expect(error.resourceId == "NoCode")
    }

    @Test func unknownPropertyPointsAtItsKey() throws {
        let error = try samError(Self.function + "      Timeuot: 3\n")
        #expect(error.causes.map(\.message) == ["Resource with id [F] is invalid. property Timeuot not defined for resource of type AWS::Serverless::Function"])
        #expect(error.location == SourceLocation(file: "template.yaml", line: 9, column: 7))
    }

    @Test func globalsErrorsPointAtTheKey() throws {
        let error = try samError("Globals:\n  Function:\n    Policies: []\n" + Self.function)
        #expect(error.resourceId == nil)
        #expect(error.location == SourceLocation(file: "template.yaml", line: 4, column: 5))
        #expect(error.message.hasPrefix("Invalid Serverless Application Specification document. Number of errors found: 1. 'Globals' section is invalid. 'Policies' is not a supported property of 'Function'."))
    }

    @Test func policyTemplateErrorsPointAtTheTemplate() throws {
        let error = try samError(Self.function + "      Policies:\n        - DynamoDBCrudPolicy: {Table: t}\n")
        #expect(error.location == SourceLocation(file: "template.yaml", line: 10, column: 11))
        #expect(error.causes.first?.message == "Resource with id [F] is invalid. Following required parameters of template 'DynamoDBCrudPolicy' don't have values: ['TableName']")
    }

    @Test(arguments: [
        ("AWS::Serverless::Api", "Properties: {StageName: prod}"),
        ("AWS::Serverless::HttpApi", "Properties: {}"),
        ("AWS::Serverless::LayerVersion", "Properties: {ContentUri: layer/}"),
        ("AWS::Serverless::StateMachine", "Properties: {}"),
        ("AWS::Serverless::Application", "Properties: {}"),
    ])
    func otherServerlessTypesAreRefusedByName(_ type: String, _ properties: String) throws {
        let error = try notSimulated("Resources:\n  Other:\n    Type: \(type)\n    \(properties)\n")
        #expect(error.what.en == "\(type) is not simulated")
        #expect(error.location == SourceLocation(file: "template.yaml", line: 4, column: 11))
        #expect(error.exitCode == 2)
    }

    @Test func eventsAreRefusedByTypeWithTheirLocation() throws {
        let error = try notSimulated(Self.function + "      Events:\n        Hello:\n          Type: Api\n          Properties: {Path: /, Method: get}\n")
        #expect(error.what.en == "AWS::Serverless::Function event type Api is not simulated")
        #expect(error.location == SourceLocation(file: "template.yaml", line: 11, column: 17))
    }

    @Test(arguments: ["Tracing: Active", "VpcConfig: {SubnetIds: [a], SecurityGroupIds: [b]}", "AutoPublishAlias: live"])
    func unsimulatedFunctionPropertiesAreRefusedByName(_ line: String) throws {
        let error = try notSimulated(Self.function + "      \(line)\n")
        let name = String(line.prefix(while: { $0 != ":" }))
        #expect(error.what.en == "AWS::Serverless::Function property \(name) is not simulated")
        #expect(error.location == SourceLocation(file: "template.yaml", line: 9, column: 7))
    }

    @Test func otherPolicyTemplatesAreRefusedByName() throws {
        let error = try notSimulated(Self.function + "      Policies:\n        - SQSPollerPolicy: {QueueName: q}\n")
        #expect(error.what.en == "SAM policy template SQSPollerPolicy is not simulated")
        #expect(error.location == SourceLocation(file: "template.yaml", line: 10, column: 11))
    }

    @Test func unknownServerlessTypesPassThroughAsTheTranslatorLeavesThem() throws {
        let out = try transform("Resources:\n  X:\n    Type: AWS::Serverless::Nonsense\n")
        #expect(out["Resources"]?["X"]?["Type"]?.stringValue == "AWS::Serverless::Nonsense")
    }

    @Test func otherTransformsAreRefused() throws {
        let root = try TemplateLoader.load("Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]\nResources:\n  T:\n    Type: AWS::SNS::Topic\n", file: "t.yaml")
        #expect(throws: WorkbookError.self) { try SAMTransform.apply(root) }
    }
}
