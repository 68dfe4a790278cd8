/// One resource change of a change set (`ResourceChange` of `DescribeChangeSet`).
public struct ChangeSetEntry: Sendable, Hashable {
    /// CloudFormation's change action.
    public enum Action: String, Sendable, CaseIterable {
        case add = "Add", modify = "Modify", remove = "Remove"

        /// SAM's `changes_showcase` text.
        public var showcase: String {
            switch self {
            case .add: "+ Add"
            case .modify: "* Modify"
            case .remove: "- Delete"
            }
        }

        /// `changeset_color_map` in `lib/deploy/utils.py`.
        public var color: ANSIColor {
            switch self {
            case .add: .green
            case .modify: .yellow
            case .remove: .red
            }
        }
    }

    /// Add, Modify or Remove.
    public var action: Action
    /// The logical id.
    public var logicalResourceId: String
    /// The resource type.
    public var resourceType: String
    /// `True`, `False` or `Conditional`; nil prints `N/A` (Add and Remove never carry one).
    public var replacement: String?

    /// A change set row.
    public init(action: Action, logicalResourceId: String, resourceType: String, replacement: String? = nil) {
        self.action = action
        self.logicalResourceId = logicalResourceId
        self.resourceType = resourceType
        self.replacement = replacement
    }
}

/// One `DescribeStackEvents` event as SAM shows it.
public struct StackEventRow: Sendable, Hashable {
    /// `ResourceStatus`, e.g. `CREATE_IN_PROGRESS`.
    public var status: String
    /// `DetailedStatus`, e.g. `CONFIGURATION_COMPLETE`, when CloudFormation sends one.
    public var detailedStatus: String?
    /// `ResourceType`.
    public var resourceType: String
    /// `LogicalResourceId`.
    public var logicalResourceId: String
    /// `ResourceStatusReason`; nil prints `-`.
    public var reason: String?

    /// A stack event row.
    public init(status: String, detailedStatus: String? = nil, resourceType: String, logicalResourceId: String,
                reason: String? = nil) {
        self.status = status
        self.detailedStatus = detailedStatus
        self.resourceType = resourceType
        self.logicalResourceId = logicalResourceId
        self.reason = reason
    }

    /// `status_color_map` of `lib/deploy/utils.py` (yellow for anything not listed).
    public var color: ANSIColor {
        switch status {
        case "CREATE_COMPLETE", "DELETE_COMPLETE", "UPDATE_COMPLETE": .green
        case "CREATE_FAILED", "DELETE_FAILED", "DELETE_IN_PROGRESS", "ROLLBACK_COMPLETE", "ROLLBACK_IN_PROGRESS",
             "UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS", "UPDATE_ROLLBACK_FAILED", "UPDATE_ROLLBACK_IN_PROGRESS":
            .red
        default: .yellow
        }
    }
}

/// One stack output (`Outputs` of `DescribeStacks`).
public struct StackOutputRow: Sendable, Hashable {
    /// `OutputKey`.
    public var key: String
    /// `Description`; nil prints `-`.
    public var description: String?
    /// `OutputValue`.
    public var value: String

    /// A stack output.
    public init(key: String, description: String? = nil, value: String) {
        self.key = key
        self.description = description
        self.value = value
    }
}

/// The three tables `sam deploy` prints (`lib/deploy/deployer.py`).
public struct DeployTables: Sendable {
    /// Terminal width (80 when not a terminal).
    public var terminalColumns: Int
    /// Colour on or off.
    public var palette: Palette

    /// Tables for a terminal `terminalColumns` wide.
    public init(terminalColumns: Int = 80, palette: Palette = .plain) {
        self.terminalColumns = terminalColumns
        self.palette = palette
    }

    /// `CloudFormation stack changeset`: rows grouped Add, Modify, Remove, each group in the
    /// order given; a single `-` row when there are no changes.
    public func changeSet(_ entries: [ChangeSetEntry]) -> String {
        let printer = TablePrinter(columnCount: 4, terminalColumns: terminalColumns, palette: palette)
        var rows: [(cells: [String], color: ANSIColor?)] = []
        for action in ChangeSetEntry.Action.allCases {
            for entry in entries where entry.action == action {
                let cells = [action.showcase, entry.logicalResourceId, entry.resourceType, entry.replacement ?? "N/A"]
                rows.append((cells, action.color))
            }
        }
        if rows.isEmpty { rows = [(["-", "-", "-", "-"], .yellow)] }
        return printer.table(title: "CloudFormation stack changeset",
                             columnNames: ["Operation", "LogicalResourceId", "ResourceType", "Replacement"], rows: rows)
    }

    /// The events table header: the title (with the poll delay as a Python float, `5.0`) and
    /// the column names. Rows follow from `eventRows`, then `closingFrame`.
    public func eventsHeader(pollDelaySeconds: Double = 5) -> String {
        let printer = TablePrinter(columnCount: 4, terminalColumns: terminalColumns, palette: palette)
        let title = "\nCloudFormation events from stack operations (refresh every \(pythonFloat(pollDelaySeconds)) seconds)"
        return printer.header(title: title,
                              columnNames: ["ResourceStatus", "ResourceType", "LogicalResourceId", "ResourceStatusReason"])
    }

    /// Event rows, oldest first; the status cell is `STATUS - DETAILED` when a detailed status exists.
    public func eventRows(_ events: [StackEventRow]) -> String {
        let printer = TablePrinter(columnCount: 4, terminalColumns: terminalColumns, palette: palette)
        return events.map { event in
            let status = event.detailedStatus.map { event.status + " - " + $0 } ?? event.status
            return printer.row([status, event.resourceType, event.logicalResourceId, event.reason ?? "-"],
                               color: event.color)
        }.joined()
    }

    /// The closing frame of a 4-column table.
    public func closingFrame() -> String {
        TablePrinter(columnCount: 4, terminalColumns: terminalColumns, palette: palette).closingFrame()
    }

    /// The whole events table.
    public func events(_ events: [StackEventRow], pollDelaySeconds: Double = 5) -> String {
        eventsHeader(pollDelaySeconds: pollDelaySeconds) + eventRows(events) + closingFrame()
    }

    /// `CloudFormation outputs from deployed stack`: one column, `Key`/`Description`/`Value`
    /// padded to 20, wrapped without dropping whitespace or breaking words, green, one blank
    /// line between outputs.
    public func outputs(_ outputs: [StackOutputRow]) -> String {
        let printer = TablePrinter(columnCount: 1, terminalColumns: terminalColumns, palette: palette)
        var text = printer.header(title: "CloudFormation outputs from deployed stack", columnNames: ["Outputs"])
        let wrap = TextWrap.outputs(width: printer.geometry.wrapWidth)
        for (index, output) in outputs.enumerated() {
            for (label, value) in [("Key", output.key), ("Description", output.description ?? "-"), ("Value", output.value)] {
                text += printer.row([label.pyLeft(20) + value.pyLeft(20)], color: .green, wrap: wrap)
            }
            if index < outputs.count - 1 { text += "\n" }
        }
        return text + printer.closingFrame()
    }
}

/// Python's `str(float)` for the short values SAM prints (`5.0`, `0.5`).
func pythonFloat(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e16 { return String(Int(value)) + ".0" }
    return String(value)
}
