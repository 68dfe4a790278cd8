import Account
import CloudFormation
import Foundation
import SAMCLI
import SimKit

/// `sam deploy [--guided]`: package, create a change set, show it, execute it, follow the events,
/// print the outputs — on the simulated account, in SAM CLI 1.170.0's words and layout.
struct SAMDeploy {
    let context: CommandContext
    let arguments: [String]
    var console: Console { context.console }
    var messages: DeployMessages { DeployMessages(palette: console.palette) }

    func run() throws -> Int32 {
        let (loaded, configFound, configReadable) = readConfig(path: console.path(configFileArgument()))
        var (options, args) = try SAMDeployOptions.parse(arguments, config: loaded?.deployParameters(env: "default"))
        if args.flag("--help") { console.out(Self.help); return 0 }
        let account = try context.account()
        let templatePath = try locateTemplate(options)
        let root = try SAMTemplateFile.load(templatePath, console: console)

        if options.guided {
            do {
                let answers = try guided(options: options, config: loaded, found: configFound, readable: configReadable, root: root, account: account)
                options.stackName = answers.stackName
                options.region = answers.region
                options.confirmChangeset = answers.confirmChangeset
                options.capabilities = answers.capabilities
                options.disableRollback = answers.disableRollback
                options.parameterOverrides = answers.parameterOverrides.map { (key: $0.key, value: $0.value) }
                options.resolveS3 = true
                options.s3Bucket = nil
                options.s3Prefix = answers.stackName
            } catch let aborted as PromptAborted {
                console.err(aborted.rendered)
                return aborted.exitCode
            }
        }
        guard let stackName = options.stackName else { return console.fail(.missingStackName) }
        let region = options.region ?? console.environment["AWS_DEFAULT_REGION"] ?? console.environment["AWS_REGION"] ?? account.region
        guard region == account.region else { throw WorkbookError.notSimulated("region \(region) (the simulated account lives in \(account.region))", at: nil) }
        if options.disableRollback { throw WorkbookError.notSimulated("sam deploy --disable-rollback", at: nil) }
        if options.resolveS3 && options.s3Bucket != nil { return console.fail(.resolveS3AndS3Bucket) }
        let bucket: String
        if options.resolveS3 {
            bucket = account.samManagedBucket
            if !options.guided { console.emit(messages.managedBucket(bucket)) }
        } else if let given = options.s3Bucket {
            bucket = given
        } else {
            return console.fail(.bucketNotSpecified)
        }
        let run = SAMDeployRun(context: context, account: account, options: options, stackName: stackName, region: region,
                               bucket: bucket, prefix: options.s3Prefix ?? stackName, templatePath: templatePath, root: root)
        return try run.execute()
    }

    /// `--config-file` must be known before the other flags are merged with the file.
    func configFileArgument() -> String {
        if let i = arguments.firstIndex(of: "--config-file"), i + 1 < arguments.count { return arguments[i + 1] }
        return arguments.first { $0.hasPrefix("--config-file=") }.map { String($0.dropFirst("--config-file=".count)) } ?? "samconfig.toml"
    }

    func readConfig(path: String) -> (SamConfig?, Bool, Bool) {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return (nil, false, true) }
        guard let config = try? SamConfig.parse(text) else { return (nil, true, false) }
        return (config, true, true)
    }

    /// `-t FILE`; else the built template when `sam build` made one; else the project's template.
    func locateTemplate(_ options: SAMDeployOptions) throws -> String {
        let path = SAMTemplateFile.locateBuiltFirst(options.templateFile, console: console)
        guard FileManager.default.fileExists(atPath: path) else { throw SAMError("Template file not found at \(path)") }
        return path
    }

    /// The guided prompts, the managed bucket block, and saving samconfig.toml.
    func guided(options: SAMDeployOptions, config: SamConfig?, found: Bool, readable: Bool, root: TemplateNode,
                account: Account) throws -> GuidedAnswers {
        let parameters = (root["Parameters"]?.mapValue?.entries ?? []).map {
            GuidedParameter(key: $0.key, defaultValue: $0.value["Default"]?.scalarText, noEcho: $0.value["NoEcho"]?.scalarText == "true")
        }
        let defaults = GuidedDefaults(config: config?.deployParameters(env: "default") ?? DeployConfig([:]), configFound: found,
                                      configReadable: readable, fallbackRegion: options.region ?? account.region, parameters: parameters)
        let click = ClickPrompter(palette: console.palette, echoInput: !console.inputIsTerminal, readLine: { console.readLine() },
                                  write: { console.out($0) })
        let answers = try GuidedPrompter(click: click).run(defaults)
        console.emit(messages.lookingForResources())
        console.emit(messages.managedBucket(account.samManagedBucket))
        if answers.saveToConfig {
            var updated = config ?? SamConfig()
            let dropped = updated.saveGuided(answers)
            let path = console.path(answers.configFile)
            try updated.rendered().write(toFile: path, atomically: true, encoding: .utf8)
            for entry in dropped {
                console.emit(messages.globalParameterDeduplicated(key: entry.key, value: entry.value.words.joined(separator: " "), path: path,
                                                                  env: answers.configEnv))
            }
            console.emit(messages.savedArguments())
        }
        return answers
    }

    static let help = """
        Usage: sam deploy [OPTIONS]

          The sam deploy command creates a CloudFormation changeset, shows it and deploys it (simulated by the workbook).

        Options:
          -g, --guided                    Prompt for the values and save them to samconfig.toml.
          --stack-name TEXT               The name of the stack to create or update.
          -t, --template-file PATH        The template to deploy (default: .aws-sam/build/template.yaml, else template.yaml).
          --region TEXT                   The region (the simulated account lives in ap-northeast-2).
          --capabilities LIST             CAPABILITY_IAM or CAPABILITY_NAMED_IAM.
          --resolve-s3                    Use SAM's managed artifact bucket.
          --s3-bucket TEXT                The artifact bucket.
          --s3-prefix TEXT                The prefix of uploaded artifacts (default: the stack name).
          --parameter-overrides LIST      Key=Value pairs for template parameters.
          --confirm-changeset / --no-confirm-changeset
          --fail-on-empty-changeset / --no-fail-on-empty-changeset

        """
}
