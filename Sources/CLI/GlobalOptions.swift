import Foundation
import SimKit

/// The flags every command takes, before or after any subcommand (`workbook --workspace DIR aws
/// logs tail …` and `workbook aws logs tail … --workspace DIR` alike). They are taken out of the
/// argument list before anything else parses it, so the `sam`/`aws` namespaces, which parse like
/// the real tools, never see them.
public struct GlobalOptions: Sendable, Equatable {
    public var workspace: String?
    public var language: Language?
    public var json = false
    public var plain = false
    public var deterministic = false

    public init() {}

    /// Removes the global flags from `arguments` (up to a `--`) and returns them.
    public static func extract(_ arguments: inout [String]) throws(WorkbookError) -> GlobalOptions {
        var options = GlobalOptions()
        var rest: [String] = []
        var index = 0
        func value(_ flag: String) throws(WorkbookError) -> String {
            let current = arguments[index]
            if let eq = current.firstIndex(of: "=") { return String(current[current.index(after: eq)...]) }
            index += 1
            guard index < arguments.count else {
                throw WorkbookError(LocalizedText(en: "\(flag) needs a value", ko: "\(flag)에는 값이 필요합니다"),
                                    fix: LocalizedText(en: "write it as \(flag) VALUE", ko: "\(flag) 값 형태로 쓰세요"))
            }
            return arguments[index]
        }
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" { rest += arguments[index...]; break }
            let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
            switch name {
            case "--workspace": options.workspace = try value("--workspace")
            case "--lang":
                let text = try value("--lang")
                guard let language = Language(rawValue: text) else {
                    throw WorkbookError(LocalizedText(en: "unknown language '\(text)'", ko: "알 수 없는 언어 '\(text)'"),
                                        fix: LocalizedText(en: "use --lang en or --lang ko", ko: "--lang en 또는 --lang ko를 쓰세요"))
                }
                options.language = language
            case "--json" where argument == name: options.json = true
            case "--plain" where argument == name: options.plain = true
            case "--deterministic" where argument == name: options.deterministic = true
            default: rest.append(argument)
            }
            index += 1
        }
        arguments = rest
        return options
    }
}
