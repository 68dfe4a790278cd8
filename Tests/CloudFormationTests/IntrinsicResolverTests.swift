import CloudFormation
import SimKit
import Testing

@Suite struct IntrinsicResolverTests {
    static let yaml = """
        Parameters:
          Stage:
            Type: String
            Default: dev
          Subnets:
            Type: CommaDelimitedList
            Default: a,b,c
        Mappings:
          Sizes:
            dev: {Memory: 128}
            prod: {Memory: 1024}
        Conditions:
          IsProd: !Equals [!Ref Stage, prod]
          IsDev: !Not [!Condition IsProd]
          Both: !And [!Condition IsDev, !Equals ["1", 1]]
        Resources:
          Table:
            Type: AWS::DynamoDB::Table
          Fn:
            Type: AWS::Lambda::Function
          ProdOnly:
            Type: AWS::SNS::Topic
            Condition: IsProd
        """

    func resolver(stage: String? = nil) throws -> IntrinsicResolver {
        let template = try parseTemplate(Self.yaml)
        let parameters = try template.resolveParameters(stage.map { ["Stage": $0] } ?? [:])
        let pseudo = PseudoParameters(stackName: "app", stackID: "arn:aws:cloudformation:ap-northeast-2:123456789012:stack/app/1")
        let references = ResourceReferences.fixed(
            physicalIDs: ["Table": "app-Table-ABC", "Fn": "app-Fn-XYZ"],
            attributes: ["Fn": ["Arn": "arn:aws:lambda:ap-northeast-2:123456789012:function:app-Fn-XYZ"], "Table": [:]])
        return try IntrinsicResolver(template: template, parameters: parameters, pseudo: pseudo, references: references)
    }

    func resolve(_ yaml: String, stage: String? = nil) throws -> JSON {
        // "--- " keeps a flow map YAML (the loader reads text starting with "{" as JSON).
        try resolver(stage: stage).resolveJSON(TemplateLoader.load(yaml.hasPrefix("{") ? "--- " + yaml : yaml, file: "snippet.yaml"))
    }

