import Foundation
import SimKit
import Testing

/// `sam build` of a python3.x function: PythonPipBuilder's steps, requirements.txt resolved
/// offline from the machine's Python packages (cli-transcripts §1.3's output shape).
@Suite struct SAMBuildPythonTests {
    static let template = """
        AWSTemplateFormatVersion: '2010-09-09'
        Transform: AWS::Serverless-2016-10-31
        Resources:
          HelloFunction:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: src/
              Handler: app.handler
              Runtime: python3.12

        """

    static func sandbox(requirements: String?) throws -> Sandbox {
        let box = try Sandbox(sample: false)
        try box.write("template.yaml", template)
        try box.write("src/app.py", "import six\n\ndef handler(event, context):\n    return six.text_type('ok')\n")
        try box.write("src/__pycache__/app.cpython-311.pyc", "stale")
        if let requirements { try box.write("src/requirements.txt", requirements) }
        return box
    }

    @Test func requirementsAreCopiedFromTheMachinesPackages() throws {
        let box = try Self.sandbox(requirements: "# what the handler needs\nsix>=1.10  # compatibility\n\njmespath~=1.0\n")
        let run = try box.sam(["build"])
        #expect(run.exitCode == 0, "\(run.combined)")
        #expect(run.stderr == "Building codeuri: \(box.path)/src runtime: python3.12 architecture: x86_64 functions: HelloFunction\n"
            + " Running PythonPipBuilder:ResolveDependencies\n Running PythonPipBuilder:CopySource\n")
        #expect(run.stdout.contains("Build Succeeded"))
        let built = ".aws-sam/build/HelloFunction"
        for file in ["app.py", "requirements.txt", "six.py", "jmespath/__init__.py"] {
            #expect(box.exists("\(built)/\(file)"), "\(file)")
        }
        let distInfo = try FileManager.default.contentsOfDirectory(atPath: "\(box.path)/\(built)").filter { $0.hasSuffix(".dist-info") }
        #expect(distInfo.contains { $0.hasPrefix("six-") } && distInfo.contains { $0.hasPrefix("jmespath-") })
        #expect(!box.exists("\(built)/__pycache__"))
        #expect(try box.read(".aws-sam/build/template.yaml").contains("CodeUri: HelloFunction"))
    }

    @Test func aPackageTheMachineLacksFailsTheBuildNamingIt() throws {
        let box = try Self.sandbox(requirements: "six\nno-such-package-xyz==1.0\n")
        let run = try box.sam(["build"])
        #expect(run.exitCode == 1)
        #expect(run.stdout.contains("Build Failed"))
        #expect(run.stderr.contains(" Running PythonPipBuilder:ResolveDependencies\n"))
        #expect(!run.stderr.contains("CopySource"))
        #expect(run.stderr.contains("Error: PythonPipBuilder:ResolveDependencies - Pip Failed: the workbook builds offline and package 'no-such-package-xyz==1.0' is not installed on this machine."), "\(run.stderr)")
        #expect(run.stderr.contains("Install it with `python3 -m pip install 'no-such-package-xyz==1.0'`, or remove it from \(box.path)/src/requirements.txt."))
        #expect(!box.exists(".aws-sam/build"))
    }

    @Test func aVersionTheMachineDoesNotHaveSaysWhichItHas() throws {
        let box = try Self.sandbox(requirements: "six<1.0\n")
        let run = try box.sam(["build"])
        #expect(run.exitCode == 1)
        #expect(run.stderr.contains("package 'six<1.0' is not installed on this machine (this machine has six "), "\(run.stderr)")
    }

    @Test func pipOptionsAndURLsAreRefusedWithTheLine() throws {
        let box = try Self.sandbox(requirements: "six\n-r other.txt\n")
        let run = try box.sam(["build"])
        #expect(run.exitCode == 1)
        #expect(run.stderr.contains("Error: PythonPipBuilder:ResolveDependencies - \(box.path)/src/requirements.txt:2: `-r other.txt`: pip options (-r, -c, -e, --index-url, …) are not supported"), "\(run.stderr)")
        let url = try Self.sandbox(requirements: "https://example.com/x.whl\n")
        #expect(try url.sam(["build"]).stderr.contains("requirements.txt:1: `https://example.com/x.whl`: URLs, local paths and continued lines are not supported"))
    }

    @Test func withoutRequirementsTheSourceIsCopiedWithSAMsWarning() throws {
        let box = try Self.sandbox(requirements: nil)
        let run = try box.sam(["build"])
        #expect(run.exitCode == 0, "\(run.combined)")
        #expect(run.stderr.hasSuffix("requirements.txt file not found. Continuing the build without dependencies.\n Running PythonPipBuilder:CopySource\n"))
        #expect(box.exists(".aws-sam/build/HelloFunction/app.py"))
        #expect(!box.exists(".aws-sam/build/HelloFunction/six.py"))
    }
}
