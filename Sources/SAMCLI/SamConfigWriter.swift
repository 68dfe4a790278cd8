import Foundation

extension SamConfig {
    /// The file text as tomlkit writes SAM's document: `version = 0.1`, then each table after a
    /// blank line.
    public func rendered() -> String {
        var text = "version = " + Self.render(version ?? .float(0.1, text: "0.1")) + "\n"
        for table in tables {
            text += "\n[" + table.path.map(Self.renderKey).joined(separator: ".") + "]\n"
            for entry in table.entries {
                text += Self.renderKey(entry.key) + " = " + Self.render(entry.value) + "\n"
            }
        }
        return text
    }

    /// What `GuidedConfig.save_config` stores after a guided deploy, applied to this document
    /// (empty for a first run). Returns the keys dropped from the deploy table because the
    /// global table already holds them (SAM logs each; on a first run `region` is written to
    /// both tables, on a re-save it stays only in the global one).
    @discardableResult
    public mutating func saveGuided(_ answers: GuidedAnswers) -> [SamConfigEntry] {
        var dropped: [SamConfigEntry] = []
        let env = answers.configEnv
        func put(_ key: String, _ value: SamConfigValue) {
            guard value.isTruthy else { return }
            if self.put(key, value, command: "deploy", env: env) { dropped.append(SamConfigEntry(key, value)) }
            if key == "region" { self.put("region", value, command: "global", env: env) }
        }
        put("stack_name", .string(answers.stackName))
        put("resolve_s3", .bool(true))
        put("s3_prefix", .string(answers.stackName))
        put("region", .string(answers.region))
        put("confirm_changeset", .bool(answers.confirmChangeset))
        put("capabilities", .string(answers.capabilities.joined(separator: " ")))
        put("disable_rollback", .bool(answers.disableRollback))
        let overrides = answers.parameterOverrides.filter { !$0.hidden }.map { "\($0.key)=\(Self.quoteParameter($0.value))" }
        if !overrides.isEmpty { put("parameter_overrides", .string(overrides.joined(separator: " "))) }
        self.put("image_repositories", .array([]), command: "deploy", env: env)
        if version == nil { version = .float(0.1, text: "0.1") }
        return dropped
    }

    /// `GuidedConfig.quote_parameter_values`: `"value"` with `"` escaped as `\"`.
    static func quoteParameter(_ value: String) -> String {
        "\"" + value.replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    static func renderKey(_ key: String) -> String {
        let bare = !key.isEmpty && key.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
        return bare ? key : renderString(key)
    }

    static func render(_ value: SamConfigValue) -> String {
        switch value {
        case .string(let text): renderString(text)
        case .bool(let flag): flag ? "true" : "false"
        case .integer(let number): String(number)
        case .float(_, let text): text
        case .array(let items): "[" + items.map(render).joined(separator: ", ") + "]"
        }
    }

    /// A TOML basic string with tomlkit's escapes.
    static func renderString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: false)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
