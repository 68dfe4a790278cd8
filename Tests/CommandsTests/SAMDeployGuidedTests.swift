import Foundation
import Testing
import TestSupport

/// cli-transcripts §1.5–1.7: the guided deploy driven by piped answers, the samconfig.toml it
/// writes, and the plain `sam deploy` that reads it.
@Suite struct SAMDeployGuidedTests {
    /// §1.5's answers: stack name, Enter (region), y, y, n, y, Enter, Enter, then y to deploy.
    static let answers = ["lambda-dynamodb", "", "y", "y", "n", "y", "", "", "y"]

    /// §1.5's prompts and the blocks after them, up to the change set (ANSI stripped, answers echoed).
    static func expectedPreamble(bucket: String) -> String {
        """

        Configuring SAM deploy
        ======================

        \tLooking for config file [samconfig.toml] :  Not found

        \tSetting default arguments for 'sam deploy'
        \t=========================================
        \tStack Name [sam-app]: lambda-dynamodb
        \tAWS Region [ap-northeast-2]: 
        \t#Shows you resources changes to be deployed and require a 'Y' to initiate deploy
        \tConfirm changes before deploy [y/N]: y
        \t#SAM needs permission to be able to create roles to connect to the resources in your template
        \tAllow SAM CLI IAM role creation [Y/n]: y
        \t#Preserves the state of previously provisioned resources when an operation fails
        \tDisable rollback [y/N]: n
        \tSave arguments to configuration file [Y/n]: y
        \tSAM configuration file [samconfig.toml]: 
        \tSAM configuration environment [default]: 

        \tLooking for resources needed for deployment:

        \tManaged S3 bucket: \(bucket)
        \tAuto resolution of buckets can be turned off by setting resolve_s3=False
        \tTo use a specific S3 bucket, set --s3-bucket=<bucket_name>
        \tAbove settings can be stored in samconfig.toml

        \tSaved arguments to config file
        \tRunning 'sam deploy' for future deployments will use the parameters saved above.
        \tThe above parameters can be changed by modifying samconfig.toml
        \tLearn more about samconfig.toml syntax at 
        \thttps://docs.aws.amazon.com/serverless-application-model/latest/developerguide/serverless-sam-cli-config.html

        \r\tUploading to lambda-dynamodb/<md5>  <n> / <n>  (100.00%)

        \tDeploying with following values
        \t===============================
        \tStack name                   : lambda-dynamodb
        \tRegion                       : ap-northeast-2
        \tConfirm changeset            : True
        \tDisable rollback             : False
        \tDeployment s3 bucket         : \(bucket)
        \tCapabilities                 : ["CAPABILITY_IAM"]
        \tParameter overrides          : {}
        \tSigning Profiles             : {}

        Initiating deployment
        =====================

        \r\tUploading to lambda-dynamodb/<md5>.template  <n> / <n>  (100.00%)


        Waiting for changeset to be created..

        CloudFormation stack changeset

        """
    }

    /// §1.5's samconfig.toml, byte for byte.
    static let expectedSamconfig = """
        version = 0.1

        [default.deploy.parameters]
        stack_name = "lambda-dynamodb"
        resolve_s3 = true
        s3_prefix = "lambda-dynamodb"
        region = "ap-northeast-2"
        confirm_changeset = true
        capabilities = "CAPABILITY_IAM"
        image_repositories = []

        [default.global.parameters]
        region = "ap-northeast-2"

        """

    /// The built nodejs22.x sample, deployed once through the guided flow.
    static func guidedDeploy() throws -> (Sandbox, CommandRun) {
        let box = try Sandbox()
        try box.setRuntime("nodejs22.x")
        #expect(try box.sam(["build"]).exitCode == 0)
        let run = try box.sam(["deploy", "--guided"], input: answers)
        return (box, run)
    }

