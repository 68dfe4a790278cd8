import IAM
import SimKit
import Testing

@Suite struct ManagedPolicyCatalogueTests {
    static let basicArn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"

    @Test func everyDocumentParsesAndIsFoundByNameAndArn() throws {
        let catalogue = try ManagedPolicyCatalogue.awsManaged()
        let names = catalogue.policies.map(\.name)
        #expect(Set(names) == [
            "AWSLambdaBasicExecutionRole", "AWSLambdaDynamoDBExecutionRole", "AWSLambdaExecute", "AWSLambdaRole",
            "AmazonDynamoDBFullAccess", "AmazonDynamoDBReadOnlyAccess", "AWSXRayDaemonWriteAccess", "CloudWatchLogsFullAccess",
        ])
        for policy in catalogue.policies {
            #expect(catalogue.policy(named: policy.name) == policy)
            #expect(catalogue.policy(arn: policy.arn) == policy)
            #expect(policy.arn == "arn:aws:iam::aws:policy\(policy.path)\(policy.name)")
            // The printed document parses back to the same policy.
            #expect(try PolicyDocument(parsing: policy.document.source.serialized(.compact), kind: .identity) == policy.document)
        }
    }

    @Test func basicExecutionRoleIsTheExactAWSDocument() throws {
        let basic = try #require(try ManagedPolicyCatalogue.awsManaged().policy(arn: Self.basicArn))
        #expect(basic.path == "/service-role/")
        #expect(basic.document.source.serialized(.compact) == #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","#
            + #""Action":["logs:CreateLogGroup","logs:CreateLogStream","logs:PutLogEvents"],"Resource":"*"}]}"#)
    }

    @Test func lookupsAcceptOtherPartitionsButNotWrongPaths() throws {
        let catalogue = try ManagedPolicyCatalogue.awsManaged()
        #expect(catalogue.policy(arn: "arn:aws-cn:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")?.name
            == "AWSLambdaBasicExecutionRole")
        #expect(catalogue.policy(arn: "arn:aws-us-gov:iam::aws:policy/AmazonDynamoDBFullAccess")?.name
            == "AmazonDynamoDBFullAccess")
        // The classic mistake: the service-role/ path left out. AWS has no such policy either.
        #expect(catalogue.policy(arn: "arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole") == nil)
        #expect(catalogue.policy(arn: "arn:aws:iam::aws:policy/AdministratorAccess") == nil)
        #expect(catalogue.policy(arn: "arn:aws:iam::123456789012:policy/service-role/AWSLambdaBasicExecutionRole") == nil)
        #expect(catalogue.policy(arn: "not an arn") == nil)
        #expect(catalogue.policy(named: "awslambdabasicexecutionrole") == nil)
        #expect(catalogue.policy(arnOrName: "AWSLambdaRole")?.arn == "arn:aws:iam::aws:policy/service-role/AWSLambdaRole")
        #expect(catalogue.policy(arnOrName: Self.basicArn)?.name == "AWSLambdaBasicExecutionRole")
    }

    @Test func managedPoliciesGrantWhatAWSDocumentsSay() throws {
        let catalogue = try ManagedPolicyCatalogue.awsManaged()
        func decide(_ name: String, _ action: String, _ resource: String) throws -> Decision.Outcome {
            let policy = try #require(catalogue.policy(named: name))
            return evaluate(action: action, resource: resource,
                            policies: [NamedPolicy(name: policy.name, document: policy.document)]).outcome
        }
        let table = "arn:aws:dynamodb:us-east-1:123456789012:table/T"
        #expect(try decide("AmazonDynamoDBReadOnlyAccess", "dynamodb:GetItem", table) == .allow)
        #expect(try decide("AmazonDynamoDBReadOnlyAccess", "dynamodb:DescribeTable", table) == .allow)
        #expect(try decide("AmazonDynamoDBReadOnlyAccess", "dynamodb:PutItem", table) == .implicitDeny)
        #expect(try decide("AmazonDynamoDBFullAccess", "dynamodb:PutItem", table) == .allow)
        #expect(try decide("AWSLambdaExecute", "logs:PutLogEvents", "arn:aws:logs:us-east-1:1:log-group:/aws/lambda/f") == .allow)
        #expect(try decide("AWSLambdaExecute", "s3:DeleteObject", "arn:aws:s3:::b/k") == .implicitDeny)
        #expect(try decide("AWSLambdaDynamoDBExecutionRole", "dynamodb:GetRecords", table + "/stream/x") == .allow)
        #expect(try decide("AWSLambdaDynamoDBExecutionRole", "dynamodb:GetItem", table) == .implicitDeny)
    }

    @Test func customerPoliciesCanBeAddedAndReplaced() throws {
        var catalogue = ManagedPolicyCatalogue()
        let arn = "arn:aws:iam::123456789012:policy/TablePut"
        let document = try policy(oneStatement(#""Effect": "Allow", "Action": "dynamodb:PutItem", "Resource": "*""#))
        catalogue.add(ManagedPolicy(name: "TablePut", path: "/", arn: arn, document: document))
        catalogue.add(ManagedPolicy(name: "TablePut", path: "/", arn: arn, document: document))
        #expect(catalogue.policies.count == 1)
        #expect(catalogue.policy(arn: arn)?.name == "TablePut")
    }
}
