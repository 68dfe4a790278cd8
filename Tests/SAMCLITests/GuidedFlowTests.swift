import SimKit
import Testing
@testable import SAMCLI

/// Scripted input and captured output for the prompters.
final class Console {
    var lines: [String]
    var output = ""

    init(_ lines: [String]) {
        self.lines = lines
    }

    func click(palette: Palette = .plain, echo: Bool = true) -> ClickPrompter {
        ClickPrompter(palette: palette, echoInput: echo,
                      readLine: { [self] in lines.isEmpty ? nil : lines.removeFirst() },
                      write: { [self] in output += $0 })
    }
}

struct GuidedFlowTests {
    static let bucket = "aws-sam-cli-managed-default-samclisourcebucket-4ufrwcv4wqp8"

    /// Rebuilds the whole §1.5 session from the renderers, in SAM's order.
    @Test func firstGuidedRunMatchesTheTranscript() throws {
        let console = Console(["lambda-dynamodb", "", "y", "y", "n", "y", "", "", "y"])
        let guided = GuidedPrompter(click: console.click())
        let answers = try guided.run(GuidedDefaults(fallbackRegion: "ap-northeast-2"))
        #expect(answers == GuidedAnswers(stackName: "lambda-dynamodb", region: "ap-northeast-2"))

        let messages = DeployMessages()
        var session = Emission.out(console.output)
        session += messages.lookingForResources() + messages.managedBucket(Self.bucket) + messages.savedArguments()
        session += messages.uploaded(key: "lambda-dynamodb/0f14fed25ef891077baa96015543f353", bytes: 730)
        session += messages.deployingWithValues(DeployValues(stackName: answers.stackName, region: answers.region,
                                                             confirmChangeset: answers.confirmChangeset,
                                                             disableRollback: answers.disableRollback, s3Bucket: Self.bucket))
        session += messages.initiatingDeployment()
        session += messages.uploaded(key: "lambda-dynamodb/33501b8dd453a011acc3d90c9b00c5b4.template", bytes: 1153)
        session += messages.waitingForChangeSet()
        session += .out(DeployTables().changeSet([
            ChangeSetEntry(action: .add, logicalResourceId: "LambdaPutDynamoDB", resourceType: "AWS::Serverless::Function"),
            ChangeSetEntry(action: .add, logicalResourceId: "DynamoTable", resourceType: "AWS::DynamoDB::Table"),
        ]))
        session += messages.changeSetCreated(arn: "arn:aws:cloudformation:ap-northeast-2:123456789012:changeSet/"
            + "samcli-deploy1795630920/95c0caed-cfd3-47fe-a787-fcef691d0b0c")
        session += messages.previewHeader()
        console.output = ""
        #expect(try guided.confirmDeploy())
        session += .out(console.output)
        session += messages.waitingForStack(at: try #require(TimeFormat.parseISO("2026-11-25 18:22:00")))
        let stack = "AWS::CloudFormation::Stack"
        session += .out(DeployTables().events([
            StackEventRow(status: "CREATE_IN_PROGRESS", resourceType: stack, logicalResourceId: "lambda-dynamodb",
                          reason: "User Initiated"),
            StackEventRow(status: "CREATE_COMPLETE", resourceType: stack, logicalResourceId: "lambda-dynamodb"),
        ]))
        session += messages.success(stackName: "lambda-dynamodb", region: "ap-northeast-2")
        // The transcript's terminal dropped the carriage return of the upload lines.
        #expect(session.combined.replacingOccurrences(of: "\r", with: "") == Transcripts.guidedFirstRun)
        #expect(session.stderr == "\r\tUploading to lambda-dynamodb/0f14fed25ef891077baa96015543f353  730 / 730  (100.00%)\n"
            + "\r\tUploading to lambda-dynamodb/33501b8dd453a011acc3d90c9b00c5b4.template  1153 / 1153  (100.00%)\n")
    }

    @Test func secondRunTakesDefaultsFromSamconfig() throws {
        let config = try SamConfig.parse(Transcripts.samconfig).deployParameters()
        let console = Console(["", "", "", "", "", "", "", "", "n"])
        let guided = GuidedPrompter(click: console.click())
        let answers = try guided.run(GuidedDefaults(config: config, configFound: true, fallbackRegion: "us-east-1"))
        #expect(answers == GuidedAnswers(stackName: "lambda-dynamodb", region: "ap-northeast-2"))
        #expect(console.output == Transcripts.guidedSecondRunStart)
        console.output = ""
        let preview = DeployMessages().previewHeader().combined
        #expect(try guided.confirmDeploy() == false)
        // The transcript elides the lines before the header; the header starts with a newline.
        #expect(preview + console.output == "\n" + Transcripts.guidedSecondRunEnd)
    }

