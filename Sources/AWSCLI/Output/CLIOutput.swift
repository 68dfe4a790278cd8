import SimKit

/// The aws CLI's `--output` choices.
public enum OutputFormat: String, Sendable, CaseIterable {
    case json, text, table
}

/// What the global `--output`, `--query` flags and the terminal decide about printing.
public struct OutputOptions: Sendable, Equatable {
    /// `--output`; the CLI's default is `json`.
    public var format: OutputFormat
    /// `--query`, a JMESPath expression applied before formatting.
    public var query: String?
    /// Terminal columns for `table` (the CLI falls back to 80 when stdout is not a terminal).
    public var terminalWidth: Int

    /// Options with the CLI's defaults: json, no query, 80 columns.
    public init(format: OutputFormat = .json, query: String? = nil, terminalWidth: Int = 80) {
        self.format = format
        self.query = query
        self.terminalWidth = terminalWidth
    }
}

/// Renders a response the way aws CLI v2's formatters do (`awscli/formatter.py`).
public enum CLIOutput {
    /// Compiles `--query` up front, as the CLI does before calling the service.
    ///
    /// Throws `CLIFailure` (exit 252) for a syntax error and `WorkbookError` (exit 2) for a
    /// valid expression that uses a part of JMESPath the workbook does not simulate.
    public static func validate(_ options: OutputOptions) throws {
        if let query = options.query { _ = try JMESPath.compile(query) }
    }

    /// The stdout text for `response` of `operation` (the API name, e.g. `DescribeStacks`,
    /// which titles a table). An empty string means the CLI prints nothing.
    public static func render(_ response: JSON, operation: String, options: OutputOptions) throws -> String {
        var value = response
        if let query = options.query {
            value = try JMESPath.compile(query).search(response)
        }
        switch options.format {
        case .json: return json(value)
        case .text: return TextFormatter.format(value)
        case .table: return try TableFormatter.format(value, title: operation, terminalWidth: options.terminalWidth)
        }
    }

    /// `json.dump(indent=4, ensure_ascii=False)` plus a newline; nothing for exactly `{}`.
    public static func json(_ value: JSON) -> String {
        if case .object(let object) = value, object.isEmpty { return "" }
        return value.serialized(.python(indent: 4)) + "\n"
    }
}
