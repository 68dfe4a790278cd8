import CloudFormation
import SimKit
import Testing

@Suite struct TemplateAnalyzerTests {
    func analyze(_ yaml: String) throws -> DependencyGraph {
        try TemplateAnalyzer.analyze(parseTemplate(yaml))
    }

    func failure(_ yaml: String) -> TemplateValidationError? {
        validationError { _ = try analyze(yaml) }
    }

    @Test func bundledCatalogHasTheRealTypes() {
        let catalog = ResourceTypeCatalog.bundled
        #expect(catalog.types.count > 1000)
        #expect(catalog.isCloudFormationType("AWS::Lambda::Function"))
        #expect(catalog.isCloudFormationType("Custom::Seeder"))
        #expect(!catalog.isCloudFormationType("AWS::Lambda::Functon"))
        #expect(!catalog.isCloudFormationType("AWS::Serverless::Function"))
    }

    @Test func unrecognizedTypesAreListedOnce() {
        let error = failure("""
            Resources:
              A: {Type: AWS::Lambda::Functon}
              B: {Type: AWS::Serverless::Function}
              C: {Type: AWS::Lambda::Functon}
            """)
        #expect(error?.message == "Template format error: Unrecognized resource types: [AWS::Lambda::Functon, AWS::Serverless::Function]")
        #expect(error?.location == at(2, 13))
    }

    @Test func samTypesNeedTheTransform() throws {
        _ = try analyze("""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn: {Type: AWS::Serverless::Function}
            """)
    }

    @Test func unresolvedReferencesAreReportedTogether() {
        let error = failure("""
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                DependsOn: Ghost
                Properties:
                  Role: !Ref InvalidRef
                  Name: !Sub "${Missing}-${AWS::Region}"
            """)
        #expect(error?.message == "Template format error: Unresolved resource dependencies [Ghost, InvalidRef, Missing] in the Resources block of the template")
        #expect(error?.location == at(4, 16))
    }

    @Test func getAttToAMissingResource() {
        let error = failure("""
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Role: !GetAtt Role.Arn
            """)
        #expect(error?.message == "Template error: instance of Fn::GetAtt references undefined resource Role")
        #expect(error?.location == at(5, 13))
    }

    @Test func outputsBlock() {
        #expect(failure("""
            Resources:
              T: {Type: AWS::SNS::Topic}
            Outputs:
              O: {Value: !Ref MyTopic}
            """)?.message == "Template format error: Unresolved resource dependencies [MyTopic] in the Outputs block of the template")
    }

    @Test func unknownFunctionIsFoundStatically() {
        let error = failure("""
            Resources:
              T:
                Type: AWS::SNS::Topic
                Properties:
                  TopicName: {Fn::Foo: x}
            """)
        #expect(error?.message.hasPrefix("Template Error: Encountered unsupported function: Fn::Foo Supported functions are: [Fn::Base64,") == true)
        #expect(error?.location == at(5, 18))
    }

    @Test func conditionNames() {
        #expect(failure("""
            Resources:
              T: {Type: AWS::SNS::Topic, Properties: {TopicName: !If [Nope, a, b]}}
            """)?.message == "Template error: unresolved condition dependency Nope in Fn::If")
        #expect(failure("""
            Conditions:
              A: !Condition B
              B: !Not [!Condition A]
            Resources:
              T: {Type: AWS::SNS::Topic}
            """)?.message == "Template format error: Circular dependency between conditions: [A, B]")
    }

    @Test func circularDependencyListsTheCycleInTemplateOrder() {
        let error = failure("""
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
                DependsOn: Policy
              Lone:
                Type: AWS::SNS::Topic
              Policy:
                Type: AWS::S3::BucketPolicy
                Properties:
                  Bucket: !Ref Bucket
                  Text: !Sub "${Queue.Arn}"
              Queue:
                Type: AWS::SQS::Queue
                Properties:
                  Tags: [{Key: k, Value: !GetAtt Bucket.Arn}]
            """)
        #expect(error?.message == "Circular dependency between resources: [Bucket, Policy, Queue]")
        #expect(error?.location == at(2, 3))
        #expect(failure("Resources:\n  A:\n    Type: AWS::SNS::Topic\n    DependsOn: A\n")?.message
            == "Circular dependency between resources: [A]")
    }

    @Test func creationOrderIsStableAndDeletionReversed() throws {
        let graph = try analyze("""
            Resources:
              Stage:
                Type: AWS::ApiGateway::Stage
                Properties: {RestApiId: !Ref Api, DeploymentId: !Ref Deployment}
              Fn:
                Type: AWS::Lambda::Function
                Properties: {Role: !GetAtt Role.Arn}
              Deployment:
                Type: AWS::ApiGateway::Deployment
                Properties: {RestApiId: !Ref Api}
              Api:
                Type: AWS::ApiGateway::RestApi
                Properties: {Body: {uri: !Sub "arn:${AWS::Partition}:${Fn.Arn}"}}
              Role:
                Type: AWS::IAM::Role
              Table:
                Type: AWS::DynamoDB::Table
            """)
        #expect(graph.dependencies["Stage"] == ["Api", "Deployment"])
        #expect(graph.creationOrder() == ["Role", "Fn", "Api", "Deployment", "Stage", "Table"])
        #expect(graph.deletionOrder() == ["Table", "Stage", "Deployment", "Api", "Fn", "Role"])
        #expect(graph.creationOrder(of: ["Stage", "Table", "Role"]) == ["Stage", "Role", "Table"])
    }
}
