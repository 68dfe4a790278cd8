import Foundation

/// A template parameter `sam deploy --guided` asks for.
public struct GuidedParameter: Sendable, Hashable {
    /// The parameter name.
    public var key: String
    /// The value shown as default (an override from samconfig/the command line, else the
    /// template's `Default`); nil asks until an answer is given.
    public var defaultValue: String?
    /// `NoEcho: true`: asked without a default, input hidden, never saved.
    public var noEcho: Bool

    /// A parameter prompt.
    public init(key: String, defaultValue: String? = nil, noEcho: Bool = false) {
        self.key = key
        self.defaultValue = defaultValue
        self.noEcho = noEcho
    }
}

/// A parameter value given during a guided deploy.
public struct ParameterOverride: Sendable, Hashable {
    /// The parameter name.
    public var key: String
    /// The value.
    public var value: String
    /// NoEcho parameters are shown as `***` and not saved.
    public var hidden: Bool

    /// An override.
    public init(key: String, value: String, hidden: Bool = false) {
        self.key = key
        self.value = value
        self.hidden = hidden
    }
}

/// What the guided flow starts from: the config file's state and defaults.
public struct GuidedDefaults: Sendable, Hashable {
    /// The file name shown in "Looking for config file [samconfig.toml]".
    public var configFile = "samconfig.toml"
    /// Whether the file exists ("Found" / "Not found").
    public var configFound = false
    /// Whether it parsed ("Success" / "Failure"; failure stops with `SAMError.invalidSamConfig`).
    public var configReadable = true
    /// Values from samconfig.toml (or command-line flags).
    public var config: DeployConfig
    /// The region when none is configured (`AWS_DEFAULT_REGION`, else `us-east-1`).
    public var fallbackRegion: String
    /// Template parameters, in template order.
    public var parameters: [GuidedParameter]
    /// Resources with an API event and no authorizer (one extra prompt each).
    public var unauthenticatedResources: [String]

    /// Defaults for a guided deploy.
    public init(config: DeployConfig = DeployConfig([:]), configFound: Bool = false, configReadable: Bool = true,
                fallbackRegion: String, parameters: [GuidedParameter] = [], unauthenticatedResources: [String] = []) {
        self.config = config
        self.configFound = configFound
        self.configReadable = configReadable
        self.fallbackRegion = fallbackRegion
        self.parameters = parameters
        self.unauthenticatedResources = unauthenticatedResources
    }
}

/// The answers of a guided deploy.
public struct GuidedAnswers: Sendable, Hashable {
    /// The stack name.
    public var stackName: String
    /// The region.
    public var region: String
    /// Template parameter values, in template order.
    public var parameterOverrides: [ParameterOverride]
    /// "Confirm changes before deploy".
    public var confirmChangeset: Bool
    /// The capabilities (`["CAPABILITY_IAM"]` unless the user typed others).
    public var capabilities: [String]
    /// "Disable rollback".
    public var disableRollback: Bool
    /// "Save arguments to configuration file".
    public var saveToConfig: Bool
    /// The config file name.
    public var configFile: String
    /// The config environment.
    public var configEnv: String

    /// Answers, with the §1.5 run's values as defaults.
    public init(stackName: String, region: String, parameterOverrides: [ParameterOverride] = [],
                confirmChangeset: Bool = true, capabilities: [String] = ["CAPABILITY_IAM"], disableRollback: Bool = false,
                saveToConfig: Bool = true, configFile: String = "samconfig.toml", configEnv: String = "default") {
        self.stackName = stackName
        self.region = region
        self.parameterOverrides = parameterOverrides
        self.confirmChangeset = confirmChangeset
        self.capabilities = capabilities
        self.disableRollback = disableRollback
        self.saveToConfig = saveToConfig
        self.configFile = configFile
        self.configEnv = configEnv
    }
}

/// The prompts of `sam deploy --guided` (`guided_config.py` `read_config_showcase`, then
/// `guided_context.py` `guided_prompts` up to "SAM configuration environment").
///
/// The caller prints `DeployMessages.lookingForResources()` and the rest afterwards.
public struct GuidedPrompter {
    /// The click primitives.
    public var click: ClickPrompter

    /// A guided flow over click prompts.
    public init(click: ClickPrompter) {
        self.click = click
    }

