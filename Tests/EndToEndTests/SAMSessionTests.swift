import Foundation
import Testing
import TestSupport

/// The sprint's SAM session on `Samples/lambda-dynamodb-2023/`, typed as a learner types it
/// (issue 3 "Must show"): the build refuses nodejs12.x, the unbuilt deploy rolls back, a redeploy
/// is refused, `sam delete` clears the stack, the fixed runtime builds and deploys.
///
/// An interactive account draws its clock from the host and its seed at random, so the golden
/// session runs `--deterministic`: ids and times are fixed (random request ids would move the
/// points where SAM's tables wrap their cells).
@Suite("SAM session")
struct SAMSessionTests {
    static let deployFlags = ["--stack-name", "lambda-to-dynamodb", "--resolve-s3", "--capabilities", "CAPABILITY_IAM",
                              "--no-confirm-changeset"]

    @Test func theSprintsSessionThroughTheBinary() throws {
        let app = TempFolder("workbook-e2e-sam")
        try app.copy(repositoryFolder: "Samples/lambda-dynamodb-2023")
        var transcript = ""
        func step(_ arguments: [String], exit expected: Int32, _ comment: Comment? = nil,
                  sourceLocation: SourceLocation = #_sourceLocation) throws -> Run {
            // Deterministic: ids and times are fixed, so the golden file needs no masks for them
            // (a random request id changes where SAM's table wraps its text).
            let run = try workbook(["--deterministic"] + arguments, in: app.path)
            #expect(run.exitCode == expected, "\(comment?.rawValue ?? "")\n\(run.transcript)", sourceLocation: sourceLocation)
            transcript += run.transcript + "\n"
            return run
        }

        let build = try step(["sam", "build"], exit: 1)
        #expect(build.stderr.contains("Building functions with nodejs12.x is no longer supported by AWS SAM CLI"))
        #expect(build.stdout.contains("Build Failed"))
        #expect(build.stderr.hasSuffix("Error: Building functions with nodejs12.x is no longer supported\n"))
        #expect(!Files.exists("\(app.path)/.aws-sam/build/template.yaml"))

        let failed = try step(["sam", "deploy"] + Self.deployFlags, exit: 1)
        #expect(failed.stdout.contains("CREATE_FAILED"))
        #expect(failed.stdout.contains("ROLLBACK_COMPLETE"))
        #expect(failed.stderr.contains(#"we matched expected path: "ROLLBACK_COMPLETE" at least once"#))
        let status = try step(["aws", "cloudformation", "describe-stacks", "--stack-name", "lambda-to-dynamodb",
                               "--query", "Stacks[0].StackStatus", "--output", "text"], exit: 0)
        #expect(status.stdout == "ROLLBACK_COMPLETE\n")

        let refused = try step(["sam", "deploy"] + Self.deployFlags, exit: 1, "a stack in ROLLBACK_COMPLETE can't be updated")
        #expect(refused.output.contains("is in ROLLBACK_COMPLETE state and can not be updated"))

        let delete = try step(["sam", "delete", "--stack-name", "lambda-to-dynamodb", "--no-prompts"], exit: 0)
        #expect(delete.stdout.contains("Deleted successfully"))

        let template = "\(app.path)/template.yaml"
        try Files.read(template).replacingOccurrences(of: "Runtime: nodejs12.x", with: "Runtime: nodejs22.x")
            .write(toFile: template, atomically: true, encoding: .utf8)
        let rebuilt = try step(["sam", "build"], exit: 0)
        #expect(rebuilt.stdout.contains("Build Succeeded"))
        #expect(Files.exists("\(app.path)/.aws-sam/build/LambdaPutDynamoDB/node_modules/moment"),
                "moment comes from the machine's Node modules")

        let deployed = try step(["sam", "deploy"] + Self.deployFlags, exit: 0)
        #expect(deployed.stdout.contains("Successfully created/updated stack - lambda-to-dynamodb in ap-northeast-2"))
        #expect(deployed.stdout.contains("DynamoDbTable"))
        #expect(deployed.stdout.contains("LambdFunction"))

        let outputs = try step(["sam", "list", "stack-outputs", "--stack-name", "lambda-to-dynamodb", "--output", "json"], exit: 0)
        let list = try #require(try JSONSerialization.jsonObject(with: Data(outputs.stdout.utf8)) as? [[String: String]])
        #expect(list.map { $0["OutputKey"] } == ["LambdFunction", "DynamoDbTable"])
        #expect(list.last?["OutputValue"]?.wholeMatch(of: #/lambda-to-dynamodb-DynamoTable-[A-Z0-9]{12,13}/#) != nil)

        let complete = try step(["aws", "cloudformation", "describe-stacks", "--stack-name", "lambda-to-dynamodb",
                                 "--query", "Stacks[0].StackStatus", "--output", "text"], exit: 0)
        #expect(complete.stdout == "CREATE_COMPLETE\n")

        // SAM's --fail-on-empty-changeset is on by default: "Error: No changes to deploy…", exit 1
        // (reference/cli-transcripts.md).
        let again = try step(["sam", "deploy"] + Self.deployFlags, exit: 1, "a second deploy of the same build changes nothing")
        #expect(again.stderr.contains("Error: No changes to deploy. Stack lambda-to-dynamodb is up to date"))
        let quiet = try step(["sam", "deploy", "--no-fail-on-empty-changeset"] + Self.deployFlags, exit: 0)
        #expect(quiet.stdout.contains("No changes to deploy. Stack lambda-to-dynamodb is up to date"))

        let mask = Mask().path(app.path, as: "$APP")
            // The built artefact holds the machine's node-moment, whose files (so the upload's
            // MD5 key and size) vary with the Debian package version.
            .regex(#"lambda-to-dynamodb/[0-9a-f]{32}"#, "lambda-to-dynamodb/<MD5>")
            .regex(#"\d+ / \d+  \(100\.00%\)"#, "<SIZE> / <SIZE>  (100.00%)")
        try Golden.assertMatches(mask.apply(transcript), "sam-session")
    }

    /// DESIGN.md "Time": `--deterministic` on any command means "Same inputs ⇒ same bytes": the
    /// clock is frozen and ids come from the seeded generator.
    /// A fresh account opened with `--deterministic` starts at the course date with seed 1.
    @Test func deterministicSessionsPrintTheSameBytes() throws {
        func session() throws -> String {
            let app = TempFolder("workbook-e2e-sam")
            try app.copy(repositoryFolder: "Samples/lambda-dynamodb-2023")
            let template = "\(app.path)/template.yaml"
            try Files.read(template).replacingOccurrences(of: "Runtime: nodejs12.x", with: "Runtime: nodejs22.x")
                .write(toFile: template, atomically: true, encoding: .utf8)
            var text = ""
            for arguments in [["sam", "deploy"] + Self.deployFlags,
                              ["aws", "cloudformation", "describe-stacks", "--stack-name", "lambda-to-dynamodb"]] {
                text += Mask().path(app.path, as: "$APP").apply(try workbook(["--deterministic"] + arguments, in: app.path).transcript)
            }
            return text
        }
        let first = try session(), second = try session()
        #expect(first == second, "\(Golden.difference(expected: first, actual: second))")
        #expect(first.contains("2026-11-01 00:00:00 - Waiting for stack create/update to complete"))
    }
}
