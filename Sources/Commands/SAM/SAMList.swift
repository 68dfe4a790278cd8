import Account
import CloudFormation
import SAMCLI
import SimKit

/// `sam list stack-outputs|endpoints --stack-name S [--output table|json]`.
struct SAMList {
    let context: CommandContext
    let arguments: [String]
    var console: Console { context.console }

    func run() throws -> Int32 {
        guard let what = arguments.first, ["stack-outputs", "endpoints", "resources"].contains(what) else {
            return console.fail(SAMError("No such command '\(arguments.first ?? "")'.",
                                         preamble: "Usage: sam list [OPTIONS] COMMAND [ARGS]...\nTry 'sam list -h' for help.\n\n", exitCode: 2))
        }
        let args = try ClickArguments(command: "list \(what)", spec: ["--stack-name": .value, "--output": .value, "--region": .value,
                                                                     "--profile": .value, "--template-file": .value, "--config-file": .value,
                                                                     "--config-env": .value, "--debug": .flag],
                                      aliases: ["-o": "--output", "-t": "--template-file"], arguments: Array(arguments.dropFirst()))
        let format = args.value("--output") ?? "table"
        guard format == "table" || format == "json" else {
            throw args.usage("Invalid value for '--output' / '-o': '\(format)' is not one of 'json', 'table'.")
        }
        let account = try context.account()
        guard let stackName = args.value("--stack-name") else {
            if what == "stack-outputs" { throw args.usage("Missing option '--stack-name'.") }
            throw WorkbookError.notSimulated("sam list \(what) without --stack-name (from the local template)", at: nil)
        }
        guard let stack = try account.read({ db in try account.stacks.live(named: stackName, in: db) }) else {
            return console.fail(SAMError("The input stack \(stackName) does not exist on Cloudformation in the region \(account.region)"))
        }
        switch what {
        case "stack-outputs":
            let rows: [[String: String]] = stack.outputs.map { ["OutputKey": $0.key, "OutputValue": $0.value, "Description": $0.description ?? "-"] }
            print(rows, columns: ["OutputKey", "OutputValue", "Description"], title: "Stack Outputs", format: format)
        default:
            let resources = try account.read { db in try account.stacks.resources(of: stack.stackId, in: db) }
            let rows: [[String: String]] = resources.map {
                ["LogicalResourceId": $0.logicalId, "PhysicalResourceId": $0.physicalId ?? "-", "CloudEndpoint": "-", "Methods": "-"]
            }
            print(rows, columns: what == "endpoints" ? ["LogicalResourceId", "PhysicalResourceId", "CloudEndpoint", "Methods"]
                                                     : ["LogicalResourceId", "PhysicalResourceId"],
                  title: what == "endpoints" ? "Endpoints" : "Resources", format: format)
        }
        return 0
    }

    /// JSON as SAM's `--output json` (indent 2), or its table. The table layout follows SAM's
    /// `table_print` geometry; its title and column names are the JSON keys (not verified
    /// against a real transcript).
    func print(_ rows: [[String: String]], columns: [String], title: String, format: String) {
        if format == "json" {
            let json = JSON.array(rows.map { row in .object(JSONObject(columns.compactMap { c in row[c].map { (c, JSON.string($0)) } })) })
            console.out(json.serialized(.python(indent: 2)) + "\n")
            return
        }
        let printer = TablePrinter(columnCount: columns.count, terminalColumns: console.columns, palette: console.palette)
        console.out(printer.table(title: title, columnNames: columns, rows: rows.map { row in (cells: columns.map { row[$0] ?? "-" }, color: nil) }))
    }
}
