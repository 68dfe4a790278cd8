import CloudFormation
import SimKit
import Testing

@Suite struct TemplateLoaderTests {
    @Test func yaml11BooleansAndDatesAsPyYAMLReadsThem() throws {
        let root = try TemplateLoader.load("""
            A: yes
            B: no
            C: on
            D: off
            E: "yes"
            Version: 2012-10-17
            Count: 3
            """, file: "t.yaml")
        #expect(root["A"]?.value == .bool(true))
        #expect(root["B"]?.value == .bool(false))
        #expect(root["C"]?.value == .bool(true))
        #expect(root["D"]?.value == .bool(false))
        #expect(root["E"]?.value == .string("yes"))
        #expect(root["Version"]?.value == .string("2012-10-17"))
        #expect(root["Count"]?.value == .number("3"))
    }

    @Test func duplicateKeyIsRejectedAtTheSecondKey() {
        #expect {
            try TemplateLoader.load("""
                Resources:
                  A:
                    Type: AWS::SNS::Topic
                  A:
                    Type: AWS::SQS::Queue
                """, file: "template.yaml")
        } throws: { error in
            guard let error = error as? WorkbookError else { return false }
            return error.location == SimKit.SourceLocation(file: "template.yaml", line: 4, column: 3)
                && error.what.en == "duplicate key 'A' (first written at template.yaml:2:3)"
                && error.exitCode == 2
        }
    }

    @Test func shortTagsBecomeLongForm() throws {
        let root = try TemplateLoader.load("""
            Arn: !GetAtt Fn.Arn
            Deep: !GetAtt Db.Endpoint.Address
            Name: !Ref Table
            Url: !Sub
              - "https://${Api}.example.com/${Stage}"
              - Stage: !Ref StageName
            Joined: !Join [",", [a, !Ref B]]
            """, file: "t.yaml")
        #expect(root["Arn"]?.json == ["Fn::GetAtt": ["Fn", "Arn"]])
        #expect(root["Deep"]?.json == ["Fn::GetAtt": ["Db", "Endpoint.Address"]])
        #expect(root["Name"]?.json == ["Ref": "Table"])
        #expect(root["Url"]?.json == ["Fn::Sub": ["https://${Api}.example.com/${Stage}", ["Stage": ["Ref": "StageName"]]]])
        #expect(root["Joined"]?.json == ["Fn::Join": [",", ["a", ["Ref": "B"]]]])
        #expect(root["Name"]?.location == SimKit.SourceLocation(file: "t.yaml", line: 3, column: 7))
    }

    @Test func invalidYAMLPointsAtTheLine() {
        #expect {
            try TemplateLoader.load("""
                Resources:
                  Fn:
                    Type: AWS::Lambda::Function
                   Properties: {}
                """, file: "template.yaml")
        } throws: { error in
            guard let error = error as? WorkbookError, let location = error.location else { return false }
            return location.file == "template.yaml" && location.line == 4 && error.what.en.hasPrefix("invalid YAML")
        }
    }

    @Test func unknownTagIsAWorkbookError() {
        #expect(throws: WorkbookError.self) { try TemplateLoader.load("A: !Foo bar", file: "t.yaml") }
    }

    @Test func jsonTemplatesKeepLocations() throws {
        let root = try TemplateLoader.load("""
            {
              "Resources": {"T": {"Type": "AWS::SNS::Topic"}}
            }
            """, file: "t.json")
        #expect(root["Resources"]?["T"]?["Type"]?.stringValue == "AWS::SNS::Topic")
        #expect(root["Resources"]?.mapValue?.entry("T")?.keyLocation?.line == 2)
    }
}
