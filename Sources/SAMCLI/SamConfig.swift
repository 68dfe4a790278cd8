/// A value in samconfig.toml (the subset SAM writes and learners edit).
public enum SamConfigValue: Sendable, Hashable {
    case string(String)
    case bool(Bool)
    case integer(Int)
    /// A float, kept with its source text so `0.1` is written back as `0.1`.
    case float(Double, text: String)
    case array([SamConfigValue])

    /// The value as a list of words: a string split on spaces (SAM's space-separated options)
    /// or an array's strings.
    public var words: [String] {
        switch self {
        case .string(let text): text.split(separator: " ").map(String.init)
        case .array(let items): items.flatMap(\.words)
        case .bool(let flag): [flag ? "true" : "false"]
        case .integer(let number): [String(number)]
        case .float(_, let text): [text]
        }
    }
}

/// One `[env.command.section]` table and its keys in file order.
public struct SamConfigTable: Sendable, Hashable {
    /// The dotted header, e.g. `["default", "deploy", "parameters"]`.
    public var path: [String]
    /// Keys and values in order.
    public var entries: [SamConfigEntry]

    /// A table.
    public init(path: [String], entries: [SamConfigEntry] = []) {
        self.path = path
        self.entries = entries
    }
}

/// A key and its value.
public struct SamConfigEntry: Sendable, Hashable {
    /// The key.
    public var key: String
    /// The value.
    public var value: SamConfigValue

    /// An entry.
    public init(_ key: String, _ value: SamConfigValue) {
        self.key = key
        self.value = value
    }
}

/// samconfig.toml as SAM reads and writes it (`lib/config/samconfig.py`): `version` and
/// `[env.command.parameters]` tables, keys in insertion order.
///
/// Re-writing normalises layout (comments and blank lines are not kept, `version` comes first),
/// where tomlkit would keep a learner's formatting.
public struct SamConfig: Sendable, Hashable {
    /// The `version` value (`0.1`).
    public var version: SamConfigValue?
    /// The tables in file order.
    public var tables: [SamConfigTable]

    /// A document; empty by default (a new file).
    public init(version: SamConfigValue? = nil, tables: [SamConfigTable] = []) {
        self.version = version
        self.tables = tables
    }

    /// The value of `key` in `[env.command.section]`.
    public func value(_ key: String, command: String, env: String = "default", section: String = "parameters") -> SamConfigValue? {
        tables.first { $0.path == [env, command, section] }?.entries.first { $0.key == key }?.value
    }

    /// `SamConfig.get_all`: the command's keys over the global ones.
    public func resolved(command: String, env: String = "default", section: String = "parameters") -> [String: SamConfigValue] {
        var merged: [String: SamConfigValue] = [:]
        for path in [[env, "global", section], [env, command, section]] {
            for entry in tables.first(where: { $0.path == path })?.entries ?? [] { merged[entry.key] = entry.value }
        }
        return merged
    }

    /// `SamConfig.put`: sets the key in place or appends it (creating the table), then drops it
    /// from the command table when `[env.global.section]` holds the same value. Returns true when
    /// it was dropped (SAM logs `DeployMessages.globalParameterDeduplicated` then).
    @discardableResult
    public mutating func put(_ key: String, _ value: SamConfigValue, command: String, env: String = "default",
                             section: String = "parameters") -> Bool {
        let path = [env, command, section]
        let index = tables.firstIndex { $0.path == path } ?? insertTable(path)
        if let entry = tables[index].entries.firstIndex(where: { $0.key == key }) {
            tables[index].entries[entry].value = value
        } else {
            tables[index].entries.append(SamConfigEntry(key, value))
        }
        guard command != "global", let global = self.value(key, command: "global", env: env, section: section),
              global.isTruthy, global == value else { return false }
        tables[index].entries.removeAll { $0.key == key }
        return true
    }

    /// Adds an empty table after the last one of the same environment (as a nested dict would).
    private mutating func insertTable(_ path: [String]) -> Int {
        let position = (tables.lastIndex { $0.path.first == path.first }).map { $0 + 1 } ?? tables.count
        tables.insert(SamConfigTable(path: path), at: position)
        return position
    }
}

extension SamConfigValue {
    /// Python truthiness (`if v:` in `save_config`).
    var isTruthy: Bool {
        switch self {
        case .string(let text): !text.isEmpty
        case .bool(let flag): flag
        case .integer(let number): number != 0
        case .float(let number, _): number != 0
        case .array(let items): !items.isEmpty
        }
    }
}
