import CloudFormation
import SimKit
import Testing

/// Loads and parses a YAML fixture written inline.
func parseTemplate(_ yaml: String, file: String = "template.yaml") throws -> Template {
    try Template(parsing: TemplateLoader.load(yaml, file: file))
}

/// The `TemplateValidationError` `body` throws, if any.
func validationError(_ body: () throws -> Void) -> TemplateValidationError? {
    do { try body() } catch let error as TemplateValidationError { return error } catch { return nil }
    return nil
}

func at(_ line: Int, _ column: Int, _ file: String = "template.yaml") -> SimKit.SourceLocation {
    SimKit.SourceLocation(file: file, line: line, column: column)
}

@Suite struct TemplateModelTests {
    static let sample = """
        AWSTemplateFormatVersion: 2010-09-09
        Transform: AWS::Serverless-2016-10-31
        Description: Sprint app
        Parameters:
          Stage:
            Type: String
            Default: dev
            AllowedValues: [dev, prod]
          Secret:
            Type: String
            NoEcho: true
        Conditions:
          IsProd: !Equals [!Ref Stage, prod]
        Resources:
          Table:
            Type: AWS::DynamoDB::Table
            DeletionPolicy: Retain
            Condition: IsProd
          Fn:
            Type: AWS::Lambda::Function
            DependsOn: [Table]
            Properties:
              Role: !GetAtt Role.Arn
          Role:
            Type: AWS::IAM::Role
            DependsOn: Table
        Outputs:
          FnArn:
            Description: the function
            Value: !GetAtt Fn.Arn
            Export:
              Name: !Sub "${AWS::StackName}-fn"
        """

    @Test func readsEverySectionWithLocations() throws {
        let template = try parseTemplate(Self.sample)
        #expect(template.formatVersion?.value == "2010-09-09")
        #expect(template.transforms.map(\.value) == ["AWS::Serverless-2016-10-31"])
        #expect(template.declaresSAMTransform)
        #expect(template.description?.value == "Sprint app")
        #expect(template.parameters.map(\.name) == ["Stage", "Secret"])
        #expect(template.parameters[0].allowedValues == ["dev", "prod"])
        #expect(template.parameters[0].defaultValue == Located("dev", at: at(7, 14)))
        #expect(template.parameters[1].noEcho)
        #expect(template.parameters[1].location == at(9, 3))
        #expect(template.resources.map(\.logicalID) == ["Table", "Fn", "Role"])
        let table = try #require(template.resource("Table"))
        #expect(table.location == at(15, 3))
        #expect(table.type == Located("AWS::DynamoDB::Table", at: at(16, 11)))
        #expect(table.deletionPolicy?.value == "Retain")
        #expect(table.condition == Located("IsProd", at: at(18, 16)))
        #expect(template.resource("Fn")?.dependsOn == [Located("Table", at: at(21, 17))])
        #expect(template.resource("Role")?.dependsOn == [Located("Table", at: at(26, 16))])
        let output = try #require(template.outputs.first)
        #expect(output.name == "FnArn" && output.location == at(28, 3))
        #expect(output.exportName?.json == ["Fn::Sub": "${AWS::StackName}-fn"])
        #expect(template.conditions.keys == ["IsProd"])
    }

    @Test func transformMayBeAList() throws {
        let template = try parseTemplate("""
            Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]
            Resources:
              T: {Type: AWS::SNS::Topic}
            """)
        #expect(template.transforms.map(\.value) == ["AWS::LanguageExtensions", "AWS::Serverless-2016-10-31"])
    }

    static let structuralCases: [(String, String, SimKit.SourceLocation)] = [
        ("Resources: {}\n", "Template format error: At least one Resources member must be defined.", at(1, 1)),
        ("Description: x\n", "Template format error: At least one Resources member must be defined.", at(1, 1)),
        ("Resources:\n  A:\n    Properties: {}\n", "Template format error: [/Resources/A] Every Resources object must contain a Type member.", at(2, 3)),
        ("Resources:\n  A: 3\n", "Template format error: Any Resources member must be an object.", at(2, 6)),
        ("Resources:\n  my-bucket:\n    Type: AWS::S3::Bucket\n", "Template format error: Resource name my-bucket is non alphanumeric.", at(2, 3)),
        ("Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Invalid: 1\n", "Invalid template resource property 'Invalid'", at(4, 5)),
        ("Resourcess:\n  A: {Type: AWS::S3::Bucket}\nOther: 1\n", "Template format error: Invalid template property or properties [Resourcess, Other]", at(1, 1)),
        ("Resources:\n  A: {Type: AWS::S3::Bucket}\nOutputs:\n  O:\n    Description: x\n", "Template format error: Every Outputs member must contain a Value object", at(4, 3)),
        ("Resources:\n  A: {Type: AWS::S3::Bucket}\nOutputs:\n  MyOutput:\n    Value:\n", "[/Outputs/MyOutput/Value] 'null' values are not allowed in templates", at(5, 11)),
        ("Mappings:\n  A: [1]\nResources:\n  B: {Type: AWS::S3::Bucket}\n", "Template format error: Every Mappings member A must be a map", at(2, 6)),
        ("Mappings:\n  A:\n    K:\n      V: {x: 1}\nResources:\n  B: {Type: AWS::S3::Bucket}\n", "Template format error: Every Mappings attribute must be a String or a List.", at(4, 10)),
        ("Parameters:\n  P:\n    Default: x\nResources:\n  B: {Type: AWS::S3::Bucket}\n", "Template format error: Every Parameters object must contain a Type member.", at(2, 3)),
        ("Parameters:\n  P:\n    Type: Strin\nResources:\n  B: {Type: AWS::S3::Bucket}\n", "Template format error: Unrecognized parameter type: Strin", at(3, 11)),
        ("AWSTemplateFormatVersion: 2011-01-01\nResources:\n  B: {Type: AWS::S3::Bucket}\n", "Template format error: unsupported value for AWSTemplateFormatVersion.", at(1, 27)),
        ("- a\n- b\n", "Template format error: unsupported structure.", at(1, 1)),
    ]

    @Test(arguments: 0..<structuralCases.count)
    func structuralErrorsUseAWSTexts(index: Int) throws {
        let (yaml, message, location) = Self.structuralCases[index]
        let error = validationError { _ = try parseTemplate(yaml) }
        #expect(error?.message == message)
        #expect(error?.awsError.code == "ValidationError")
        #expect(error?.awsError.httpStatus == 400)
        #expect(error?.location == location)
    }

    @Test func samTemplatesMayHoldNullsAndExtraAttributes() throws {
        let template = try parseTemplate("""
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function:
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Connectors:
                  X: {}
            """)
        #expect(template.resources.first?.type.value == "AWS::Serverless::Function")
    }
}
