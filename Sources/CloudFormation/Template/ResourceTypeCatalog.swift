import Foundation

/// The resource types CloudFormation knows in the simulated region: the bundled
/// `cfn-resource-types.txt` (cfn-lint's ap-northeast-2 list), plus any `Custom::…` type.
///
/// "Is it a real type" is all this answers; whether the simulator implements a real type is the
/// deploy engine's question.
public struct ResourceTypeCatalog: Sendable {
    /// The listed types.
    public let types: Set<String>

    /// A catalog of `types` (tests use small ones).
    public init(types: some Sequence<String>) { self.types = Set(types) }

    /// Reads one type a line; blank lines and `#` comments are skipped.
    public init(listing text: String) {
        self.init(types: text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") })
    }

    /// The bundled ap-northeast-2 list; empty only if the resource bundle is broken (a test checks it).
    public static let bundled: ResourceTypeCatalog = {
        guard let url = Bundle.module.url(forResource: "cfn-resource-types", withExtension: "txt"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return ResourceTypeCatalog(types: []) }
        return ResourceTypeCatalog(listing: text)
    }()

    /// Whether CloudFormation accepts `type` without a transform: a listed type or `Custom::Name`.
    public func isCloudFormationType(_ type: String) -> Bool {
        types.contains(type) || (type.hasPrefix("Custom::") && type.count > "Custom::".count)
    }

    /// Whether `type` is one the SAM transform expands (`AWS::Serverless::Function`, …).
    public static func isSAMType(_ type: String) -> Bool { type.hasPrefix("AWS::Serverless::") }
}