    @Test func guidedPromptsAndSamconfigMatchTranscript() throws {
        let (box, run) = try Self.guidedDeploy()
        #expect(run.exitCode == 0, "\(run.stderr)")
        let expected = Self.expectedPreamble(bucket: box.account.samManagedBucket)
        let got = normalized(run.combined)
        #expect(got.hasPrefix(expected), "\(firstDifference(got, expected))")
        #expect(try box.read("samconfig.toml") == Self.expectedSamconfig)
        // Confirmation, then the deployment, as §1.5 ends.
        #expect(run.stdout.contains("""

            Previewing CloudFormation changeset before deployment
            ======================================================
            Deploy this changeset? [y/N]: y

            2026-11-01 09:00:00 - Waiting for stack create/update to complete

            """))
        #expect(run.stdout.hasSuffix("\nSuccessfully created/updated stack - lambda-dynamodb in ap-northeast-2\n\n"))
        #expect(run.stderr.isEmpty == false && !run.stderr.contains("Error"))
        #expect(try box.stackStatus("lambda-dynamodb") == "CREATE_COMPLETE")
    }

    @Test func plainDeployReadsSamconfigAndFindsNoChanges() throws {
        let (box, first) = try Self.guidedDeploy()
        #expect(first.exitCode == 0)
        let run = try box.sam(["deploy"])
        // Same built template: CloudFormation's change set is empty, and SAM fails on it (§1.7).
        #expect(run.exitCode == 1)
        #expect(run.stdout.contains("\tStack name                   : lambda-dynamodb\n"))
        #expect(run.stdout.contains("\tConfirm changeset            : True\n"))
        #expect(run.stdout.contains("\tCapabilities                 : [\"CAPABILITY_IAM\"]\n"))
        #expect(run.stdout.contains("\tManaged S3 bucket: \(box.account.samManagedBucket)\n"))
        #expect(run.stdout.hasSuffix("\n\nWaiting for changeset to be created..\n\n"))
        #expect(run.stderr.hasSuffix("\nError: No changes to deploy. Stack lambda-dynamodb is up to date\n"))
        #expect(normalized(run.stderr).contains("\n\tFile with same data already exists at lambda-dynamodb/<md5>, skipping upload\n"))
        #expect(!run.stdout.contains("Configuring SAM deploy"))
    }

    @Test func plainDeployOfAnEditedRebuiltTemplateUpdatesTheStack() throws {
        let (box, first) = try Self.guidedDeploy()
        #expect(first.exitCode == 0)
        try box.editTemplate("Timeout: 3", "Timeout: 10")
        // Without a new build, deploy still uses .aws-sam/build/template.yaml, as SAM does.
        #expect(try box.sam(["deploy"]).stderr.contains("Error: No changes to deploy."))
        #expect(try box.sam(["build"]).exitCode == 0)
        // samconfig says confirm_changeset = true: the answer comes from the input.
        let run = try box.sam(["deploy"], input: ["y"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.stdout.contains("""
            -------------------------------------------------------------------------------------------------
            * Modify                 LambdaPutDynamoDB        AWS::Lambda::Function    False                  
            -------------------------------------------------------------------------------------------------
            """))
        #expect(run.stdout.contains("Deploy this changeset? [y/N]: y\n"))
        #expect(run.stdout.contains("UPDATE_COMPLETE          AWS::CloudFormation::S   lambda-dynamodb          -"))
        #expect(run.stdout.hasSuffix("\nSuccessfully created/updated stack - lambda-dynamodb in ap-northeast-2\n\n"))
        #expect(try box.stackStatus("lambda-dynamodb") == "UPDATE_COMPLETE")
        #expect(try box.functionColumn("timeout") == "10")
    }

    @Test func guidedAgainFindsConfigAndDecliningDeploysNothing() throws {
        let (box, first) = try Self.guidedDeploy()
        #expect(first.exitCode == 0)
        try box.editTemplate("Timeout: 3", "Timeout: 10")
        #expect(try box.sam(["build"]).exitCode == 0)
        let before = try box.dump()
        let run = try box.sam(["deploy", "--guided"], input: ["", "", "", "", "", "", "", "", "n"])
        #expect(run.exitCode == 0)
        // §1.6: the config is found and its values are the defaults.
        #expect(run.stdout.hasPrefix("""

            Configuring SAM deploy
            ======================

            \tLooking for config file [samconfig.toml] :  Found
            \tReading default arguments  :  Success

            \tSetting default arguments for 'sam deploy'
            \t=========================================
            \tStack Name [lambda-dynamodb]: 
            \tAWS Region [ap-northeast-2]: 
            \t#Shows you resources changes to be deployed and require a 'Y' to initiate deploy
            \tConfirm changes before deploy [Y/n]: 
            \t#SAM needs permission to be able to create roles to connect to the resources in your template
            \tAllow SAM CLI IAM role creation [Y/n]: 
            \t#Preserves the state of previously provisioned resources when an operation fails
            \tDisable rollback [y/N]: 
            \tSave arguments to configuration file [Y/n]: 
            \tSAM configuration file [samconfig.toml]: 
            \tSAM configuration environment [default]: 

            \tLooking for resources needed for deployment:

            """))
        #expect(run.stdout.hasSuffix("""
            Previewing CloudFormation changeset before deployment
            ======================================================
            Deploy this changeset? [y/N]: n

            """))
        #expect(try box.stackStatus("lambda-dynamodb") == "CREATE_COMPLETE")
        // Declining leaves the stack as it was (only uploads and the saved config are new).
        let stacksBefore = before.components(separatedBy: "\n").filter { $0.contains("stack") }
        let stacksAfter = try box.dump().components(separatedBy: "\n").filter { $0.contains("stack") }
        #expect(stacksBefore.count == stacksAfter.count)
    }

    @Test func endOfInputDuringGuidedPromptsAborts() throws {
        let box = try Sandbox()
        try box.setRuntime("nodejs22.x")
        let before = try box.dump()
        let run = try box.sam(["deploy", "--guided"], input: ["lambda-dynamodb"])
        #expect(run.exitCode == 1)
        #expect(run.stderr == "Aborted!\n")
        #expect(!box.exists("samconfig.toml"))
        #expect(try box.dump() == before)
    }
}
