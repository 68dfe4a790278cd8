import Account
import CloudFormation
import Foundation
import GRDB
import SAMCLI
import SimKit

/// One `sam deploy` after its options are settled: package, transform, validate, change set,
/// execute. Template errors are found before anything is written, so a bad template leaves the
/// account exactly as it was.
struct SAMDeployRun {
    let context: CommandContext
    let account: Account
    let options: SAMDeployOptions
    let stackName: String
    let region: String
    let bucket: String
    let prefix: String
    let templatePath: String
    let root: TemplateNode
    var console: Console { context.console }
    var messages: DeployMessages { DeployMessages(palette: console.palette) }
    var tables: DeployTables { DeployTables(terminalColumns: console.columns, palette: console.palette) }

    /// What preparing the template produced: a deployable template, or the error CloudFormation
    /// would answer CreateChangeSet with (and where it is in the template).
    enum Prepared {
        case ready(DeployableTemplate)
        case rejected(message: String, location: SourceLocation?)
    }

    func execute() throws -> Int32 {
        let packager = SAMPackager(baseDir: (templatePath as NSString).deletingLastPathComponent, bucket: bucket, prefix: prefix)
        let code: (uploads: [SAMPackager.Upload], keys: [String: String])
        do { code = try packager.packageCode(root) } catch { return console.fail(error) }
        let prepared = try prepare(packager: packager, keys: code.keys)
        let existing = try account.read { db in try code.uploads.map { try account.objects.exists(bucket: bucket, key: $0.key, in: db) } }
        for (upload, exists) in zip(code.uploads, existing) {
            console.emit(exists ? messages.uploadSkipped(key: upload.key) : messages.uploaded(key: upload.key, bytes: upload.body.count))
        }
        console.emit(messages.deployingWithValues(DeployValues(
            stackName: stackName, region: region, confirmChangeset: options.confirmChangeset, disableRollback: options.disableRollback,
            s3Bucket: bucket, capabilities: options.capabilities.isEmpty ? nil : options.capabilities,
            parameterOverrides: options.parameterOverrides, signingProfiles: [])))
        console.emit(messages.initiatingDeployment())
        let templateBody = Array(((try? TemplateYAML.text(root)) ?? "").utf8)
        let templateKey = "\(prefix)/\(Digest.hex(Digest.md5(templateBody))).template"
        let templateExists = try account.read { db in try account.objects.exists(bucket: bucket, key: templateKey, in: db) }
        console.emit(templateExists ? messages.uploadSkipped(key: templateKey) : messages.uploaded(key: templateKey, bytes: templateBody.count))
        console.emit(messages.waitingForChangeSet())

        let template: DeployableTemplate
        switch prepared {
        case .rejected(let message, let location):
            // CloudFormation refuses the template: nothing is stored (not even the uploads).
            let code = console.fail(.changeSetFailed(stackName: stackName, message: SAMError.clientErrorText(
                code: "ValidationError", operation: "CreateChangeSet", message: message)))
            if let location { console.err("  --> \(location)\n") }
            return code
        case .ready(let ready):
            template = ready
        }
        if let refusal = TemplatePreparer.unsimulated(template, simulates: AccountProvisioner.simulatedTypes.contains) { throw refusal }

        let planned: Result<ChangeSetPlan, AWSError> = try account.write { db in
            for upload in code.uploads { try account.objects.put(bucket: bucket, key: upload.key, body: upload.body, md5: upload.md5, now: account.now(), in: db) }
            try account.objects.put(bucket: bucket, key: templateKey, body: templateBody, now: account.now(), in: db)
            return try ChangeSetPlanner(region: account.region, account: account.accountId)
                .plan(stackName: stackName, template: template, capabilities: options.capabilities, in: db)
        }
        let plan: ChangeSetPlan
        switch planned {
        case .failure(let error):
            return console.fail(.changeSetFailed(stackName: stackName, message: SAMError.clientErrorText(
                code: error.code, operation: "CreateChangeSet", message: error.message)))
        case .success(let p):
            plan = p
        }
        if plan.isEmpty {
            if options.failOnEmptyChangeset { return console.fail(.changeEmpty(stackName: stackName)) }
            console.emit(messages.noChanges(stackName: stackName))
            return 0
        }
        return try showAndExecute(plan)
    }

    /// Runs the SAM transform with this deploy's artifact keys, then CloudFormation's checks.
    func prepare(packager: SAMPackager, keys: [String: String]) throws -> Prepared {
        var processed = packager.rewritePlainFunctions(root, keys: keys)
        if SAMTransform.isSAM(processed) {
            let packaging = SAMPackaging(bucket: bucket, key: { _, codeUri in keys[codeUri] ?? codeUri })
            do {
                processed = try SAMTransform.transform(processed, packaging: packaging).template
            } catch let error as SAMTransformError {
                return .rejected(message: "Transform AWS::Serverless-2016-10-31 failed with: \(error.message)",
                                 location: SAMTemplateFile.location(of: error, in: root))
            }
        }
        do {
            let declared = Set(processed["Parameters"]?.mapValue?.keys ?? [])
            // SAM drops overrides the template does not declare before calling CloudFormation.
            let overrides = Dictionary(options.parameterOverrides.filter { declared.contains($0.key) }.map { ($0.key, $0.value) },
                                       uniquingKeysWith: { _, last in last })
            return .ready(try TemplatePreparer.prepare(processed, overrides: overrides, stackName: stackName, region: account.region,
                                                       accountId: account.accountId))
        } catch let error as TemplateValidationError {
            return .rejected(message: error.message, location: error.location)
        }
    }

    func showAndExecute(_ plan: ChangeSetPlan) throws -> Int32 {
        console.out(tables.changeSet(plan.changes.map {
            ChangeSetEntry(action: ChangeSetEntry.Action(rawValue: $0.action.rawValue) ?? .add, logicalResourceId: $0.logicalId,
                           resourceType: $0.type, replacement: $0.replacement)
        }))
        let arn = "arn:aws:cloudformation:\(region):\(account.accountId):changeSet/samcli-deploy\(account.now() / 1000)/\(account.ids.uuid())"
        console.emit(messages.changeSetCreated(arn: arn))
        if options.confirmChangeset {
            console.emit(messages.previewHeader())
            let click = ClickPrompter(palette: console.palette, echoInput: !console.inputIsTerminal, readLine: { console.readLine() },
                                      write: { console.out($0) })
            let deploy: Bool
            do { deploy = try GuidedPrompter(click: click).confirmDeploy() } catch {
                console.err(error.rendered)
                return error.exitCode
            }
            guard deploy else {
                try account.write { db in try account.deployer(db).recordDeclined(plan, in: db) }
                return 0
            }
        }
        console.emit(messages.waitingForStack(at: account.now(), utcOffsetSeconds: context.timeZoneOffset(at: account.now())))
        let result = try account.write { db in try account.deployer(db).execute(plan, in: db) }
        console.out(tables.events(result.events.map {
            StackEventRow(status: $0.status, detailedStatus: $0.detailedStatus, resourceType: $0.type, logicalResourceId: $0.logicalId,
                          reason: $0.reason)
        }))
        if result.failed {
            let waiter: SAMError.Waiter = plan.kind == .create ? .stackCreateComplete : .stackUpdateComplete
            return console.fail(.deployFailed(stackName: stackName, waiter: waiter, status: result.stack.status))
        }
        if !result.stack.outputs.isEmpty {
            console.out(tables.outputs(result.stack.outputs.map { StackOutputRow(key: $0.key, description: $0.description, value: $0.value) }))
        }
        console.emit(messages.success(stackName: stackName, region: region))
        return 0
    }

}
