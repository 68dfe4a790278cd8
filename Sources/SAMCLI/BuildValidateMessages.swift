/// Runtimes SAM CLI 1.170.0 refuses to build (`samcli/lib/build/constants.py` `DEPRECATED_RUNTIMES`).
public let samDeprecatedRuntimes: Set<String> = [
    "nodejs4.3", "nodejs6.10", "nodejs8.10", "nodejs10.x", "nodejs12.x", "nodejs14.x",
    "dotnetcore2.0", "dotnetcore2.1", "dotnetcore3.1", "java8", "python2.7", "python3.6", "python3.7",
    "ruby2.5", "ruby2.7",
]

/// The texts of `sam build` (cli-transcripts §1.3).
public struct BuildMessages: Sendable {
    /// Colour on or off.
    public var palette: Palette

    /// Messages in the given palette.
    public init(palette: Palette = .plain) {
        self.palette = palette
    }

    /// The actions of `NodejsNpmBuilder` in the order aws-lambda-builders runs them.
    public static let nodejsNpmActions = [
        "NpmPack", "CopyNpmrcAndLockfile", "CopySource", "NpmInstall", "NpmTest", "CleanUpNpmrc", "LockfileCleanUp",
    ]

    /// `Building codeuri: … functions: A, B` (stderr, logger).
    public func buildingCodeUri(_ codeUri: String, runtime: String, architecture: String = "x86_64",
                                functions: [String]) -> Emission {
        .err("Building codeuri: \(codeUri) runtime: \(runtime) architecture: \(architecture) functions: "
            + functions.joined(separator: ", ") + "\n")
    }

    /// ` Running NodejsNpmBuilder:<action>` lines (stderr; the leading space is `"%s Running %s"`
    /// with an empty function name).
    public func running(_ actions: [String], workflow: String = "NodejsNpmBuilder") -> Emission {
        .err(actions.map { " Running \(workflow):\($0)\n" }.joined())
    }

    /// PythonPipBuilder's warning when a Python function has no requirements.txt (stderr,
    /// aws-lambda-builders `workflows/python_pip/workflow.py`).
    public func requirementsNotFound() -> Emission {
        .err("requirements.txt file not found. Continuing the build without dependencies.\n")
    }

    /// The "Build Succeeded" block (stdout) for the default build folder.
    public func succeeded(artifactsDir: String = ".aws-sam/build",
                          template: String = ".aws-sam/build/template.yaml") -> Emission {
        let message = "\nBuilt Artifacts  : \(artifactsDir)\nBuilt Template   : \(template)\n\n"
            + "Commands you can use next\n=========================\n"
            + "[*] Validate SAM template: sam validate\n"
            + "[*] Invoke Function: sam local invoke\n"
            + "[*] Test Function in the Cloud: sam sync --stack-name {{stack-name}} --watch\n"
            + "[*] Deploy: sam deploy --guided"
        return .out(palette.line("\nBuild Succeeded", fg: .green) + palette.line(message, fg: .yellow))
    }

    /// `Build Failed` (stdout, red).
    public func failed() -> Emission {
        .out(palette.line("\nBuild Failed", fg: .red))
    }

    /// The refusal of a deprecated runtime: the warning (stderr, raw yellow ANSI even when not
    /// a terminal), `Build Failed` (stdout), and the error (stderr, exit 1).
    public func unsupportedRuntime(_ runtime: String) -> (emission: Emission, error: SAMError) {
        let warning = "\u{1B}[33mBuilding functions with \(runtime) is no longer supported by AWS SAM CLI, please update to "
            + "a newer supported runtime. For more information please check AWS Lambda Runtime Support Policy: "
            + "https://docs.aws.amazon.com/lambda/latest/dg/runtime-support-policy.html\u{1B}[0m\n"
        let error = SAMError("Building functions with \(runtime) is no longer supported")
        return (.err(warning) + failed(), error)
    }

    /// A workflow action failure (`aws_lambda_builders/exceptions.py`): `Build Failed` on stdout
    /// and `Error: {workflow}:{action} - {reason}`, e.g. reason `NPM Failed: ` + npm's stderr.
    public func actionFailed(workflow: String = "NodejsNpmBuilder", action: String,
                             reason: String) -> (emission: Emission, error: SAMError) {
        (failed(), SAMError("\(workflow):\(action) - \(reason)"))
    }
}

/// The texts of `sam validate` (`commands/validate/validate.py`).
public struct ValidateMessages: Sendable {
    /// Colour on or off.
    public var palette: Palette

    /// Messages in the given palette.
    public init(palette: Palette = .plain) {
        self.palette = palette
    }

    /// A valid template (stdout, green).
    public func valid(path: String) -> Emission {
        .out(palette.line("\(path) is a valid SAM Template. This is according to basic SAM Validation, "
            + "for additional validation, please run with \"--lint\" option", fg: .green))
    }

    /// An invalid template: the red-background line (stdout) and the error, e.g. message
    /// `[InvalidResourceException('Id', 'text')] ('Id', 'text')`.
    public func invalid(path: String, message: String) -> (emission: Emission, error: SAMError) {
        (.out(palette.line("Template provided at '\(path)' was invalid SAM Template.", bg: .red)), SAMError(message))
    }

    /// No template (SAM reports `template.yml` when neither file exists).
    public func notFound(path: String) -> (emission: Emission, error: SAMError) {
        (.out(palette.line("SAM Template Not Found", bg: .red)), SAMError("Template at \(path) is not found"))
    }

    /// Broken YAML: `Error: Failed to parse template: <PyYAML message>`.
    public func unparsable(_ yamlMessage: String) -> SAMError {
        SAMError("Failed to parse template: \(yamlMessage)")
    }

    /// `--lint` with no matches (stdout, green).
    public func lintClean(path: String) -> Emission {
        .out(palette.line("\(path) is a valid SAM Template", fg: .green))
    }

    /// A cfn-lint match, in the `repr` SAM prints: `[RULE: title] (message) matched LINE`.
    public struct LintMatch: Sendable, Hashable {
        /// E.g. `W2531`.
        public var rule: String
        /// The rule's short description.
        public var title: String
        /// The match message.
        public var message: String
        /// The 1-based template line.
        public var line: Int

        /// A lint match.
        public init(rule: String, title: String, message: String, line: Int) {
            self.rule = rule
            self.title = title
            self.message = message
            self.line = line
        }
    }

    /// `--lint` with matches: the list on stdout (unstyled `secho`) and the error.
    public func lintFailed(_ matches: [LintMatch]) -> (emission: Emission, error: SAMError) {
        let list = "[" + matches.map { "[\($0.rule): \($0.title)] (\($0.message)) matched \($0.line)" }
            .joined(separator: ", ") + "]"
        return (.out(palette.line(list)),
                SAMError("Linting failed. At least one linting rule was matched to the provided template."))
    }
}
