import Testing
@testable import SAMCLI

struct MessagesTests {
    @Test func buildSuccess() {
        let build = BuildMessages()
        let run = build.buildingCodeUri("<temp folder>/src", runtime: "nodejs20.x", functions: ["LambdaPutDynamoDB"])
            + build.running(BuildMessages.nodejsNpmActions) + build.succeeded()
        #expect(run.combined == Transcripts.buildSuccess)
        #expect(run.stdout.hasPrefix("\nBuild Succeeded\n"))
        #expect(run.stderr.hasSuffix(" Running NodejsNpmBuilder:LockfileCleanUp\n"))
    }

    @Test func deprecatedRuntimeRefusal() {
        let build = BuildMessages()
        let (emission, error) = build.unsupportedRuntime("nodejs12.x")
        let run = build.buildingCodeUri("<temp folder>/src", runtime: "nodejs12.x", functions: ["LambdaPutDynamoDB"])
            + emission + error.emission
        let stripped = run.combined.replacingOccurrences(of: "\u{1B}[33m", with: "").replacingOccurrences(of: "\u{1B}[0m", with: "")
        #expect(stripped == Transcripts.buildDeprecated)
        #expect(emission.stderr.hasPrefix("\u{1B}[33mBuilding functions with nodejs12.x is no longer supported by AWS SAM CLI"))
        #expect(emission.stdout == "\nBuild Failed\n")
        #expect(error.exitCode == 1)
    }

    @Test func workflowActionError() {
        let (emission, error) = BuildMessages().actionFailed(action: "NpmInstall", reason: "NPM Failed: npm error code ENOTFOUND")
        #expect(emission.stdout == "\nBuild Failed\n")
        #expect(error.rendered == "Error: NodejsNpmBuilder:NpmInstall - NPM Failed: npm error code ENOTFOUND\n")
    }

