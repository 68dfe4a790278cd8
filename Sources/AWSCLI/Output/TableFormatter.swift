import SimKit

/// `--output table`: builds sections the way `TableFormatter` in `awscli/formatter.py` does,
/// then draws them with `TableLayout` (`awscli/table.py` `MultiTable`).
enum TableFormatter {
    static func format(_ value: JSON, title: String, terminalWidth: Int) throws -> String {
        var builder = Builder()
        guard try builder.buildTable(title: title, value, indent: 0) else { return "" }
        return TableLayout(sections: builder.sections, terminalWidth: terminalWidth).render()
    }

    private struct Builder {
        var sections: [TableSection] = []

        mutating func newSection(_ title: String, indent: Int) {
            sections.append(TableSection(title: title, indentLevel: indent))
        }

        mutating func addHeader(_ headers: [String]) {
            guard !sections.isEmpty else { return }
            sections[sections.count - 1].addHeader(headers)
        }

        mutating func addRow(_ row: [JSON]) throws {
            guard !sections.isEmpty else { return }
            try sections[sections.count - 1].addRow(row.map(PythonText.str))
        }

        /// `_build_table`: false (and nothing added) for a falsy value.
        mutating func buildTable(title: String?, _ current: JSON, indent: Int) throws -> Bool {
            if PythonText.isFalsy(current) { return false }
            if let title { newSection(title, indent: indent) }
            if case .array(let items) = current {
                if items.first?.objectValue != nil {
                    try subTableFromList(items, indent: indent, title: title)
                } else {
                    for item in items { try addListItem(item) }
                }
            }
            if case .object(let object) = current { try subTableFromDict(object, indent: indent) }
            return true
        }

        private mutating func addListItem(_ item: JSON) throws {
            switch item {
            case .array(let inner) where inner.allSatisfy(PythonText.isScalar): try addRow(inner)
            // Iterating a dict yields its keys, all scalars: the CLI prints the keys as a row.
            case .object(let object): try addRow(object.keys.map(JSON.string))
            case .array: _ = try buildTable(title: nil, item, indent: 0)
            default: try addRow([item])
            }
        }

        private mutating func subTableFromDict(_ object: JSONObject, indent: Int) throws {
            let (headers, more) = Self.groupScalarKeys([object])
            if headers.count == 1 {
                try addRow([.string(headers[0]), object[headers[0]] ?? .null])
            } else if !headers.isEmpty {
                addHeader(headers)
                try addRow(headers.map { object[$0] ?? .null })
            }
            for key in more {
                _ = try buildTable(title: key, object[key] ?? .null, indent: indent + 1)
            }
        }

        private mutating func subTableFromList(_ items: [JSON], indent: Int, title: String?) throws {
            let objects = items.map { $0.objectValue ?? JSONObject() }
            let (headers, more) = Self.groupScalarKeys(objects)
            addHeader(headers)
            for (index, element) in objects.enumerated() {
                if index > 0, !more.isEmpty {
                    newSection(title ?? "", indent: indent)
                    addHeader(headers)
                }
                try addRow(headers.map { element[$0] ?? "" })
                for key in more {
                    if let value = element[key] { _ = try buildTable(title: key, value, indent: indent + 1) }
                }
            }
        }

        /// Keys with scalar values and keys with list/dict values, each sorted; over all dicts.
        static func groupScalarKeys(_ objects: [JSONObject]) -> ([String], [String]) {
            var headers = Set<String>(), more = Set<String>()
            for object in objects {
                for member in object.members {
                    if PythonText.isScalar(member.value) { headers.insert(member.key) } else { more.insert(member.key) }
                }
            }
            return (headers.sorted(by: PythonText.codePointLess), more.sorted(by: PythonText.codePointLess))
        }
    }
}
