import Foundation
import Testing
import TestSupport

@Test func probe() throws {
    let box = try Sandbox()
    var log = ""
    func record(_ title: String, _ r: CommandRun) { log += "=== \(title) exit \(r.exitCode)\n--- stdout\n\(r.stdout)--- stderr\n\(r.stderr)" }
    record("build12", try box.sam(["build"]))
    record("deploy12", try box.sam(Sandbox.deployArguments))
    record("redeploy12", try box.sam(Sandbox.deployArguments))
    record("delete", try box.sam(["delete", "--stack-name", "lambda-to-dynamodb", "--no-prompts"]))
    try box.setRuntime("nodejs22.x")
    record("build22", try box.sam(["build"]))
    record("deploy22", try box.sam(Sandbox.deployArguments))
    record("deploy22again", try box.sam(Sandbox.deployArguments))
    record("describe", try box.aws(["cloudformation", "describe-stacks", "--stack-name", "lambda-to-dynamodb"]))
    record("events", try box.aws(["cloudformation", "describe-stack-events", "--stack-name", "lambda-to-dynamodb"]))
    record("resources", try box.aws(["cloudformation", "list-stack-resources", "--stack-name", "lambda-to-dynamodb", "--output", "text"]))
    try log.write(toFile: "/tmp/probe.txt", atomically: true, encoding: .utf8)
}
