import Foundation
import Testing
import TestSupport

/// `sam validate [--lint]` (cli-transcripts §1.2, aws-behavior §5.1).
@Suite struct SAMValidateTests {
    @Test func validSample() throws {
        let box = try Sandbox()
        let run = try box.sam(["validate"])
        #expect(run.exitCode == 0)
        #expect(run.stdout == "\(box.path)/template.yaml is a valid SAM Template. This is according to basic SAM Validation, for additional validation, please run with \"--lint\" option\n")
        #expect(run.stderr.isEmpty)
    }

    @Test func invalidPropertyIsTheTranslatorsReprWithLocation() throws {
        let box = try Sandbox()
        try box.editTemplate("      Timeout: 3\n", "      Timeout: 3\n      Bogus: 1\n")
        let run = try box.sam(["validate"])
        #expect(run.exitCode == 1)
        #expect(run.stdout == "Template provided at '\(box.path)/template.yaml' was invalid SAM Template.\n")
        #expect(run.stderr == ("""
            Error: [InvalidResourceException('LambdaPutDynamoDB', 'property Bogus not defined for resource of type AWS::Serverless::Function')] ('LambdaPutDynamoDB', 'property Bogus not defined for resource of type AWS::Serverless::Function')
              --> template.yaml:14:7

            """), "\(run.stderr)")
    }

    @Test func missingTemplate() throws {
        let box = try Sandbox(sample: false)
        let run = try box.sam(["validate"])
        #expect(run.exitCode == 1)
        #expect(run.stdout == "SAM Template Not Found\n")
        #expect(run.stderr == "Error: Template at \(box.path)/template.yml is not found\n")
    }

    /// On the lesson's date nodejs12.x is past its update block: cfn-lint E2533 (W2531 is for a
    /// runtime only deprecated). cfn-lint reports a SAM function at its resource's line.
    @Test func lintOnTheSampleJudgesTheRuntimeOnTheVirtualClock() throws {
        let box = try Sandbox()
        let run = try box.sam(["validate", "--lint"])
        #expect(run.exitCode == 1)
        #expect(run.stdout == "[[E2533: Check if Lambda Function Runtimes are updatable] (Runtime 'nodejs12.x' was deprecated on '2023-03-31'. Creation was disabled on '2023-03-31' and update on '2023-04-30'. Please consider updating to 'nodejs24.x') matched 7]\n")
        #expect(run.stderr == "Error: Linting failed. At least one linting rule was matched to the provided template.\n")
    }

    @Test func lintOnASupportedRuntimeIsClean() throws {
        let box = try Sandbox()
        try box.setRuntime("nodejs22.x")
        let run = try box.sam(["validate", "--lint"])
        #expect(run.exitCode == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout == "\(box.path)/template.yaml is a valid SAM Template\n")
    }
}
