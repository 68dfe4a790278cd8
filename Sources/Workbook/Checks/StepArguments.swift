import Foundation
import SimKit

/// `{{path}}` in a `run` step's arguments: the text of what an earlier step observed at `path`
/// (`{{stack.PhysicalIds.LambdaPutDynamoDB}}`, `{{stack.Outputs.DynamoDbTable}}`). A check runs
/// in a fresh account, so names CloudFormation generates are only known once it has deployed;
/// this lets a step type the command a learner types, with the name the learner would read.
enum StepArguments {
    /// The arguments with every placeholder filled in, or the first path that observed nothing.
    static func resolve(_ arguments: [String], in observations: JSON) -> Result<[String], Unresolved> {
        var resolved: [String] = []
        for argument in arguments {
            switch resolve(argument, in: observations) {
            case .success(let text): resolved.append(text)
            case .failure(let unresolved): return .failure(unresolved)
            }
        }
        return .success(resolved)
    }

    /// A placeholder whose path found nothing (or null).
    struct Unresolved: Error, Equatable {
        var path: String
    }

    static func resolve(_ argument: String, in observations: JSON) -> Result<String, Unresolved> {
        var output = ""
        var rest = Substring(argument)
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            output += rest[..<open.lowerBound]
            let path = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            guard let value = ObservationPath.lookup(path, in: observations), value != .null else {
                return .failure(Unresolved(path: path))
            }
            output += Expectation.text(value)
            rest = rest[close.upperBound...]
        }
        return .success(output + rest)
    }
}
