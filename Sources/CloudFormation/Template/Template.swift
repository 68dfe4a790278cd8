import SimKit

/// A value and where the learner wrote it.
public struct Located<Value: Sendable>: Sendable {
    /// The value.
    public var value: Value
    /// Where it was written.
    public var location: SourceLocation?

    /// Pairs `value` with `location`.
    public init(_ value: Value, at location: SourceLocation?) {
        self.value = value
        self.location = location
    }
}

extension Located: Equatable where Value: Equatable {}

/// A CloudFormation template read from its root `TemplateNode`, every section in the order
/// written and every part with its location. Build one with `Template(parsing:)`.
///
/// Sections whose values are expressions (Mappings, Conditions, properties, output values) stay
/// `TemplateNode`s; `IntrinsicResolver` evaluates them.
public struct Template: Sendable {
    /// The root node, as loaded.
    public var root: TemplateNode
    /// `AWSTemplateFormatVersion`, when given (always `2010-09-09`).
    public var formatVersion: Located<String>?
    /// `Description`.
    public var description: Located<String>?
    /// `Transform`, a string or a list in the template; in order.
    public var transforms: [Located<String>]
    /// `Parameters`, in order.
    public var parameters: [Parameter]
    /// `Mappings` as written (map name → top-level key → second-level key → value).
    public var mappings: TemplateMap
    /// `Conditions` as written (name → condition expression).
    public var conditions: TemplateMap
    /// `Resources`, in order.
    public var resources: [Resource]
    /// `Outputs`, in order.
    public var outputs: [Output]

    /// The SAM transform's name.
    public static let samTransform = "AWS::Serverless-2016-10-31"

    /// Whether the template declares the SAM transform (so `AWS::Serverless::*` types are allowed).
    public var declaresSAMTransform: Bool { transforms.contains { $0.value == Self.samTransform } }

    /// The resource with logical id `id`.
    public func resource(_ id: String) -> Resource? { resources.first { $0.logicalID == id } }

    /// The parameter named `name`.
    public func parameter(_ name: String) -> Parameter? { parameters.first { $0.name == name } }

    /// One entry of `Parameters`.
    public struct Parameter: Sendable {
        /// The parameter's name.
        public var name: String
        /// Where the name was written.
        public var location: SourceLocation?
        /// `Type` as written (`String`, `Number`, `CommaDelimitedList`, `List<Number>`, `AWS::…`).
        public var type: Located<String>
        /// `Default`, as text.
        public var defaultValue: Located<String>?
        /// `AllowedValues`, as text.
        public var allowedValues: [String]?
        /// `AllowedPattern`.
        public var allowedPattern: String?
        /// `MinLength` / `MaxLength`, as written.
        public var minLength: String?
        public var maxLength: String?
        /// `MinValue` / `MaxValue`, as written.
        public var minValue: String?
        public var maxValue: String?
        /// `NoEcho`: describe-stacks shows `****` instead of the value.
        public var noEcho: Bool
        /// `Description`.
        public var description: String?
        /// `ConstraintDescription`.
        public var constraintDescription: String?

        /// How `Ref` sees the value: a list for `CommaDelimitedList` and `List<…>`, else a string
        /// (AWS-specific types such as `AWS::EC2::KeyPair::KeyName` are strings here).
        public var isList: Bool {
            type.value == "CommaDelimitedList" || type.value.hasPrefix("List<")
                || type.value.hasSuffix("<CommaDelimitedList>") || type.value.contains("<List<")
        }

        /// `Number` parameters are checked as numbers.
        public var isNumber: Bool { type.value == "Number" }
    }

    /// One entry of `Resources`.
    public struct Resource: Sendable {
        /// The logical id.
        public var logicalID: String
        /// Where the logical id was written.
        public var location: SourceLocation?
        /// `Type`.
        public var type: Located<String>
        /// `Properties` (a map node), when given.
        public var properties: TemplateNode?
        /// `DependsOn`, a string or a list in the template.
        public var dependsOn: [Located<String>]
        /// `Condition`: the resource is created only when it is true.
        public var condition: Located<String>?
        /// `DeletionPolicy` (`Delete`, `Retain`, `Snapshot`, `RetainExceptOnCreate`).
        public var deletionPolicy: Located<String>?
        /// `UpdateReplacePolicy`.
        public var updateReplacePolicy: Located<String>?
        /// `Metadata`.
        public var metadata: TemplateNode?
        /// The whole definition, for attributes this model does not name (`CreationPolicy`, …).
        public var node: TemplateNode
    }

    /// One entry of `Outputs`.
    public struct Output: Sendable {
        /// The output's key.
        public var name: String
        /// Where the key was written.
        public var location: SourceLocation?
        /// `Value` (an expression).
        public var value: TemplateNode
        /// `Description` (may be an expression too).
        public var description: TemplateNode?
        /// `Condition`: the output exists only when it is true.
        public var condition: Located<String>?
        /// `Export.Name` (an expression).
        public var exportName: TemplateNode?
    }
}
