import SimKit

/// A template problem CloudFormation itself reports: a `ValidationError` whose message is byte for
/// byte the one AWS sends (an *outcome* the learner is meant to see), plus where in the learner's
/// file it comes from.
///
/// Workbook-only problems (unsimulated functions, bad `--parameter-overrides`) are `WorkbookError`s
/// instead; the two never mix (STYLE.md rule 4).
///
/// Sources for the texts: `[V]` recorded against real AWS in localstack's
/// `tests/aws/services/cloudformation/**/*.snapshot.json` (2024–2025) or quoted from real deploy
/// output in public issues; `[E]` Eucalyptus's 2013 clone of the CloudFormation API
/// (`TemplateParser.java`, `IntrinsicFunctions.java`), which copied AWS's wording; `[I]` inferred.
public struct TemplateValidationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The error exactly as CloudFormation answers it (code `ValidationError`, HTTP 400).
    public var awsError: AWSError
    /// The node of the template the message is about, when there is one.
    public var location: SourceLocation?

    /// A `ValidationError` with `message` at `location`.
    public init(_ message: String, at location: SourceLocation?) {
        awsError = AWSError(code: "ValidationError", message: message, httpStatus: 400)
        self.location = location
    }

    /// The AWS message.
    public var message: String { awsError.message }

    public var description: String {
        (location.map { "\($0): " } ?? "") + awsError.description
    }
}

/// The blocks a reference can be reported in (`… in the Resources block of the template`).
public enum TemplateBlock: String, Sendable {
    case resources = "Resources"
    case outputs = "Outputs"
    case conditions = "Conditions"
}

extension TemplateValidationError {
    static func formatError(_ text: String, at location: SourceLocation?) -> Self {
        Self("Template format error: " + text, at: location)
    }

    static func templateError(_ text: String, at location: SourceLocation?) -> Self {
        Self("Template error: " + text, at: location)
    }

    static func list(_ names: [String]) -> String { "[" + names.joined(separator: ", ") + "]" }

    // MARK: Structure

    /// [V] test_stacks (a template whose root is not an object).
    static func unsupportedStructure(at l: SourceLocation?) -> Self { formatError("unsupported structure.", at: l) }
    /// [V] test_validations.
    static func noResources(at l: SourceLocation?) -> Self { formatError("At least one Resources member must be defined.", at: l) }
    /// [V] test_stacks.
    static func resourceNotObject(at l: SourceLocation?) -> Self { formatError("Any Resources member must be an object.", at: l) }
    /// [V] test_validations.
    static func missingType(_ id: String, at l: SourceLocation?) -> Self {
        formatError("[/Resources/\(id)] Every Resources object must contain a Type member.", at: l)
    }
    /// [V] test_changesets / test_resources (2025).
    static func nonAlphanumeric(_ kind: String, _ name: String, at l: SourceLocation?) -> Self {
        formatError("\(kind) name \(name) is non alphanumeric.", at: l)
    }
    /// [V] test_validations: AWS sends this one without the "Template format error: " prefix.
    static func invalidResourceAttribute(_ key: String, at l: SourceLocation?) -> Self {
        Self("Invalid template resource property '\(key)'", at: l)
    }
    /// [V] real `ValidateTemplate` answers quoted in issues (`… [Bogus, Other]`).
    static func invalidTopLevel(_ keys: [String], at l: SourceLocation?) -> Self {
        formatError("Invalid template property or properties \(list(keys))", at: l)
    }
    /// [E] `TemplateParser.parseVersion`.
    static func unsupportedFormatVersion(at l: SourceLocation?) -> Self {
        formatError("unsupported value for AWSTemplateFormatVersion.", at: l)
    }
    /// [V] test_validations.
    static func outputWithoutValue(at l: SourceLocation?) -> Self { formatError("Every Outputs member must contain a Value object", at: l) }
    /// [V] test_validations (`[/Outputs/MyOutput/Value] …`); no prefix.
    static func nullValue(pointer: String, at l: SourceLocation?) -> Self {
        Self("[\(pointer)] 'null' values are not allowed in templates", at: l)
    }
    /// [V] test_mappings.
    static func mappingNotMap(_ name: String, at l: SourceLocation?) -> Self { formatError("Every Mappings member \(name) must be a map", at: l) }
    /// [V] test_mappings.
    static func mappingAttribute(at l: SourceLocation?) -> Self { formatError("Every Mappings attribute must be a String or a List.", at: l) }
    /// [E] `TemplateParser.parseParameter`.
    static func parameterWithoutType(at l: SourceLocation?) -> Self { formatError("Every Parameters object must contain a Type member.", at: l) }
    /// [E] `TemplateParser.parseParameter`.
    static func unrecognizedParameterType(_ type: String, at l: SourceLocation?) -> Self {
        formatError("Unrecognized parameter type: \(type)", at: l)
    }

    // MARK: Types and references

    /// [V] widely quoted deploy output (`Unrecognized resource types: [AWS::Timestream::Table, …]`).
    static func unrecognizedTypes(_ types: [String], at l: SourceLocation?) -> Self {
        formatError("Unrecognized resource types: \(list(types))", at: l)
    }
    /// [V] test_validations, test_conditions.
    static func unresolvedDependencies(_ names: [String], in block: TemplateBlock, at l: SourceLocation?) -> Self {
        formatError("Unresolved resource dependencies \(list(names)) in the \(block.rawValue) block of the template", at: l)
    }
    /// [V] test_conditions `test_output_reference_to_skipped_resource`: a reference to a resource
    /// whose condition is false. AWS drops the "Template format error: " prefix here.
    static func skippedResource(_ name: String, in block: TemplateBlock, at l: SourceLocation?) -> Self {
        Self("Unresolved resource dependencies [\(name)] in the \(block.rawValue) block of the template", at: l)
    }
    /// [V] quoted by cfn-lint E1026 and real ValidateTemplate output.
    static func resourceInConditions(_ names: [String], at l: SourceLocation?) -> Self {
        formatError("Unresolved dependencies \(list(names)). Cannot reference resources in the Conditions block of the template", at: l)
    }
    /// [V] real deploy output quoted in many issues.
    static func getAttUndefined(_ name: String, at l: SourceLocation?) -> Self {
        templateError("instance of Fn::GetAtt references undefined resource \(name)", at: l)
    }
    /// [V] real deploy output (`resource S3Bucket does not support attribute type BucketName in Fn::GetAtt`).
    static func unsupportedAttribute(_ name: String, _ attribute: String, at l: SourceLocation?) -> Self {
        templateError("resource \(name) does not support attribute type \(attribute) in Fn::GetAtt", at: l)
    }
    /// [V] a real `Circular dependency between resources: [VideosBucket, QueuePolicy]`.
    static func circular(_ names: [String], at l: SourceLocation?) -> Self {
        Self("Circular dependency between resources: \(list(names))", at: l)
    }
    /// [V] test_change_set_conditions.
    static func unresolvedConditionInIf(_ name: String, at l: SourceLocation?) -> Self {
        templateError("unresolved condition dependency \(name) in Fn::If", at: l)
    }
    /// [I] shaped after the Fn::If and Resources-block texts; not recorded.
    static func unresolvedCondition(_ name: String, in block: TemplateBlock, at l: SourceLocation?) -> Self {
        formatError("Unresolved condition dependency \(name) in the \(block.rawValue) block of the template", at: l)
    }
    /// [I] the form other emulators use; not recorded.
    static func circularConditions(_ names: [String], at l: SourceLocation?) -> Self {
        formatError("Circular dependency between conditions: \(list(names))", at: l)
    }
}
