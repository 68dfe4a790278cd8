import AWSCLI
import SimKit

/// One `aws <service> <operation>`: its parameters (CLI name, API member, shape) and handler.
struct AWSOperation {
    struct Parameter {
        var cliName: String
        var member: String
        var shape: Shape
        var required: Bool

        init(_ cliName: String, _ member: String, _ shape: Shape = .string, required: Bool = false) {
            self.cliName = cliName
            self.member = member
            self.shape = shape
            self.required = required
        }
    }

    /// `describe-stacks`.
    var cliName: String
    /// `DescribeStacks`, as error lines name it.
    var apiName: String
    var parameters: [Parameter]
    /// Real options of this command (aws CLI v2) that the simulation does not model: refused
    /// by name, never silently dropped.
    var unsimulated: [String] = []
    /// Runs the operation: the response JSON (botocore member order), or the service's error.
    var handler: (JSONObject, CommandContext) throws -> Result<JSON, AWSError>

    init(cliName: String, apiName: String, parameters: [Parameter], unsimulated: [String] = [],
         handler: @escaping (JSONObject, CommandContext) throws -> Result<JSON, AWSError>) {
        self.cliName = cliName
        self.apiName = apiName
        self.parameters = parameters
        self.unsimulated = unsimulated
        self.handler = handler
    }

    /// CLI v2's pagination options of paginated commands; the simulation always answers with
    /// every page, so these are refused by name. (`--no-paginate` is a global option, taken and
    /// ignored with the others: with every answer fitting one page it changes nothing here.)
    static let paginationOptions = ["--max-items", "--starting-token"]

    /// Whether `word` is one of `unsimulated` (boolean options also as `--no-…`).
    func isUnsimulated(_ word: String) -> Bool {
        unsimulated.contains(word) || (word.hasPrefix("--no-") && unsimulated.contains("--" + word.dropFirst(5)))
    }
}

/// A CLI customization that parses and prints on its own (`aws logs tail`, `aws lambda invoke`):
/// the words after the operation name and the global options in, the exit code out.
typealias CustomAWSCommand = @Sendable ([String], GlobalAWSOptions, CommandContext) throws -> Int32

/// A simulated service of the `aws` namespace.
protocol AWSService: Sendable {
    var name: String { get }
    var operations: [AWSOperation] { get }
    /// Customizations by name, tried before `operations`.
    var customCommands: [String: CustomAWSCommand] { get }
}

extension AWSService {
    /// Most services have none.
    var customCommands: [String: CustomAWSCommand] { [:] }
}
