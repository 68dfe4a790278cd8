import Account
import CloudFormation
import Foundation
import GRDB
import SAMCLI
import SimKit

/// `sam delete [--stack-name S] [--region R] [--no-prompts]`: deletes the stack and, when SAM
/// can tell where they are, the artifacts `sam deploy` uploaded.
struct SAMDelete {
    let context: CommandContext
    let arguments: [String]
    var console: Console { context.console }

    func run() throws -> Int32 {
        let args = try ClickArguments(command: "delete", spec: ["--stack-name": .value, "--region": .value, "--no-prompts": .flag,
                                                               "--config-file": .value, "--config-env": .value, "--profile": .value,
                                                               "--s3-bucket": .value, "--s3-prefix": .value, "--debug": .flag],
                                      arguments: arguments)
        let config = (try? String(contentsOfFile: console.path(args.value("--config-file") ?? "samconfig.toml"), encoding: .utf8))
            .flatMap { try? SamConfig.parse($0) }?.deployParameters(env: "default")
        let account = try context.account()
        let noPrompts = args.flag("--no-prompts")
        let click = ClickPrompter(palette: console.palette, echoInput: !console.inputIsTerminal, readLine: { console.readLine() },
                                  write: { console.out($0) })
        let prompts = DeletePrompts(click: click)
        let messages = DeleteMessages(palette: console.palette)
        do {
            var stackName = args.value("--stack-name") ?? config?.stackName
            if stackName == nil {
                if noPrompts { throw SAMError("Missing option '--stack-name'", preamble: "Usage: sam delete [OPTIONS]\nTry 'sam delete -h' for help.\n\n", exitCode: 2) }
                stackName = try prompts.stackName()
            }
            guard let stackName else { return 2 }
            let region = args.value("--region") ?? config?.region ?? account.region
            guard region == account.region else {
                throw WorkbookError.notSimulated("region \(region) (the simulated account lives in \(account.region))", at: nil)
            }
            if !noPrompts { guard try prompts.confirmStack(stackName, region: region) else { return 0 } }
            guard let stack = try account.read({ db in try account.stacks.live(named: stackName, in: db) }) else {
                console.emit(messages.stackNotFound(stackName, region: region))
                return 0
            }
            let artifacts = try artifactLocation(stack, account: account, explicitBucket: args.value("--s3-bucket") ?? config?.s3Bucket,
                                                 explicitPrefix: args.value("--s3-prefix") ?? config?.s3Prefix)
            var deleteArtifacts = false
            if let artifacts { deleteArtifacts = try noPrompts || prompts.confirmArtifactsFolder(artifacts.prefix) }
            try account.write { db in
                if let artifacts, deleteArtifacts {
                    for key in try account.objects.keys(bucket: artifacts.bucket, prefix: artifacts.prefix + "/", in: db) {
                        console.emit(messages.deletedObject(key: key))
                    }
                    try account.objects.deletePrefix(bucket: artifacts.bucket, prefix: artifacts.prefix + "/", in: db)
                }
                console.emit(messages.deletingStack(stackName))
                _ = try account.deployer(db).delete(stack: stack, in: db)
            }
            if artifacts == nil { console.emit(messages.bucketUnknownWarning()) }
            console.emit(messages.deleted())
            return 0
        } catch let aborted as PromptAborted {
            console.err(aborted.rendered)
            return aborted.exitCode
        }
    }

    /// The artifact bucket and prefix: from flags/samconfig, else from the code locations in the
    /// stack's template (what `sam deploy` uploaded).
    func artifactLocation(_ stack: Stack, account: Account, explicitBucket: String?, explicitPrefix: String?) throws -> (bucket: String, prefix: String)? {
        if let explicitBucket { return (explicitBucket, explicitPrefix ?? stack.name) }
        guard let body = try account.read({ db in try account.stacks.template(of: stack.stackId, in: db) }),
              let json = try? JSONParser.parse(body) else { return nil }
        for (_, resource) in json["Resources"]?.objectValue ?? JSONObject() {
            if let bucket = resource["Properties"]?["Code"]?["S3Bucket"]?.stringValue,
               let key = resource["Properties"]?["Code"]?["S3Key"]?.stringValue, let slash = key.lastIndex(of: "/") {
                return (bucket, String(key[..<slash]))
            }
        }
        return nil
    }
}
