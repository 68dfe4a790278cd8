import CloudFormation
import Lambda
import SimKit

/// A serverless function's settings as `sam local invoke` reads them from the template:
/// the function's own property, else `Globals.Function`, else Lambda's default.
struct LocalFunctionProperties {
    let root: TemplateNode
    let logicalId: String

    private func property(_ name: String) -> TemplateNode? {
        root["Resources"]?[logicalId]?["Properties"]?[name] ?? root["Globals"]?["Function"]?[name]
    }

    var timeout: Int { property("Timeout")?.scalarText.flatMap { Int($0) } ?? FunctionConfiguration.defaultTimeout }
    var memorySize: Int { property("MemorySize")?.scalarText.flatMap { Int($0) } ?? FunctionConfiguration.defaultMemorySize }

    /// `Environment.Variables` with SAM CLI's local resolution: scalars as text; `Ref` of a
    /// parameter gives its default, `Ref` of a resource its logical id (there is no deployed
    /// resource behind it); other intrinsics cannot be resolved locally and are left out, as
    /// SAM CLI leaves them out. `overrides` (from `--env-vars`) win, but only for variables the
    /// template declares, as in SAM CLI.
    func environment(overrides: JSONObject?) throws -> JSONObject {
        var variables = JSONObject()
        for entry in property("Environment")?["Variables"]?.mapValue?.entries ?? [] {
            if let text = entry.value.scalarText {
                variables[entry.key] = .string(text)
            } else if let target = entry.value["Ref"]?.stringValue {
                let parameter = root["Parameters"]?[target]
                variables[entry.key] = .string(parameter.map { $0["Default"]?.scalarText ?? "" } ?? target)
            }
        }
        for (key, value) in overrides ?? JSONObject() where variables[key] != nil {
            variables[key] = .string(value.stringValue ?? value.serialized())
        }
        return variables
    }
}
