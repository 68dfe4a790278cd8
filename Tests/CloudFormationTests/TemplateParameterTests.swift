import CloudFormation
import SimKit
import Testing

@Suite struct TemplateParameterTests {
    static let yaml = """
        Parameters:
          Stage:
            Type: String
            Default: dev
            AllowedValues: [dev, prod]
          Name:
            Type: String
            AllowedPattern: "[a-z]+"
            MinLength: 2
            MaxLength: 5
          Count:
            Type: Number
            Default: 3
            MinValue: 1
            MaxValue: 10
          Ports:
            Type: List<Number>
            Default: "80,443"
          Key:
            Type: AWS::EC2::KeyPair::KeyName
            Default: mine
            NoEcho: true
        Resources:
          T: {Type: AWS::SNS::Topic}
        """

    func resolve(_ overrides: [String: String]) throws -> ResolvedParameters {
        try parseTemplate(Self.yaml).resolveParameters(overrides)
    }

    func message(_ overrides: [String: String]) -> String? {
        validationError { _ = try resolve(overrides) }?.message
    }

    @Test func defaultsAndOverrides() throws {
        let values = try resolve(["Name": "abc", "Stage": "prod"])
        #expect(values.values.map(\.name) == ["Stage", "Name", "Count", "Ports", "Key"])
        #expect(values["Stage"]?.text == "prod")
        #expect(values["Count"]?.refValue.stringValue == "3")
        #expect(values["Ports"]?.refValue.json == ["80", "443"])
        #expect(values["Key"]?.noEcho == true)
        #expect(values["Key"]?.refValue.stringValue == "mine")
    }

    @Test func missingValues() {
        let error = validationError { _ = try parseTemplate(Self.yaml + "\n").resolveParameters([:]) }
        #expect(error?.message == "Parameters: [Name] must have values")
        #expect(error?.location == at(6, 3))
    }

    @Test func constraintTexts() {
        #expect(message(["Name": "abc", "Stage": "test"]) == "Parameter 'Stage' must be one of AllowedValues")
        #expect(message(["Name": "abc", "Count": "many"]) == "Parameter 'Count' must be a number.")
        #expect(message(["Name": "ab1"]) == "Parameter 'Name' must match pattern [a-z]+")
        #expect(message(["Name": "a"]) == "Parameter 'Name' must contain at least 2 characters")
        #expect(message(["Name": "abcdef"]) == "Parameter 'Name' must contain at most 5 characters")
        #expect(message(["Name": "abc", "Count": "0"]) == "Parameter 'Count' must be a number not less than 1")
        #expect(message(["Name": "abc", "Count": "11"]) == "Parameter 'Count' must be a number not greater than 10")
        #expect(message(["Name": "abc", "Bogus": "1"]) == "Parameters: [Bogus] do not exist in the template")
    }

    @Test func overridesBothForms() throws {
        let overrides = try ParameterOverrides.parse(
            #"Stage=prod ParameterKey=Name,ParameterValue=abc Greeting="hello world" Quote='it is' List=a,b"#)
        #expect(overrides.pairs.map(\.key) == ["Stage", "Name", "Greeting", "Quote", "List"])
        #expect(overrides.dictionary == ["Stage": "prod", "Name": "abc", "Greeting": "hello world", "Quote": "it is", "List": "a,b"])
    }

    @Test func overridesAcrossArgumentsLaterWins() throws {
        let overrides = try ParameterOverrides.parse(["Stage=dev Name=x", #"ParameterKey=Stage,ParameterValue="p r o d""#, "Empty="])
        #expect(overrides.pairs.map(\.key) == ["Stage", "Name", "Empty"])
        #expect(overrides.dictionary == ["Stage": "p r o d", "Name": "x", "Empty": ""])
    }

    @Test func badOverridesAreWorkbookErrors() {
        #expect(throws: WorkbookError.self) { try ParameterOverrides.parse("Stage") }
        #expect(throws: WorkbookError.self) { try ParameterOverrides.parse("Stage=\"open") }
        #expect(throws: WorkbookError.self) { try ParameterOverrides.parse("my-key=1") }
        #expect(throws: WorkbookError.self) { try ParameterOverrides.parse("ParameterKey=A,Value=1") }
    }
}
