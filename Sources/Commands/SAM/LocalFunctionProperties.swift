import CloudFormation
import Lambda
import SimKit

/// A function's settings as `sam local invoke` reads them from the template: a serverless
/// function's property merged with `Globals.Function` (as the SAM translator merges them), a
/// plain `AWS::Lambda::Function`'s own property, else Lambda's default.
struct LocalFunctionProperties {
    let root: TemplateNode
    let logicalId: String
    /// `--parameter-overrides`, over the template's parameter defaults.
    var parameters: [String: String] = [:]
    /// For `Ref AWS::Region` and `AWS::AccountId`.
    var region = "ap-northeast-2"
    var accountId = "123456789012"

    private func property(_ name: String) -> TemplateNode? {
        let resource = root["Resources"]?[logicalId]
        let local = resource?["Properties"]?[name]
        guard resource?["Type"]?.stringValue == "AWS::Serverless::Function" else { return local }
        return SAMGlobalMerge.merge(global: root["Globals"]?["Function"]?[name], local: local)
    }

    var timeout: Int { property("Timeout")?.scalarText.flatMap { Int($0) } ?? FunctionConfiguration.defaultTimeout }
    var memorySize: Int { property("MemorySize")?.scalarText.flatMap { Int($0) } ?? FunctionConfiguration.defaultMemorySize }

    /// `Environment.Variables` with SAM CLI's local resolution (`samcli/lib/providers`,
    /// `env_vars.py`): scalars as text; `Ref` of a parameter gives its override or default, of
    /// a pseudo parameter its local value, of a resource its logical id (nothing is deployed);
    /// anything else cannot be resolved locally and becomes "". `overrides` (`--env-vars`) win,
    /// but only for variables the template declares, as in SAM CLI.
    func environment(overrides: JSONObject?) throws -> JSONObject {
        var variables = JSONObject()
        for entry in property("Environment")?["Variables"]?.mapValue?.entries ?? [] {
            variables[entry.key] = .string(resolved(entry.value))
        }
        for (key, value) in overrides ?? JSONObject() where variables[key] != nil {
            variables[key] = .string(value.stringValue ?? value.serialized())
        }
        return variables
    }

    private func resolved(_ node: TemplateNode) -> String {
        if let text = node.scalarText { return text }
        guard let target = node["Ref"]?.stringValue else { return "" }
        switch target {
        case "AWS::Region": return region
        case "AWS::AccountId": return accountId
        case "AWS::Partition": return "aws"
        case "AWS::URLSuffix": return "amazonaws.com"
        // [I] SAM CLI's local symbol table names the stack "local".
        case "AWS::StackName": return "local"
        default: break
        }
        if let parameter = root["Parameters"]?[target] { return parameters[target] ?? parameter["Default"]?.scalarText ?? "" }
        return target
    }
}
