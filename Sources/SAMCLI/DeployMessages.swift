import SimKit

/// The values `sam deploy` echoes before deploying (`commands/deploy/utils.py` `print_deploy_args`).
public struct DeployValues: Sendable, Hashable {
    /// The stack name.
    public var stackName: String
    /// The region.
    public var region: String
    /// Shown as Python's `True`/`False`; nil leaves the line out (`sam sync`, no change set).
    public var confirmChangeset: Bool?
    /// Shown as Python's `True`/`False`.
    public var disableRollback: Bool
    /// The artifact bucket; nil prints Python's `None`.
    public var s3Bucket: String?
    /// Printed as `json.dumps(list)`; nil prints `null`.
    public var capabilities: [String]?
    /// Printed as `json.dumps(dict)` in this order.
    public var parameterOverrides: [(key: String, value: String)]
    /// Printed as `json.dumps(dict)`; nil prints `null` (what `sam sync` shows).
    public var signingProfiles: [(key: String, value: String)]?

    /// Deploy values; the defaults are those of the §1.5 run.
    public init(stackName: String, region: String, confirmChangeset: Bool? = false, disableRollback: Bool = false,
                s3Bucket: String?, capabilities: [String]? = ["CAPABILITY_IAM"],
                parameterOverrides: [(key: String, value: String)] = [],
                signingProfiles: [(key: String, value: String)]? = []) {
        self.stackName = stackName
        self.region = region
        self.confirmChangeset = confirmChangeset
        self.disableRollback = disableRollback
        self.s3Bucket = s3Bucket
        self.capabilities = capabilities
        self.parameterOverrides = parameterOverrides
        self.signingProfiles = signingProfiles
    }

    /// Compares every field (tuples are not `Equatable`).
    public static func == (lhs: DeployValues, rhs: DeployValues) -> Bool {
        lhs.stackName == rhs.stackName && lhs.region == rhs.region && lhs.confirmChangeset == rhs.confirmChangeset
            && lhs.disableRollback == rhs.disableRollback && lhs.s3Bucket == rhs.s3Bucket
            && lhs.capabilities == rhs.capabilities
            && lhs.parameterOverrides.map { [$0.key, $0.value] } == rhs.parameterOverrides.map { [$0.key, $0.value] }
            && lhs.signingProfiles?.map { [$0.key, $0.value] } == rhs.signingProfiles?.map { [$0.key, $0.value] }
    }

    /// Hashes the stack name and region.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(stackName)
        hasher.combine(region)
    }
}

/// Python's `str(bool)`.
func pythonBool(_ value: Bool) -> String { value ? "True" : "False" }

/// `json.dumps` of a list of strings or an ordered string dictionary.
enum PyJSON {
    static func list(_ items: [String]?) -> String {
        guard let items else { return "null" }
        return JSON.array(items.map { JSON.string($0) }).serialized(.pythonInline)
    }

    static func dict(_ pairs: [(key: String, value: String)]?) -> String {
        guard let pairs else { return "null" }
        if pairs.isEmpty { return "{}" }
        return "{" + pairs.map { JSON.string($0.key).serialized(.pythonInline) + ": "
            + JSON.string($0.value).serialized(.pythonInline) }.joined(separator: ", ") + "}"
    }
}

/// The fixed texts `sam deploy` prints between the prompts and the tables.
public struct DeployMessages: Sendable {
    /// Colour on or off.
    public var palette: Palette

    /// Messages in the given palette.
    public init(palette: Palette = .plain) {
        self.palette = palette
    }

    /// The "Deploying with following values" block (stdout).
    public func deployingWithValues(_ values: DeployValues) -> Emission {
        var text = palette.line("\n\tDeploying with following values\n\t===============================", fg: .yellow)
        text += "\tStack name                   : \(values.stackName)\n"
        text += "\tRegion                       : \(values.region)\n"
        if let confirm = values.confirmChangeset {
            text += "\tConfirm changeset            : \(pythonBool(confirm))\n"
        }
        text += "\tDisable rollback             : \(pythonBool(values.disableRollback))\n"
        text += "\tDeployment s3 bucket         : \(values.s3Bucket ?? "None")\n"
        text += "\tCapabilities                 : \(PyJSON.list(values.capabilities))\n"
        text += "\tParameter overrides          : \(PyJSON.dict(values.parameterOverrides))\n"
        text += "\tSigning Profiles             : \(PyJSON.dict(values.signingProfiles))\n"
        return .out(text)
    }

    /// `Initiating deployment` and its rule, then a blank line (stdout).
    public func initiatingDeployment() -> Emission {
        .out(palette.line("\nInitiating deployment\n=====================\n", fg: .yellow))
    }

