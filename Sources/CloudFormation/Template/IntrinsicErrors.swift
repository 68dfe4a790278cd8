import SimKit

/// CloudFormation's texts for malformed or failing intrinsic functions. Marks as in
/// `TemplateValidationError.swift`: `[V]` recorded against real AWS, `[E]` Eucalyptus's copy,
/// `[I]` inferred from the recorded siblings (same wording pattern, not seen verbatim).
extension TemplateValidationError {
    /// The functions CloudFormation lists after `Supported functions are:`.
    static let supportedFunctions = [
        "Fn::Base64", "Fn::GetAtt", "Fn::GetAZs", "Fn::ImportValue", "Fn::Join", "Fn::Split", "Fn::FindInMap",
        "Fn::Select", "Ref", "Fn::Equals", "Fn::If", "Fn::Not", "Condition", "Fn::And", "Fn::Or", "Fn::Contains",
        "Fn::EachMemberEquals", "Fn::EachMemberIn", "Fn::ValueOf", "Fn::ValueOfAll", "Fn::RefAll", "Fn::Sub", "Fn::Cidr",
    ]

    /// [V] real `sls deploy` output for `fn::GetAtt` (2022): note the capital E in "Template Error"
    /// and the missing period before "Supported".
    static func unsupportedFunction(_ name: String, at l: SourceLocation?) -> Self {
        Self("Template Error: Encountered unsupported function: \(name) Supported functions are: \(list(supportedFunctions))", at: l)
    }
    /// [I] remembered CloudFormation wording; not recorded here.
    static func refNotString(at l: SourceLocation?) -> Self { formatError("Every Ref object must have a single String value.", at: l) }
    /// [V] test_change_set_fn_get_attr.
    static func getAttArguments(at l: SourceLocation?) -> Self {
        templateError("every Fn::GetAtt object requires two non-empty parameters, the resource name and the resource attribute", at: l)
    }
    /// [I] remembered CloudFormation wording for a malformed Fn::Sub.
    static func subArguments(at l: SourceLocation?) -> Self {
        templateError("One or more Fn::Sub intrinsic functions don't specify expected arguments. Specify a string as first argument, and an optional second argument to specify a mapping of values to replace in the string", at: l)
    }
    /// [V] test_change_set_fn_join (ChangeSet StatusReason).
    static func joinArguments(at l: SourceLocation?) -> Self {
        templateError("every Fn::Join object requires two parameters, (1) a string delimiter and (2) a list of strings to be joined or a function that returns a list of strings (such as Fn::GetAZs) to be joined.", at: l)
    }
    /// [V] test_change_set_fn_select.
    static func selectArguments(at l: SourceLocation?) -> Self {
        templateError("Fn::Select requires a list argument with two elements: an integer index and a list", at: l)
    }
    /// [V] real CREATE_FAILED reasons quoted in many issues.
    static func selectIndex(_ index: Int, at l: SourceLocation?) -> Self {
        templateError("Fn::Select cannot select nonexistent value at index \(index)", at: l)
    }
    /// [V] test_change_set_fn_split.
    static func splitArguments(at l: SourceLocation?) -> Self {
        templateError("every Fn::Split object requires two parameters, (1) a string delimiter and (2) a string to be split or a function that returns a string to be split.", at: l)
    }
    /// [V] test_mappings (`TopicSuffixMap::C::Suffix`).
    static func mappingLookup(_ path: String, at l: SourceLocation?) -> Self {
        templateError("Unable to get mapping for \(path)", at: l)
    }
    /// [I] the form other emulators use for an undeclared map name.
    static func mappingMissing(_ name: String, at l: SourceLocation?) -> Self {
        templateError("Mapping named '\(name)' is not present in the 'Mappings' section of template.", at: l)
    }
    /// [I] after the Fn::Join/Fn::Split pattern.
    static func findInMapArguments(at l: SourceLocation?) -> Self {
        templateError("every Fn::FindInMap object requires three parameters, the map name, map key and the attribute for return value", at: l)
    }
    /// [I]
    static func base64Argument(at l: SourceLocation?) -> Self { templateError("every Fn::Base64 object requires a String parameter.", at: l) }
    /// [I]
    static func getAZsArgument(at l: SourceLocation?) -> Self { templateError("every Fn::GetAZs object requires a String parameter.", at: l) }
    /// [I]
    static func ifArguments(at l: SourceLocation?) -> Self {
        templateError("every Fn::If object requires three parameters, the condition, the value if true and the value if false", at: l)
    }
    /// [V] test_change_set_conditions.
    static func equalsArguments(at l: SourceLocation?) -> Self {
        templateError("every Fn::Equals object requires a list of 2 string parameters.", at: l)
    }
    /// [I]
    static func booleanArguments(_ function: String, at l: SourceLocation?) -> Self {
        templateError("every \(function) object requires a list of at least 2 and at most 10 boolean parameters.", at: l)
    }
    /// [I]
    static func notArguments(at l: SourceLocation?) -> Self { templateError("every Fn::Not object requires a list of 1 boolean parameter.", at: l) }
    /// [I] remembered CloudFormation wording.
    static func notABooleanOperation(at l: SourceLocation?) -> Self {
        formatError("Conditions can only be boolean operations on parameters and other conditions", at: l)
    }
}