    @Test func refsAndPseudoParameters() throws {
        #expect(try resolve("!Ref Stage") == "dev")
        #expect(try resolve("!Ref Subnets") == ["a", "b", "c"])
        #expect(try resolve("!Ref Table") == "app-Table-ABC")
        #expect(try resolve("[!Ref AWS::Region, !Ref AWS::AccountId, !Ref AWS::StackName, !Ref AWS::Partition, !Ref AWS::URLSuffix]")
            == ["ap-northeast-2", "123456789012", "app", "aws", "amazonaws.com"])
        #expect(try resolve("!Ref AWS::NotificationARNs") == [])
    }

    @Test func noValueRemovesTheMemberOrItem() throws {
        #expect(try resolve("{A: !Ref AWS::NoValue, B: 1}") == ["B": 1])
        #expect(try resolve("[x, !Ref AWS::NoValue, y]") == ["x", "y"])
        #expect(try resolve("{A: !If [IsProd, big, !Ref AWS::NoValue]}") == [:])
        #expect(try resolve("{A: !If [IsProd, big, !Ref AWS::NoValue]}", stage: "prod") == ["A": "big"])
        #expect(try resolve("!Ref AWS::NoValue") == .null)
    }

    @Test func getAttBothForms() throws {
        let arn: JSON = "arn:aws:lambda:ap-northeast-2:123456789012:function:app-Fn-XYZ"
        #expect(try resolve("!GetAtt Fn.Arn") == arn)
        #expect(try resolve("{Fn::GetAtt: [Fn, Arn]}") == arn)
    }

    @Test func getAttErrors() throws {
        let unsupported = validationError { _ = try resolve("!GetAtt Table.BucketName") }
        #expect(unsupported?.message == "Template error: resource Table does not support attribute type BucketName in Fn::GetAtt")
        #expect(unsupported?.location == at(1, 1, "snippet.yaml"))
        #expect(validationError { _ = try resolve("!GetAtt Missing.Arn") }?.message
            == "Template error: instance of Fn::GetAtt references undefined resource Missing")
        #expect(validationError { _ = try resolve("{Fn::GetAtt: [Fn]}") }?.message
            == "Template error: every Fn::GetAtt object requires two non-empty parameters, the resource name and the resource attribute")
        #expect(validationError { _ = try resolve("!GetAtt ProdOnly.TopicArn") }?.message
            == "Unresolved resource dependencies [ProdOnly] in the Resources block of the template")
    }

    @Test func notSimulatedAttributeIsAWorkbookError() throws {
        var resolver = try resolver()
        resolver.references = ResourceReferences(ref: { _ in "x" }, attribute: { _, _ in .notSimulated })
        let node = try TemplateLoader.load("!GetAtt Fn.SnapStartResponse", file: "t.yaml")
        #expect(throws: WorkbookError.notSimulated("Fn::GetAtt Fn.SnapStartResponse (AWS::Lambda::Function)", at: at(1, 1, "t.yaml"))) {
            try resolver.resolve(node)
        }
    }

    @Test func subStringAndListForms() throws {
        #expect(try resolve(#"!Sub "arn:${AWS::Partition}:x:${AWS::Region}:${AWS::AccountId}:${Table}/${Fn.Arn}/${Stage}""#)
            == "arn:aws:x:ap-northeast-2:123456789012:app-Table-ABC/arn:aws:lambda:ap-northeast-2:123456789012:function:app-Fn-XYZ/dev")
        #expect(try resolve("!Sub '${!Literal} and ${ Stage'") == "${Literal} and ${ Stage")
        #expect(try resolve("""
            !Sub
              - "https://${Name}.example.com/${Stage}"
              - Name: !Join ["-", [a, !Ref Stage]]
            """) == "https://a-dev.example.com/dev")
        #expect(validationError { _ = try resolve(#"!Sub "${Nope}""#) }?.message
            == "Template format error: Unresolved resource dependencies [Nope] in the Resources block of the template")
    }

    @Test func listFunctions() throws {
        #expect(try resolve(#"!Join [",", [a, 1, true]]"#) == "a,1,true")
        #expect(try resolve(#"!Join ["", !Ref Subnets]"#) == "abc")
        #expect(try resolve("!Select [1, !Ref Subnets]") == "b")
        #expect(try resolve(#"!Select ["0", [x, y]]"#) == "x")
        #expect(try resolve(#"!Split [",", "a,,b"]"#) == ["a", "", "b"])
        #expect(try resolve("!FindInMap [Sizes, !Ref Stage, Memory]") == 128)
        #expect(try resolve("!Base64 hello") == "aGVsbG8=")
        #expect(try resolve(#"!GetAZs """#) == ["ap-northeast-2a", "ap-northeast-2b", "ap-northeast-2c", "ap-northeast-2d"])
        #expect(try resolve("!GetAZs {Ref: AWS::Region}") == ["ap-northeast-2a", "ap-northeast-2b", "ap-northeast-2c", "ap-northeast-2d"])
    }

    @Test func listFunctionErrorsUseAWSTexts() throws {
        #expect(validationError { _ = try resolve("!Select [5, !Ref Subnets]") }?.message
            == "Template error: Fn::Select cannot select nonexistent value at index 5")
        #expect(validationError { _ = try resolve("!Select [0]") }?.message
            == "Template error: Fn::Select requires a list argument with two elements: an integer index and a list")
        #expect(validationError { _ = try resolve("!Join [\",\"]") }?.message
            == "Template error: every Fn::Join object requires two parameters, (1) a string delimiter and (2) a list of strings to be joined or a function that returns a list of strings (such as Fn::GetAZs) to be joined.")
        #expect(validationError { _ = try resolve("!Split [\",\"]") }?.message
            == "Template error: every Fn::Split object requires two parameters, (1) a string delimiter and (2) a string to be split or a function that returns a string to be split.")
        #expect(validationError { _ = try resolve("!FindInMap [Sizes, test, Memory]") }?.message
            == "Template error: Unable to get mapping for Sizes::test::Memory")
        #expect(validationError { _ = try resolve("!If [Nope, a, b]") }?.message
            == "Template error: unresolved condition dependency Nope in Fn::If")
    }

    @Test func unknownFunctionUsesTheRealText() throws {
        let error = validationError { _ = try resolve("{Stuff: {fn::GetAtt: [Fn, Arn]}}") }
        #expect(error?.message == "Template Error: Encountered unsupported function: fn::GetAtt Supported functions are: [Fn::Base64, Fn::GetAtt, Fn::GetAZs, Fn::ImportValue, Fn::Join, Fn::Split, Fn::FindInMap, Fn::Select, Ref, Fn::Equals, Fn::If, Fn::Not, Condition, Fn::And, Fn::Or, Fn::Contains, Fn::EachMemberEquals, Fn::EachMemberIn, Fn::ValueOf, Fn::ValueOfAll, Fn::RefAll, Fn::Sub, Fn::Cidr]")
        #expect(error?.location == at(1, 13, "snippet.yaml"))
    }

    @Test func importValueIsNotSimulated() throws {
        #expect(throws: WorkbookError.notSimulated("Fn::ImportValue", at: at(2, 4, "snippet.yaml"))) {
            try resolve("A: 1\nB: !ImportValue shared-vpc")
        }
    }

    @Test func conditions() throws {
        let dev = try resolver()
        #expect(dev.conditionValues == ["IsProd": false, "IsDev": true, "Both": true])
        #expect(dev.includedResources.map(\.logicalID) == ["Table", "Fn"])
        let prod = try resolver(stage: "prod")
        #expect(prod.conditionValues == ["IsProd": true, "IsDev": false, "Both": false])
        #expect(prod.includedResources.map(\.logicalID) == ["Table", "Fn", "ProdOnly"])
    }

    @Test func conditionsCannotReferenceResources() throws {
        let template = try parseTemplate("""
            Conditions:
              Bad: !Equals [!Ref Table, x]
            Resources:
              Table: {Type: AWS::DynamoDB::Table}
            """)
        let error = validationError {
            _ = try IntrinsicResolver(template: template, parameters: .init(), pseudo: PseudoParameters(stackName: "s", stackID: "i"))
        }
        #expect(error?.message == "Template format error: Unresolved dependencies [Table]. Cannot reference resources in the Conditions block of the template")
        #expect(error?.location == at(2, 17))
    }
}
