import CloudFormation
import SimKit

/// The functions `sam build` and `sam deploy` package: serverless functions with a local
/// `CodeUri` (or `Globals.Function.CodeUri`), and plain Lambda functions whose `Code` is a path.
struct SAMFunctionSource: Equatable {
    var logicalId: String
    var codeUri: String
    var runtime: String?
    var handler: String?
    var architecture: String
    /// Whether the path sits in `CodeUri` (serverless) or `Code` (plain Lambda).
    var property: String

    static func all(in root: TemplateNode) -> [SAMFunctionSource] {
        let globals = root["Globals"]?["Function"]
        var found: [SAMFunctionSource] = []
        for entry in root["Resources"]?.mapValue?.entries ?? [] {
            let type = entry.value["Type"]?.stringValue
            let properties = entry.value["Properties"]
            if type == "AWS::Serverless::Function" {
                guard properties?["InlineCode"] == nil, properties?["ImageUri"] == nil else { continue }
                guard let uri = (properties?["CodeUri"] ?? globals?["CodeUri"])?.stringValue, !uri.hasPrefix("s3://") else { continue }
                found.append(SAMFunctionSource(
                    logicalId: entry.key, codeUri: uri,
                    runtime: (properties?["Runtime"] ?? globals?["Runtime"])?.stringValue,
                    handler: (properties?["Handler"] ?? globals?["Handler"])?.stringValue,
                    architecture: ((properties?["Architectures"] ?? globals?["Architectures"])?.listValue?.first?.stringValue) ?? "x86_64",
                    property: "CodeUri"))
            } else if type == "AWS::Lambda::Function", let path = properties?["Code"]?.stringValue {
                found.append(SAMFunctionSource(logicalId: entry.key, codeUri: path, runtime: properties?["Runtime"]?.stringValue,
                                               handler: properties?["Handler"]?.stringValue, architecture: "x86_64", property: "Code"))
            }
        }
        return found
    }
}