    @Test func colouredPromptsMatchTheRawTranscript() throws {
        let console = Console(["lambda-dynamodb", "", "y", "y", "n", "y", "", ""])
        _ = try GuidedPrompter(click: console.click(palette: .ansi)).run(GuidedDefaults(fallbackRegion: "ap-northeast-2"))
        let lines = console.output.components(separatedBy: "\n")
        #expect(lines[0] == "\u{1B}[33m")
        #expect(lines[2] == "======================\u{1B}[0m")
        #expect(lines[5] == "\u{1B}[33m")
        #expect(lines[7] == "\t=========================================\u{1B}[0m")
        #expect(lines[8] == "\t\u{1B}[1mStack Name\u{1B}[0m [sam-app]: lambda-dynamodb")
        #expect(lines[10] == "\t#Shows you resources changes to be deployed and require a 'Y' to initiate deploy\u{1B}[0m")
        #expect(lines[11] == "\t\u{1B}[1mConfirm changes before deploy\u{1B}[0m [y/N]: y")
    }

    @Test func invalidAnswerIsAskedAgain() throws {
        let console = Console(["maybe", "Yes"])
        #expect(try console.click(echo: false).confirm("\tDisable rollback", default: false))
        #expect(console.output == "\tDisable rollback [y/N]: Error: invalid input\n\tDisable rollback [y/N]: ")
    }

    @Test func endOfInputAborts() {
        let console = Console(["lambda-dynamodb"])
        #expect(throws: PromptAborted.self) {
            try GuidedPrompter(click: console.click()).run(GuidedDefaults(fallbackRegion: "ap-northeast-2"))
        }
        #expect(console.output.hasSuffix("\tAWS Region [ap-northeast-2]: "))
        #expect(PromptAborted().rendered == "Aborted!\n")
        #expect(PromptAborted().exitCode == 1)
    }

    @Test func unauthenticatedApiPromptAndRefusal() throws {
        let defaults = GuidedDefaults(fallbackRegion: "ap-northeast-2", unauthenticatedResources: ["HelloFunction"])
        let console = Console(["", "", "", "", "", "N"])
        #expect(throws: SAMError.securityConstraints) { try GuidedPrompter(click: console.click()).run(defaults) }
        #expect(console.output.hasSuffix("\tDisable rollback [y/N]: \n\tHelloFunction has no authentication. Is this okay? [y/N]: N\n"))
        #expect(SAMError.securityConstraints.rendered == "Error: Security Constraints Not Satisfied!\n")
    }

    @Test func capabilitiesAndParametersPrompts() throws {
        let defaults = GuidedDefaults(fallbackRegion: "eu-west-1", parameters: [
            GuidedParameter(key: "Stage", defaultValue: "dev"), GuidedParameter(key: "Secret", noEcho: true),
        ])
        let console = Console(["app", "", "", "s3cret", "", "n", "CAPABILITY_IAM CAPABILITY_AUTO_EXPAND", "", "n"])
        let answers = try GuidedPrompter(click: console.click()).run(defaults)
        #expect(answers.parameterOverrides == [ParameterOverride(key: "Stage", value: "dev"),
                                               ParameterOverride(key: "Secret", value: "s3cret", hidden: true)])
        #expect(answers.capabilities == ["CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"])
        #expect(answers.saveToConfig == false)
        #expect(console.output.contains("\tParameter Stage [dev]: \n\tParameter Secret: \n"))
        #expect(console.output.contains("\tCapabilities [['CAPABILITY_IAM']]: CAPABILITY_IAM CAPABILITY_AUTO_EXPAND\n"))
    }

    @Test func unreadableConfigStops() {
        let console = Console([])
        let defaults = GuidedDefaults(configFound: true, configReadable: false, fallbackRegion: "us-east-1")
        #expect(throws: SAMError.invalidSamConfig) { try GuidedPrompter(click: console.click()).run(defaults) }
        #expect(console.output.hasSuffix("\tReading default arguments  :  Failure\n"))
    }
}
