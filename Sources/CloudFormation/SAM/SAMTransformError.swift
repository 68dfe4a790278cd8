import SimKit

/// The SAM translator rejected the template: the exact text aws-sam-translator 1.110.0 gives,
/// which `sam validate` and CloudFormation show to the learner.
///
/// This is an AWS outcome, not a workbook problem, so it is not a `WorkbookError`; CloudFormation
/// prefixes it with `Transform AWS::Serverless-2016-10-31 failed with: ` (aws-behavior.md §5.1).
public struct SAMTransformError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One problem the translator found.
    public struct Cause: Sendable, Equatable {
        /// The resource it is about (`nil` for template-level problems such as `Globals`).
        public var resourceId: String?
        /// The cause's own text, e.g. `Resource with id [F] is invalid. property Foo not defined …`.
        public var message: String
        /// Where in the learner's file (the workbook adds this; the translator has no locations).
        public var location: SourceLocation?
    }

    /// Every cause, in the order the translator meets them, duplicates removed.
    public var causes: [Cause]

    /// The translator's full text: `Invalid Serverless Application Specification document. Number of
    /// errors found: N.` and each cause's message, separated by single spaces.
    public var message: String {
        (["Invalid Serverless Application Specification document. Number of errors found: \(causes.count)."]
            + causes.map(\.message)).joined(separator: " ")
    }

    /// The first cause's resource.
    public var resourceId: String? { causes.first?.resourceId }
    /// The first cause's location.
    public var location: SourceLocation? { causes.first?.location }

    public var description: String { message }

    init(_ causes: [Cause]) {
        var seen = Set<String>()
        self.causes = causes.filter { seen.insert($0.message).inserted }
    }

    init(_ cause: Cause) { self.init([cause]) }
}

extension SAMTransformError.Cause {
    /// `InvalidResourceException`: `Resource with id [X] is invalid. <reason>`.
    static func resource(_ id: String, _ reason: String, at location: SourceLocation?) -> Self {
        .init(resourceId: id, message: "Resource with id [\(id)] is invalid. \(reason)", location: location)
    }

    /// `InvalidTemplateException`: `Structure of the SAM template is invalid. <reason>`.
    static func template(_ reason: String, at location: SourceLocation?) -> Self {
        .init(resourceId: nil, message: "Structure of the SAM template is invalid. \(reason)", location: location)
    }

    /// `InvalidGlobalsSectionException`: `'Globals' section is invalid. <reason>`.
    static func globals(_ reason: String, at location: SourceLocation?) -> Self {
        .init(resourceId: nil, message: "'Globals' section is invalid. \(reason)", location: location)
    }

    /// `DuplicateLogicalIdException`: a generated resource would replace one the learner wrote.
    static func duplicate(_ id: String, creates newId: String, type: String, at location: SourceLocation?) -> Self {
        .init(resourceId: id, message: "Transforming resource with id [\(id)] attempts to create a new resource with id [\(newId)] and type \"\(type)\". A resource with that id already exists within this template. Please use a different id for that resource.", location: location)
    }
}

/// The translator's reasons, word for word (1.110.0), next to nothing else.
enum SAMReason {
    static func unknownProperty(_ name: String, of type: String) -> String {
        "property \(name) not defined for resource of type \(type)"
    }
    static func shouldBe(_ name: String, _ kind: String) -> String { "Property '\(name)' should be a \(kind)." }
    static func invalidType(_ name: String) -> String { "Type of property '\(name)' is invalid." }
    static func required(_ path: String) -> String { "Property '\(path)' is required." }
    static let noCode = "Only one of 'InlineCode' or 'CodeUri' can be set."
    static let runtimeAndHandler = "Runtime and Handler needs to be present when PackageType is of type `Zip`"
    static let codeUriBucketKey = "'CodeUri' requires Bucket and Key properties to be specified."
    static let codeUriType = "'CodeUri' must be of type dict or string."
    static let codeUriNotS3 = "'CodeUri' is not a valid S3 Uri of the form 's3://bucket/key' with optional versionId query parameter."
    static func policyNotValid(_ index: Int) -> String { "Policy at index \(index) in the 'Policies' property is not valid" }
    static func missingTemplateParameters(_ template: String, _ names: [String]) -> String {
        "Following required parameters of template '\(template)' don't have values: \(pythonList(names))"
    }
    static func templateParameterValues(_ template: String) -> String {
        "Must specify valid parameter values for policy template '\(template)'"
    }
    static func reservedTag(_ key: String) -> String {
        "\(key) is a reserved Tag key name and cannot be set on your resource. Please change the tag key in the input."
    }
    static func attributeType(_ type: String) -> String { "Invalid 'Type' \"\(type)\"." }

    /// Python's `repr` of a list of strings: `['a', 'b']`.
    static func pythonList(_ items: [String]) -> String {
        "[" + items.map { "'\($0)'" }.joined(separator: ", ") + "]"
    }
}
