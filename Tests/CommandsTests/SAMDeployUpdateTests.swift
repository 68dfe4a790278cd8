import Foundation
import SimKit
import Testing
import TestSupport

/// Updates of a deployed stack (cli-transcripts §1.8, aws-behavior §5.2/§5.4) and the refusals
/// SAM makes before any change set.
@Suite struct SAMDeployUpdateTests {
    static let stack = "lambda-to-dynamodb"
    static let rule = String(repeating: "-", count: 97)

    /// The sample with nodejs22.x, built and deployed.
    static func deployed() throws -> Sandbox {
        let box = try Sandbox()
        try box.setRuntime("nodejs22.x")
        #expect(try box.sam(["build"]).exitCode == 0)
        let run = try box.sam(Sandbox.deployArguments)
        #expect(run.exitCode == 0, "\(run.stderr)")
        return box
    }

    /// Rebuilds after a template edit and deploys again.
    static func redeploy(_ box: Sandbox) throws -> CommandRun {
        #expect(try box.sam(["build"]).exitCode == 0)
        return try box.sam(Sandbox.deployArguments)
    }

    @Test func changedTimeoutIsAnInPlaceModify() throws {
        let box = try Self.deployed()
        try box.editTemplate("Timeout: 3", "Timeout: 30")
        let run = try Self.redeploy(box)
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.stdout.contains("""
            CloudFormation stack changeset
            \(Self.rule)
            Operation                LogicalResourceId        ResourceType             Replacement            
            \(Self.rule)
            * Modify                 LambdaPutDynamoDB        AWS::Lambda::Function    False                  
            \(Self.rule)

            """))
        #expect(run.stdout.contains("UPDATE_IN_PROGRESS       AWS::CloudFormation::S   lambda-to-dynamodb       User Initiated"))
        #expect(run.stdout.contains("UPDATE_COMPLETE          AWS::Lambda::Function    LambdaPutDynamoDB        -"))
        #expect(try box.stackStatus(Self.stack) == "UPDATE_COMPLETE")
        #expect(try box.functionColumn("timeout") == "30")
    }

    @Test func changedCodeIsAModifyToo() throws {
        let box = try Self.deployed()
        let before = try box.functionColumn("code_sha256")
        try box.write("src/app.js", try box.read("src/app.js") + "\n// changed\n")
        let run = try Self.redeploy(box)
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.stdout.contains("* Modify                 LambdaPutDynamoDB        AWS::Lambda::Function    False"))
        #expect(try box.functionColumn("code_sha256") != before)
    }

    @Test func addedResourceIsAnAdd() throws {
        let box = try Self.deployed()
        try box.editTemplate("\nOutputs:", """

              Logs:
                Type: AWS::Logs::LogGroup
                Properties:
                  RetentionInDays: 7

            Outputs:
            """)
        let run = try Self.redeploy(box)
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.stdout.contains("+ Add                    Logs                     AWS::Logs::LogGroup      N/A"))
        #expect(run.stdout.contains("CREATE_COMPLETE          AWS::Logs::LogGroup      Logs                     -"))
        #expect(try box.stackStatus(Self.stack) == "UPDATE_COMPLETE")
    }

    @Test func failedUpdateRollsBackAndTheNextDeployWorks() throws {
        let box = try Self.deployed()
        try box.editTemplate("Timeout: 3", "Timeout: 3\n      MemorySize: 64")
        let failed = try Self.redeploy(box)
        #expect(failed.exitCode == 1)
        #expect(failed.stdout.contains("UPDATE_FAILED            AWS::Lambda::Function    LambdaPutDynamoDB        Resource handler"))
        // Statuses longer than a column wrap at 22 characters, as SAM's textwrap does.
        #expect(failed.stdout.contains("""
            UPDATE_ROLLBACK_COMPLE   AWS::CloudFormation::S   lambda-to-dynamodb       -                      
            TE                       tack                                                                     
            \(Self.rule)
            """))
        #expect(failed.stderr.hasSuffix("""
            Error: Failed to create/update the stack: lambda-to-dynamodb, Waiter StackUpdateComplete failed: Waiter encountered a terminal failure state: For expression "Stacks[].StackStatus" we matched expected path: "UPDATE_ROLLBACK_COMPLETE" at least once

            """))
        #expect(try box.stackStatus(Self.stack) == "UPDATE_ROLLBACK_COMPLETE")
        #expect(try box.functionColumn("memory_size") == "128")

        try box.editTemplate("MemorySize: 64", "MemorySize: 256")
        let fixed = try Self.redeploy(box)
        #expect(fixed.exitCode == 0, "\(fixed.stderr)")
        #expect(try box.stackStatus(Self.stack) == "UPDATE_COMPLETE")
        #expect(try box.functionColumn("memory_size") == "256")
    }

    @Test func missingCapabilityIsAChangeSetError() throws {
        let box = try Sandbox()
        try box.setRuntime("nodejs22.x")
        let run = try box.sam(["deploy", "--stack-name", Self.stack, "--resolve-s3"])
        #expect(run.exitCode == 1)
        #expect(run.stderr.hasSuffix("""
            Error: Failed to create changeset for the stack: lambda-to-dynamodb, An error occurred (InsufficientCapabilitiesException) when calling the CreateChangeSet operation: Requires capabilities : [CAPABILITY_IAM]

            """))
        #expect(run.stdout.contains("\tCapabilities                 : null\n"))
        #expect(try box.stackStatus(Self.stack) == nil)
        // Only the uploads happened (as on AWS, the artifacts are in S3 before CreateChangeSet).
        #expect(try box.count("stacks") == 0)
        #expect(try box.count("s3_objects") == 2)
    }

    @Test func noStackNameAndNoSamconfigIsAUsageError() throws {
        let box = try Sandbox()
        let before = try box.dump()
        let run = try box.sam(["deploy"])
        #expect(run.exitCode == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == """

            Usage: sam deploy [OPTIONS]
            Try 'sam deploy -h' for help.

            Error: Missing option '--stack-name', 'sam deploy --guided' can be used to provide and save needed parameters for future deploys.

            """)
        #expect(try box.dump() == before)
    }

    @Test func noBucketIsBucketNotSpecified() throws {
        let box = try Sandbox()
        let before = try box.dump()
        let run = try box.sam(["deploy", "--stack-name", Self.stack, "--capabilities", "CAPABILITY_IAM"])
        #expect(run.exitCode == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == """
            Error: 
            S3 Bucket not specified, use --s3-bucket to specify a bucket name, or use --resolve-s3 to create a managed default bucket, or run sam deploy --guided

            """)
        #expect(try box.dump() == before)
    }
}