    /// One finished upload (stderr): `\r\tUploading to <key>  <n> / <n>  (100.00%)` and a newline.
    public func uploaded(key: String, bytes: Int) -> Emission {
        .err("\r\tUploading to \(key)  \(bytes) / \(bytes)  (100.00%)\n")
    }

    /// The log line for an object that already exists (stderr, plain logger form).
    public func uploadSkipped(key: String) -> Emission {
        .err("\n\tFile with same data already exists at \(key), skipping upload\n")
    }

    /// `Waiting for changeset to be created..` with its blank lines (stdout).
    public func waitingForChangeSet() -> Emission {
        .out("\n\nWaiting for changeset to be created..\n\n")
    }

    /// `Changeset created successfully. <arn>` between blank lines (stdout).
    public func changeSetCreated(arn: String) -> Emission {
        .out("\nChangeset created successfully. \(arn)\n\n")
    }

    /// The yellow header before "Deploy this changeset?" (54 `=`, the `\n` counted).
    public func previewHeader() -> Emission {
        let header = "\nPreviewing CloudFormation changeset before deployment"
        return .out(palette.line(header, fg: .yellow) + palette.line(String(repeating: "=", count: header.count), fg: .yellow))
    }

    /// `<YYYY-MM-DD HH:MM:SS> - Waiting for stack create/update to complete` (local time passed in).
    public func waitingForStack(at time: EpochMillis, utcOffsetSeconds: Int = 0) -> Emission {
        .out("\n\(TimeFormat.sqlStyle(time, offsetSeconds: utcOffsetSeconds)) - Waiting for stack create/update to complete\n")
    }

    /// `Successfully created/updated stack - <stack> in <region>` between blank lines (stdout).
    public func success(stackName: String, region: String) -> Emission {
        .out("\nSuccessfully created/updated stack - \(stackName) in \(region)\n\n")
    }

    /// The plain `No changes to deploy…` line of `--no-fail-on-empty-changeset` (stdout, exit 0).
    public func noChanges(stackName: String) -> Emission {
        .out("No changes to deploy. Stack \(stackName) is up to date\n")
    }

    /// The yellow warning a non-guided deploy prints for an API without authorization.
    public func noAuthentication(resource: String) -> Emission {
        .out(palette.line("\(resource) has no authentication.", fg: .yellow))
    }

    /// The block logged before the error when `--disable-rollback` was given and the deploy failed (stderr).
    public func rollbackDisabledHint(stackName: String) -> Emission {
        .err("\nFailed to deploy. Automatic rollback disabled for this deployment.\n\n"
            + "Actions you can take next\n=========================\n"
            + "[*] Fix issues and try deploying again\n"
            + "[*] Roll back stack to the last known stable state: aws cloudformation rollback-stack --stack-name \(stackName)\n")
    }

    /// The managed bucket block (`lib/bootstrap/bootstrap.py`), after "Looking for resources…".
    public func managedBucket(_ bucket: String) -> Emission {
        .out(palette.line("\n\tManaged S3 bucket: \(bucket)", bold: true)
            + "\tAuto resolution of buckets can be turned off by setting resolve_s3=False\n"
            + "\tTo use a specific S3 bucket, set --s3-bucket=<bucket_name>\n"
            + "\tAbove settings can be stored in samconfig.toml\n")
    }

    /// `Looking for resources needed for deployment:` (guided only).
    public func lookingForResources() -> Emission {
        .out("\n\tLooking for resources needed for deployment:\n")
    }

    /// The "Saved arguments to config file" block (`guided_config.py` `save_config`).
    public func savedArguments() -> Emission {
        .out("\n\tSaved arguments to config file\n"
            + "\tRunning 'sam deploy' for future deployments will use the parameters saved above.\n"
            + "\tThe above parameters can be changed by modifying samconfig.toml\n"
            + "\tLearn more about samconfig.toml syntax at \n"
            + "\thttps://docs.aws.amazon.com/serverless-application-model/latest/developerguide/serverless-sam-cli-config.html\n\n")
    }

    /// The log line `SamConfig._deduplicate_global_parameters` writes when a re-save drops a
    /// deploy key that the global section already holds (stderr).
    public func globalParameterDeduplicated(key: String, value: String, path: String, env: String = "default") -> Emission {
        .err("\n\tParameter \"\(key)=\(value)\" in [\(env).deploy.parameters] is defined as a global parameter "
            + "[\(env).global.parameters].\n\tThis parameter will be only saved under [\(env).global.parameters] in \(path).\n")
    }
}
