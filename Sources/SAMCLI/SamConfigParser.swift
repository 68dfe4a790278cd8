import SimKit

/// A samconfig.toml that does not parse: where, why, and the text SAM itself would print.
public struct SamConfigParseError: Error, Sendable, Hashable {
    /// 1-based line.
    public var line: Int
    /// 1-based column.
    public var column: Int
    /// What is wrong, in the workbook's words.
    public var reason: String
    /// tomlkit's message (`Unexpected character: '\n' at line 1 col 4`, 0-based column), which
    /// a non-guided `sam deploy` prints as `Error: …`; a guided one prints `SAMError.invalidSamConfig`.
    public var tomlkitMessage: String

    /// The workbook error, located in `file`.
    public func workbookError(file: String) -> WorkbookError {
        WorkbookError(
            LocalizedText(en: "samconfig.toml does not parse: \(reason)",
                          ko: "samconfig.toml을 읽을 수 없습니다: \(reason)"),
            at: SourceLocation(file: file, line: line, column: column),
            fix: LocalizedText(en: "fix the line, or delete the file and run `sam deploy --guided` to write it again",
                               ko: "그 줄을 고치거나, 파일을 지우고 `sam deploy --guided`로 다시 만드세요"),
            exitCode: 1)
    }

    /// SAM's own error for a non-guided deploy.
    public var samError: SAMError { SAMError(tomlkitMessage) }
}

extension SamConfig {
    /// Parses the TOML subset samconfig files use: comments, `[a.b.c]` headers, `key = value`
    /// with basic/literal strings, booleans, integers, floats and (multi-line) arrays.
    public static func parse(_ text: String) throws(SamConfigParseError) -> SamConfig {
        var scanner = TOMLScanner(text)
        var config = SamConfig()
        var current: Int?
        var seenTables: Set<[String]> = []
        while true {
            scanner.skipBlankAndComments()
            guard let char = scanner.peek else { break }
            if char == "[" {
                let path = try scanner.tableHeader()
                guard seenTables.insert(path).inserted else {
                    throw scanner.failure("table [\(path.joined(separator: "."))] appears twice",
                                          tomlkit: "Key \"\(path.joined(separator: "."))\" already exists.")
                }
                config.tables.append(SamConfigTable(path: path))
                current = config.tables.count - 1
                continue
            }
            let (line, column) = (scanner.line, scanner.column)
            let (key, value) = try scanner.keyValue()
            if let current {
                guard !config.tables[current].entries.contains(where: { $0.key == key }) else {
                    throw SamConfigParseError(line: line, column: column, reason: "key \"\(key)\" appears twice",
                                              tomlkitMessage: "Key \"\(key)\" already exists. at line \(line) col \(column - 1)")
                }
                config.tables[current].entries.append(SamConfigEntry(key, value))
            } else if key == "version" {
                config.version = value
            }
        }
        return config
    }

    /// The keys `sam deploy` reads, resolved for `env` (deploy over global).
    public func deployParameters(env: String = "default") -> DeployConfig {
        DeployConfig(resolved(command: "deploy", env: env))
    }
}

/// The `sam deploy` options a samconfig.toml can carry.
public struct DeployConfig: Sendable, Hashable {
    /// `stack_name`.
    public var stackName: String?
    /// `s3_bucket`.
    public var s3Bucket: String?
    /// `s3_prefix`.
    public var s3Prefix: String?
    /// `resolve_s3`.
    public var resolveS3: Bool?
    /// `region` (deploy table, else global).
    public var region: String?
    /// `confirm_changeset`.
    public var confirmChangeset: Bool?
    /// From `"CAPABILITY_IAM"` or `["CAPABILITY_IAM", …]`.
    public var capabilities: [String]?
    /// `Key=Value` pairs from `"A=\"1\" B=2"` or a list, quotes removed.
    public var parameterOverrides: [(key: String, value: String)]?
    /// `disable_rollback`.
    public var disableRollback: Bool?
    /// `fail_on_empty_changeset`.
    public var failOnEmptyChangeset: Bool?

    /// Reads the known keys out of resolved values; unknown keys are ignored.
    public init(_ values: [String: SamConfigValue]) {
        func string(_ key: String) -> String? {
            if case .string(let text)? = values[key] { return text }
            return nil
        }
        func bool(_ key: String) -> Bool? {
            if case .bool(let flag)? = values[key] { return flag }
            return nil
        }
        stackName = string("stack_name")
        s3Bucket = string("s3_bucket")
        s3Prefix = string("s3_prefix")
        resolveS3 = bool("resolve_s3")
        region = string("region")
        confirmChangeset = bool("confirm_changeset")
        capabilities = values["capabilities"]?.words
        parameterOverrides = values["parameter_overrides"].map { Self.overrides($0) }
        disableRollback = bool("disable_rollback")
        failOnEmptyChangeset = bool("fail_on_empty_changeset")
    }

    /// Compares every field.
    public static func == (lhs: DeployConfig, rhs: DeployConfig) -> Bool {
        lhs.stackName == rhs.stackName && lhs.s3Bucket == rhs.s3Bucket && lhs.s3Prefix == rhs.s3Prefix
            && lhs.resolveS3 == rhs.resolveS3 && lhs.region == rhs.region && lhs.confirmChangeset == rhs.confirmChangeset
            && lhs.capabilities == rhs.capabilities && lhs.disableRollback == rhs.disableRollback
            && lhs.failOnEmptyChangeset == rhs.failOnEmptyChangeset
            && lhs.parameterOverrides?.map { [$0.key, $0.value] } == rhs.parameterOverrides?.map { [$0.key, $0.value] }
    }

    /// Hashes the stack name.
    public func hash(into hasher: inout Hasher) { hasher.combine(stackName) }

    /// Splits `Key="Value with spaces" Other=plain` (or a list of such) into pairs.
    static func overrides(_ value: SamConfigValue) -> [(key: String, value: String)] {
        let items: [String]
        switch value {
        case .array(let list): items = list.compactMap { if case .string(let s) = $0 { s } else { nil } }
        case .string(let text): items = [text]
        default: items = []
        }
        return items.flatMap(splitOverrides)
    }

    private static func splitOverrides(_ text: String) -> [(key: String, value: String)] {
        var pairs: [(key: String, value: String)] = []
        var chars = Substring(text)
        while let start = chars.firstIndex(where: { $0 != " " }) {
            chars = chars[start...]
            guard let equals = chars.firstIndex(of: "=") else { break }
            let key = String(chars[..<equals])
            chars = chars[chars.index(after: equals)...]
            var value = ""
            if chars.first == "\"" {
                chars = chars.dropFirst()
                while let char = chars.first, char != "\"" {
                    chars = chars.dropFirst()
                    if char == "\\", let next = chars.first { value.append(next); chars = chars.dropFirst() } else { value.append(char) }
                }
                chars = chars.dropFirst()
            } else {
                let end = chars.firstIndex(of: " ") ?? chars.endIndex
                value = String(chars[..<end])
                chars = chars[end...]
            }
            pairs.append((key, value))
        }
        return pairs
    }
}
