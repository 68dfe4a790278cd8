import Foundation
import Testing
import TestSupport

/// `Fixtures/<name>` copied to a fresh folder and deployed with `sam deploy` in a fresh
/// deterministic account, as the stack `stack`.
func deployedFixture(_ name: String, stack: String, capabilities: String = "CAPABILITY_NAMED_IAM") throws -> TempFolder {
    let folder = TempFolder("workbook-e2e-\(name)")
    try folder.copy(repositoryFolder: "Tests/EndToEndTests/Fixtures/\(name)")
    let deploy = try workbook(["--deterministic", "sam", "deploy", "--stack-name", stack, "--resolve-s3",
                               "--capabilities", capabilities, "--no-confirm-changeset"], in: folder.path)
    #expect(deploy.exitCode == 0, "\(deploy.transcript)")
    return folder
}

/// `aws lambda invoke` of `function` with the JSON `payload`, expected to succeed without a
/// function error; the result written to the outfile, parsed.
func invokeForObject(_ function: String, payload: String, in folder: TempFolder) throws -> [String: Any] {
    let run = try workbook(["aws", "lambda", "invoke", "--function-name", function, "--cli-binary-format", "raw-in-base64-out",
                            "--payload", payload, "out.json"], in: folder.path)
    let out = try folder.read("out.json")
    #expect(run.exitCode == 0 && !run.stdout.contains("FunctionError"), "\(run.transcript)\n\(out)")
    return try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
}
