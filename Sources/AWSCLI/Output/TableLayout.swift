/// One titled block of a table (`awscli/table.py` `Section`): optional header row, rows of
/// cells already converted to text, and its nesting level.
struct TableSection {
    var title: String
    var indentLevel: Int
    var headers: [String] = []
    var rows: [[String]] = []
    private var columnCount: Int?
    private var maxWidths: [Int] = []

    init(title: String, indentLevel: Int) {
        self.title = title
        self.indentLevel = indentLevel
    }

    mutating func addHeader(_ headers: [String]) {
        updateMaxWidths(headers)
        if columnCount == nil { columnCount = headers.count }
        self.headers = headers
    }

    mutating func addRow(_ row: [String]) throws {
        if columnCount == nil { columnCount = row.count }
        if let columnCount, row.count != columnCount {
            throw CLIFailure.general("Row should have \(columnCount) elements, instead it has \(row.count)")
        }
        rows.append(row)
        updateMaxWidths(row)
    }

    private mutating func updateMaxWidths(_ row: [String]) {
        if maxWidths.isEmpty {
            maxWidths = row.map(DisplayWidth.of)
        } else {
            for (i, cell) in row.enumerated() where i < maxWidths.count {
                maxWidths[i] = max(maxWidths[i], DisplayWidth.of(cell))
            }
        }
    }

    /// Column widths scaled to fill `maxWidth` exactly (`calculate_column_widths`).
    func columnWidths(padding: Int, maxWidth: Int?) -> [Int] {
        let unscaled = maxWidths.map { $0 + padding }
        guard let maxWidth, !unscaled.isEmpty else { return unscaled }
        let scale = Double(maxWidth) / Double(unscaled.reduce(0, +))
        var scaled = unscaled.map { Int((scale * Double($0)).rounded(.toNearestOrEven)) }
        var offBy = scaled.reduce(0, +) - maxWidth
        while offBy != 0 {
            let order = offBy < 0 ? Array(scaled.indices.reversed()) : Array(scaled.indices)
            for i in order {
                if offBy > 0 { scaled[i] -= 1; offBy -= 1 } else { scaled[i] += 1; offBy += 1 }
                if offBy == 0 { break }
            }
        }
        return scaled
    }

    /// The width this section needs, borders and indentation included (`total_width`).
    func totalWidth(padding: Int, outerPadding: Int) -> Int {
        let columns = columnWidths(padding: 0, maxWidth: nil).reduce(0) { $0 + $1 + padding } + 2 + 2 * outerPadding
        return max(DisplayWidth.of(title) + 2 + 2 * outerPadding, columns)
    }

    /// A single-row section turned into `header | value` rows (`convert_to_vertical_table`).
    func vertical() -> TableSection {
        guard rows.count == 1, !headers.isEmpty else { return self }
        var section = TableSection(title: title, indentLevel: indentLevel)
        for (header, cell) in zip(headers, rows[0]) { try? section.addRow([header, cell]) }
        return section
    }
}

/// Draws sections as `MultiTable.render` does, without colour (stdout is not a terminal).
struct TableLayout {
    var sections: [TableSection]
    var terminalWidth: Int

    func render() -> String {
        var sections = sections
        var maxWidth = Self.maxWidth(sections)
        if maxWidth > terminalWidth {
            sections = sections.map { $0.vertical() }
            maxWidth = Self.maxWidth(sections)
        }
        var out = String(repeating: "-", count: maxWidth) + "\n"
        for section in sections { renderSection(section, maxWidth: maxWidth, into: &out) }
        return out
    }

    private static func maxWidth(_ sections: [TableSection]) -> Int {
        sections.map { $0.totalWidth(padding: 4, outerPadding: $0.indentLevel) }.max() ?? 0
    }

    private func renderSection(_ section: TableSection, maxWidth fullWidth: Int, into out: inout String) {
        let edge = String(repeating: "|", count: section.indentLevel)
        let maxWidth = fullWidth - section.indentLevel * 2
        var lines: [String] = []
        if !section.title.isEmpty {
            lines.append(Self.center(section.title, length: maxWidth, left: "|", right: "|"))
            if section.headers.isEmpty && section.rows.isEmpty {
                lines.append("+" + String(repeating: "-", count: max(0, maxWidth - 2)) + "+")
            }
        }
        let widths = section.columnWidths(padding: 4, maxWidth: maxWidth)
        if !section.headers.isEmpty {
            lines.append(Self.lineBreak(widths))
            lines.append(zip(widths, section.headers).enumerated().map { i, pair in
                Self.center(pair.1, length: pair.0, left: i == 0 ? "|" : "", right: "|")
            }.joined())
        }
        if !section.rows.isEmpty, !widths.isEmpty {
            lines.append(Self.lineBreak(widths))
            for row in section.rows {
                lines.append(zip(widths, row).enumerated().map { i, pair in
                    Self.alignLeft(pair.1, length: pair.0, left: i == 0 ? "|" : "", right: "|")
                }.joined())
            }
            lines.append(Self.lineBreak(widths))
        }
        for line in lines { out += edge + line + edge + "\n" }
    }

    private static func spaces(_ n: Int) -> String { String(repeating: " ", count: max(0, n)) }

    private static func floorDiv(_ a: Int, _ b: Int) -> Int { Int((Double(a) / Double(b)).rounded(.down)) }

    /// `center_text`.
    static func center(_ text: String, length: Int, left: String, right: String) -> String {
        let textLength = DisplayWidth.of(text)
        let start = floorDiv(length, 2) - floorDiv(textLength, 2) - 1
        let soFar = left.count + start + textLength
        return left + spaces(start) + text + spaces(length - right.count - soFar) + right
    }

    /// `align_left` with a left padding of 2 when it fits.
    static func alignLeft(_ text: String, length: Int, left: String, right: String) -> String {
        let textLength = DisplayWidth.of(text)
        let padding = length - (textLength + 2 + left.count + right.count) >= 0 ? 2 : 0
        let soFar = left.count + padding + textLength
        return left + spaces(padding) + text + spaces(length - soFar - right.count) + right
    }

    /// `+-----+-----+`.
    static func lineBreak(_ widths: [Int]) -> String {
        widths.enumerated().map { i, width in
            i == 0 ? "+" + String(repeating: "-", count: max(0, width - 2)) + "+"
                : String(repeating: "-", count: max(0, width - 1)) + "+"
        }.joined()
    }
}