    @Test func validateLines() {
        let validate = ValidateMessages()
        #expect(validate.valid(path: "/t/template.yaml").stdout == "/t/template.yaml is a valid SAM Template. This is "
            + "according to basic SAM Validation, for additional validation, please run with \"--lint\" option\n")
        let notFound = validate.notFound(path: "/t/template.yml")
        #expect(notFound.emission.stdout == "SAM Template Not Found\n")
        #expect(notFound.error.rendered == "Error: Template at /t/template.yml is not found\n")
        #expect(ValidateMessages(palette: .ansi).invalid(path: "/t", message: "m").emission.stdout
            == "\u{1B}[41mTemplate provided at '/t' was invalid SAM Template.\u{1B}[0m\n")
        let lint = validate.lintFailed([
            .init(rule: "W2531", title: "Check if EOL Lambda Function Runtimes are used", message: "Runtime 'nodejs20.x'", line: 11),
            .init(rule: "E3006", title: "Validate the CloudFormation resource type", message: "Resource type", line: 21),
        ])
        #expect(lint.emission.stdout == "[[W2531: Check if EOL Lambda Function Runtimes are used] (Runtime 'nodejs20.x') "
            + "matched 11, [E3006: Validate the CloudFormation resource type] (Resource type) matched 21]\n")
        #expect(lint.error.rendered == "Error: Linting failed. At least one linting rule was matched to the provided template.\n")
    }

    @Test func deployErrors() {
        #expect(SAMError.missingStackName.rendered == Transcripts.missingStackName)
        #expect(SAMError.missingStackName.exitCode == 2)
        #expect(SAMError.changeEmpty(stackName: "s").rendered == "Error: No changes to deploy. Stack s is up to date\n")
        #expect(DeployMessages().noChanges(stackName: "s").stdout == "No changes to deploy. Stack s is up to date\n")
        #expect(SAMError.deployFailed(stackName: "s", waiter: .stackUpdateComplete, status: "UPDATE_ROLLBACK_COMPLETE").rendered
            == "Error: Failed to create/update the stack: s, Waiter StackUpdateComplete failed: Waiter encountered a terminal "
            + "failure state: For expression \"Stacks[].StackStatus\" we matched expected path: \"UPDATE_ROLLBACK_COMPLETE\" at least once\n")
        let capabilities = SAMError.clientErrorText(code: "InsufficientCapabilitiesException", operation: "CreateChangeSet",
                                                    message: "Requires capabilities : [CAPABILITY_IAM]")
        #expect(SAMError.changeSetFailed(stackName: "s", message: capabilities).rendered
            == "Error: Failed to create changeset for the stack: s, An error occurred (InsufficientCapabilitiesException) when "
            + "calling the CreateChangeSet operation: Requires capabilities : [CAPABILITY_IAM]\n")
        #expect(SAMError.bucketNotSpecified.rendered == "Error: \nS3 Bucket not specified, use --s3-bucket to specify a bucket "
            + "name, or use --resolve-s3 to create a managed default bucket, or run sam deploy --guided\n")
        #expect(DeployMessages().rollbackDisabledHint(stackName: "{stack_name}").stderr == Transcripts.rollbackDisabled)
    }

    @Test func deployValuesBlock() {
        let text = DeployMessages().deployingWithValues(DeployValues(
            stackName: "s", region: "r", confirmChangeset: nil, s3Bucket: "b", capabilities: ["CAPABILITY_IAM", "X"],
            parameterOverrides: [("Stage", "dev"), ("Secret", "***")], signingProfiles: nil)).stdout
        #expect(text == "\n\tDeploying with following values\n\t===============================\n"
            + "\tStack name                   : s\n\tRegion                       : r\n"
            + "\tDisable rollback             : False\n\tDeployment s3 bucket         : b\n"
            + "\tCapabilities                 : [\"CAPABILITY_IAM\", \"X\"]\n"
            + "\tParameter overrides          : {\"Stage\": \"dev\", \"Secret\": \"***\"}\n"
            + "\tSigning Profiles             : null\n")
        #expect(DeployMessages(palette: .ansi).initiatingDeployment().stdout
            == "\u{1B}[33m\nInitiating deployment\n=====================\n\u{1B}[0m\n")
        #expect(DeployMessages().uploadSkipped(key: "k/abc").stderr == "\n\tFile with same data already exists at k/abc, skipping upload\n")
    }

    @Test func deleteFlow() throws {
        let console = Console(["y", "n", "y"])
        let prompts = DeletePrompts(click: console.click())
        #expect(try prompts.confirmStack("lambda-dynamodb", region: "ap-northeast-2"))
        #expect(try prompts.confirmArtifactsFolder("lambda-dynamodb") == false)
        #expect(try prompts.confirmTemplateFile("abc.template"))
        let messages = DeleteMessages()
        let tail = messages.deletingStack("lambda-dynamodb") + messages.bucketUnknownWarning() + messages.deleted()
        #expect(console.output == "\tAre you sure you want to delete the stack lambda-dynamodb in the region ap-northeast-2 ? [y/N]: y\n"
            + "\tAre you sure you want to delete the folder lambda-dynamodb in S3 which contains the artifacts? [y/N]: n\n"
            + "\tDo you want to delete the template file abc.template in S3? [y/N]: y\n")
        #expect(tail.stdout == "\t- Deleting Cloudformation stack lambda-dynamodb\n\nWarning: Cannot resolve s3 bucket information "
            + "from command options , local config file or cloudformation template. Please use --s3-bucket next time and "
            + "delete s3 files manually if required.\n\nDeleted successfully\n")
        let bold = Console(["n"])
        _ = try DeletePrompts(click: bold.click(palette: .ansi)).confirmStack("s", region: "r")
        #expect(bold.output == "\u{1B}[1m\tAre you sure you want to delete the stack s in the region r ?\u{1B}[0m [y/N]: n\n")
    }
}
