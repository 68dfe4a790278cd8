import Foundation
import SimKit
import Testing

/// What `sam build` says about a function's Runtime before it builds anything: a runtime
/// Lambda never had is SAM's own refusal (exit 1); a missing one is a workbook error naming
/// the function (exit 2 once the CLI prints it); a real runtime the workbook does not run says so.
@Suite struct SAMBuildRuntimeTests {
    static func sandbox(runtimeLine: String) throws -> Sandbox {
        let box = try Sandbox(sample: false)
        try box.write("template.yaml", """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: src/
                  Handler: app.handler
                  \(runtimeLine)

            """)
        try box.write("src/app.js", "exports.handler = async () => 1;\n")
        return box
    }

    @Test(arguments: ["NodeJS22.x", "nodejs22", "node22.x"])
    func aRuntimeLambdaNeverHadIsSAMsRefusal(runtime: String) throws {
        let box = try Self.sandbox(runtimeLine: "Runtime: \(runtime)")
        let run = try box.sam(["build"])
        #expect(run.exitCode == 1, "\(run.combined)")
        #expect(run.stdout.contains("Build Failed"))
        #expect(run.stderr.hasSuffix("Error: '\(runtime)' runtime is not supported\n"), "\(run.stderr)")
        #expect(!box.exists(".aws-sam/build"))
    }

    @Test func aMissingRuntimeNamesTheFunctionAndWhere() throws {
        let box = try Self.sandbox(runtimeLine: "Runtim: nodejs22.x")
        let error = try #require(throws: WorkbookError.self) { try box.sam(["build"]) }
        #expect(error.exitCode == 2)
        #expect(error.rendered().hasPrefix("template.yaml:5:5: error: function Fn has no Runtime"), "\(error)")
        #expect(error.rendered().contains("fix: add a `Runtime:` (such as nodejs22.x or python3.13)"))
    }

    @Test func aRealRuntimeTheWorkbookDoesNotRunIsNotSimulated() throws {
        let box = try Self.sandbox(runtimeLine: "Runtime: java21")
        let error = try #require(throws: WorkbookError.self) { try box.sam(["build"]) }
        #expect(error.exitCode == 2)
        #expect(error.rendered().hasPrefix("template.yaml:5:5: error: sam build for runtime java21 is not simulated"), "\(error)")
    }
}