    /// Runs the prompts. Throws `PromptAborted` at end of input, `SAMError.invalidSamConfig`
    /// for an unreadable config, `SAMError.securityConstraints` when an unauthenticated API is refused.
    public func run(_ defaults: GuidedDefaults) throws -> GuidedAnswers {
        try showConfigStatus(defaults)
        let config = defaults.config
        click.write(click.palette.line("\n\tSetting default arguments for 'sam deploy'\n\t=========================================",
                                       fg: .yellow))
        let stackName = try click.prompt(click.guidedLabel("Stack Name"), default: config.stackName ?? "sam-app")
        let region = try click.prompt(click.guidedLabel("AWS Region"), default: config.region ?? defaults.fallbackRegion)
        let overrides = try askParameters(defaults.parameters)
        click.echoUnstyled("\t#Shows you resources changes to be deployed and require a 'Y' to initiate deploy")
        let confirm = try click.confirm(click.guidedLabel("Confirm changes before deploy"),
                                        default: config.confirmChangeset ?? false)
        click.echoUnstyled("\t#SAM needs permission to be able to create roles to connect to the resources in your template")
        let capabilities = try askCapabilities(default: config.capabilities ?? ["CAPABILITY_IAM"])
        click.echoUnstyled("\t#Preserves the state of previously provisioned resources when an operation fails")
        let disableRollback = try click.confirm(click.guidedLabel("Disable rollback"), default: config.disableRollback ?? false)
        for resource in defaults.unauthenticatedResources {
            let okay = try click.confirm(click.guidedLabel("\(resource) has no authentication. Is this okay?"), default: false)
            if !okay { throw SAMError.securityConstraints }
        }
        var answers = GuidedAnswers(stackName: stackName, region: region, parameterOverrides: overrides,
                                    confirmChangeset: confirm, capabilities: capabilities, disableRollback: disableRollback,
                                    configFile: defaults.configFile)
        answers.saveToConfig = try click.confirm(click.guidedLabel("Save arguments to configuration file"), default: true)
        if answers.saveToConfig {
            answers.configFile = try click.prompt(click.guidedLabel("SAM configuration file"), default: defaults.configFile)
            answers.configEnv = try click.prompt(click.guidedLabel("SAM configuration environment"), default: "default")
        }
        return answers
    }

    /// `Deploy this changeset? [y/N]: ` (no TAB, no bold) after the preview header.
    public func confirmDeploy() throws(PromptAborted) -> Bool {
        try click.confirm("Deploy this changeset?", default: false)
    }

    private func showConfigStatus(_ defaults: GuidedDefaults) throws {
        click.write(click.palette.line("\nConfiguring SAM deploy\n======================", fg: .yellow))
        click.write("\n\tLooking for config file [\(defaults.configFile)] :  \(defaults.configFound ? "Found" : "Not found")\n")
        guard defaults.configFound else { return }
        click.write("\tReading default arguments  :  \(defaults.configReadable ? "Success" : "Failure")\n")
        if !defaults.configReadable { throw SAMError.invalidSamConfig }
    }

    private func askParameters(_ parameters: [GuidedParameter]) throws(PromptAborted) -> [ParameterOverride] {
        var overrides: [ParameterOverride] = []
        for parameter in parameters {
            let label = click.guidedLabel("Parameter \(parameter.key)")
            let value = try click.prompt(label, default: parameter.noEcho ? nil : parameter.defaultValue,
                                         hideInput: parameter.noEcho)
            overrides.append(ParameterOverride(key: parameter.key, value: value, hidden: parameter.noEcho))
        }
        return overrides
    }

    /// "Allow SAM CLI IAM role creation"; on N, a `Capabilities` prompt whose default is shown
    /// as a Python list and whose answer is split on spaces.
    private func askCapabilities(default capabilities: [String]) throws(PromptAborted) -> [String] {
        guard try !click.confirm(click.guidedLabel("Allow SAM CLI IAM role creation"), default: true) else {
            return capabilities
        }
        let shown = "[" + capabilities.map { "'\($0)'" }.joined(separator: ", ") + "]"
        let answer = try click.prompt(click.guidedLabel("Capabilities"), default: "", shownDefault: shown)
        return answer.isEmpty ? capabilities : answer.components(separatedBy: " ")
    }
}
