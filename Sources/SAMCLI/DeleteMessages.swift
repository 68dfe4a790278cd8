/// The prompts of `sam delete` (`commands/delete/delete_context.py`). Unlike the guided deploy,
/// the bold style wraps the leading TAB too (`click.style("\t…", bold=True)`).
public struct DeletePrompts {
    /// The click primitives.
    public var click: ClickPrompter

    /// Delete prompts over click prompts.
    public init(click: ClickPrompter) {
        self.click = click
    }

    private func bold(_ text: String) -> String { click.palette.style(text, bold: true) }

    /// `Enter stack name you want to delete:` (no default: asks until answered).
    public func stackName() throws(PromptAborted) -> String {
        try click.prompt(bold("\tEnter stack name you want to delete"), default: nil)
    }

    /// `Are you sure you want to delete the stack X in the region R ? [y/N]:`.
    public func confirmStack(_ stackName: String, region: String) throws(PromptAborted) -> Bool {
        try click.confirm(bold("\tAre you sure you want to delete the stack \(stackName) in the region \(region) ?"),
                          default: false)
    }

    /// `Are you sure you want to delete the folder P in S3 which contains the artifacts? [y/N]:`
    /// (asked when the bucket and prefix are known).
    public func confirmArtifactsFolder(_ prefix: String) throws(PromptAborted) -> Bool {
        try click.confirm(bold("\tAre you sure you want to delete the folder \(prefix) in S3 which contains the artifacts?"),
                          default: false)
    }

    /// `Do you want to delete the template file F in S3? [y/N]:` (asked when the folder was kept).
    public func confirmTemplateFile(_ name: String) throws(PromptAborted) -> Bool {
        try click.confirm(bold("\tDo you want to delete the template file \(name) in S3?"), default: false)
    }
}

/// The lines `sam delete` prints.
public struct DeleteMessages: Sendable {
    /// Colour on or off.
    public var palette: Palette

    /// Messages in the given palette.
    public init(palette: Palette = .plain) {
        self.palette = palette
    }

    /// An S3 artifact removed (stderr, logger).
    public func deletedObject(key: String) -> Emission {
        .err("\t- Deleting S3 object with key \(key)\n")
    }

    /// An S3 artifact that was already gone (stderr, logger).
    public func objectNotFound(key: String) -> Emission {
        .err("\t- Could not find and delete the S3 object with the key \(key)\n")
    }

    /// `- Deleting Cloudformation stack X` (stdout).
    public func deletingStack(_ stackName: String) -> Emission {
        .out("\t- Deleting Cloudformation stack \(stackName)\n")
    }

    /// The yellow warning when no bucket could be resolved (stdout).
    public func bucketUnknownWarning() -> Emission {
        .out(palette.line("\nWarning: Cannot resolve s3 bucket information from command options , local config file or "
            + "cloudformation template. Please use --s3-bucket next time and delete s3 files manually if required.",
                          fg: .yellow))
    }

    /// `Deleted successfully` after a blank line (stdout).
    public func deleted() -> Emission {
        .out("\nDeleted successfully\n")
    }

    /// A stack that does not exist: SAM echoes this `Error:` line on **stdout** and exits 0.
    public func stackNotFound(_ stackName: String, region: String) -> Emission {
        .out("Error: The input stack \(stackName) does not exist on Cloudformation in the region \(region)\n")
    }
}
