import SimKit

/// The pseudo parameters of one stack (`AWS::Region`, `AWS::StackName`, …).
public struct PseudoParameters: Sendable, Equatable {
    public var region: String
    public var accountID: String
    public var stackName: String
    public var stackID: String
    public var partition: String
    public var urlSuffix: String
    public var notificationARNs: [String]

    /// Defaults: the simulated account's region and id, partition `aws`, suffix `amazonaws.com`.
    public init(region: String = "ap-northeast-2", accountID: String = "123456789012", stackName: String, stackID: String,
                partition: String = "aws", urlSuffix: String = "amazonaws.com", notificationARNs: [String] = []) {
        self.region = region
        self.accountID = accountID
        self.stackName = stackName
        self.stackID = stackID
        self.partition = partition
        self.urlSuffix = urlSuffix
        self.notificationARNs = notificationARNs
    }

    /// Every pseudo parameter name `Ref` accepts.
    public static let names: Set<String> = [
        "AWS::Region", "AWS::AccountId", "AWS::StackName", "AWS::StackId", "AWS::Partition",
        "AWS::URLSuffix", "AWS::NoValue", "AWS::NotificationARNs",
    ]

    /// What `Ref name` returns; `.some(nil)` for `AWS::NoValue` (the member is removed), `nil` if
    /// `name` is not a pseudo parameter.
    func value(_ name: String, at location: SourceLocation?) -> TemplateNode?? {
        switch name {
        case "AWS::Region": .string(region, at: location)
        case "AWS::AccountId": .string(accountID, at: location)
        case "AWS::StackName": .string(stackName, at: location)
        case "AWS::StackId": .string(stackID, at: location)
        case "AWS::Partition": .string(partition, at: location)
        case "AWS::URLSuffix": .string(urlSuffix, at: location)
        case "AWS::NotificationARNs": .list(notificationARNs.map { .string($0, at: location) }, at: location)
        case "AWS::NoValue": .some(nil)
        default: nil
        }
    }

    /// The Availability Zones `Fn::GetAZs` lists for `region` (the default VPC's zones).
    public static func availabilityZones(_ region: String) -> [String]? {
        let letters: [String: String] = [
            "ap-northeast-2": "abcd", "ap-northeast-1": "acd", "us-east-1": "abcdef", "us-west-2": "abcd",
            "eu-west-1": "abc", "eu-central-1": "abc",
        ]
        return letters[region].map { $0.map { region + String($0) } }
    }
}

/// What the deploy engine tells the resolver about resources created so far: `Ref` values and
/// `Fn::GetAtt` attributes. The resolver never creates anything itself.
public struct ResourceReferences: Sendable {
    /// The answer to one `Fn::GetAtt`.
    public enum Attribute: Sendable, Equatable {
        /// The attribute's value.
        case value(JSON)
        /// The type has no such attribute: CloudFormation's `does not support attribute type` error.
        case unsupported
        /// A real attribute the simulator does not compute: a `WorkbookError.notSimulated`.
        case notSimulated
        /// The resource has not been created (yet): reported as an unresolved dependency.
        case notCreated
    }

    /// `Ref` to a resource: its physical id, or `nil` when it has not been created.
    public var ref: @Sendable (_ logicalID: String) -> String?
    /// `Fn::GetAtt logicalID.attribute`.
    public var attribute: @Sendable (_ logicalID: String, _ attribute: String) -> Attribute

    /// References answered by the two closures.
    public init(ref: @escaping @Sendable (String) -> String?,
                attribute: @escaping @Sendable (String, String) -> Attribute) {
        self.ref = ref
        self.attribute = attribute
    }

    /// No resource created yet (evaluating conditions, or parameters-only expressions).
    public static let none = ResourceReferences(ref: { _ in nil }, attribute: { _, _ in .notCreated })

    /// References from fixed tables (tests, and engines that keep plain dictionaries).
    public static func fixed(physicalIDs: [String: String], attributes: [String: JSONObject]) -> ResourceReferences {
        ResourceReferences(ref: { physicalIDs[$0] }, attribute: { id, name in
            guard physicalIDs[id] != nil else { return .notCreated }
            return attributes[id]?[name].map { .value($0) } ?? .unsupported
        })
    }
}
