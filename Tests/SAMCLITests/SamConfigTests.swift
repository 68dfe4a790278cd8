import SimKit
import Testing
@testable import SAMCLI

struct SamConfigTests {
    static let answers = GuidedAnswers(stackName: "lambda-dynamodb", region: "ap-northeast-2")

    @Test func firstSaveWritesTheTranscriptFile() {
        var config = SamConfig()
        let dropped = config.saveGuided(Self.answers)
        #expect(dropped.isEmpty)
        #expect(config.rendered() == Transcripts.samconfig)
    }

    @Test func reSaveMovesRegionToGlobalOnly() throws {
        var config = try SamConfig.parse(Transcripts.samconfig)
        let dropped = config.saveGuided(Self.answers)
        #expect(dropped == [SamConfigEntry("region", .string("ap-northeast-2"))])
        #expect(config.rendered() == Transcripts.samconfig.replacingOccurrences(of: "s3_prefix = \"lambda-dynamodb\"\nregion = \"ap-northeast-2\"\n",
                                                                                with: "s3_prefix = \"lambda-dynamodb\"\n"))
        let message = DeployMessages().globalParameterDeduplicated(key: "region", value: "ap-northeast-2",
                                                                   path: "/p/samconfig.toml").stderr
        #expect(message == "\n\tParameter \"region=ap-northeast-2\" in [default.deploy.parameters] is defined as a global "
            + "parameter [default.global.parameters].\n\tThis parameter will be only saved under [default.global.parameters] "
            + "in /p/samconfig.toml.\n")
    }

    @Test func savesOverridesDisableRollbackAndFalseValuesAreSkipped() {
        var answers = Self.answers
        answers.confirmChangeset = false
        answers.disableRollback = true
        answers.parameterOverrides = [ParameterOverride(key: "Stage", value: "say \"hi\""),
                                      ParameterOverride(key: "Secret", value: "x", hidden: true)]
        var config = SamConfig()
        config.saveGuided(answers)
        #expect(config.rendered() == """
            version = 0.1

            [default.deploy.parameters]
            stack_name = "lambda-dynamodb"
            resolve_s3 = true
            s3_prefix = "lambda-dynamodb"
            region = "ap-northeast-2"
            capabilities = "CAPABILITY_IAM"
            disable_rollback = true
            parameter_overrides = "Stage=\\"say \\\\\\"hi\\\\\\"\\""
            image_repositories = []

            [default.global.parameters]
            region = "ap-northeast-2"

            """)
    }

    @Test func readsDeployKeys() throws {
        let text = """
            # written by hand
            version = 0.1
            [default.deploy.parameters]
            stack_name = 'app'   # comment
            s3_bucket = "bucket"
            capabilities = ["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM"]
            parameter_overrides = "Stage=\\"prod stage\\" Size=3"
            fail_on_empty_changeset = false
            resolve_s3 = false
            tags = [
              "a=b",
            ]
            [default.global.parameters]
            region = "eu-west-1"
            """
        let config = try SamConfig.parse(text).deployParameters()
        #expect(config.stackName == "app")
        #expect(config.s3Bucket == "bucket")
        #expect(config.region == "eu-west-1")
        #expect(config.capabilities == ["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM"])
        #expect(config.parameterOverrides?.map { "\($0.key)=\($0.value)" } == ["Stage=prod stage", "Size=3"])
        #expect(config.failOnEmptyChangeset == false)
        #expect(config.resolveS3 == false)
        #expect(config.confirmChangeset == nil)
        let single = try SamConfig.parse(Transcripts.samconfig).deployParameters()
        #expect(single.capabilities == ["CAPABILITY_IAM"])
        #expect(single.confirmChangeset == true)
    }

    @Test func parseErrorsCarryLocationAndTomlkitText() {
        #expect {
            _ = try SamConfig.parse("version = 0.1\n[default.deploy.parameters]\nstack_name = \"x\n")
        } throws: { error in
            guard let error = error as? SamConfigParseError else { return false }
            return error.line == 3 && error.column == 16 && error.tomlkitMessage
                == "Control characters (codes less than 0x1f and 0x7f) are not allowed in strings, use \\u000a instead at line 3 col 15"
                && error.workbookError(file: "samconfig.toml").rendered().hasPrefix("samconfig.toml:3:16: error: ")
        }
        #expect {
            _ = try SamConfig.parse("a = \n")
        } throws: { error in
            (error as? SamConfigParseError)?.samError.rendered == "Error: Unexpected character: '\\n' at line 1 col 4\n"
        }
        #expect(throws: SamConfigParseError.self) { try SamConfig.parse("[default.deploy.parameters]\na = 1\na = 2\n") }
        #expect(throws: SamConfigParseError.self) { try SamConfig.parse("[x\n") }
        #expect(throws: SamConfigParseError.self) { try SamConfig.parse("[t]\nkey = bare\n") }
    }
}
