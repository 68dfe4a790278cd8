/// The table geometry of SAM's `commands/_utils/table_print.py` (`pprint_column_names`).
public struct TableGeometry: Sendable, Hashable {
    /// The number of columns.
    public var columnCount: Int
    /// The width the rounded terminal gives (`max(columns, 100)` less `width % columnCount`).
    public var width: Int
    /// The number of dashes in a frame line (`width - 1 - margin`).
    public var usableWidth: Int
    /// The padded width of every column but the last.
    public var columnWidth: Int
    /// The margin taken from the column width before wrapping (2).
    public var margin: Int

    /// The geometry for `columnCount` columns on a terminal `terminalColumns` wide (80 when
    /// output is not a terminal; anything under 100 behaves as 100).
    public init(columnCount: Int, terminalColumns: Int = 80, margin: Int = 2) {
        let count = max(columnCount, 1)
        let rounded = max(terminalColumns, 100)
        self.columnCount = count
        self.width = rounded - rounded % count
        self.margin = margin
        self.usableWidth = width - 1 - margin
        self.columnWidth = usableWidth / count
    }

    /// The padded width of each column; the last is one narrower so a row never rolls over.
    public var columnWidths: [Int] {
        Array(repeating: columnWidth, count: columnCount - 1) + [columnWidth - 1]
    }

    /// Where cell text wraps (`width_per_column - margin`).
    public var wrapWidth: Int { columnWidth - margin }
}

/// Prints tables exactly as SAM's `pprint_column_names` + `pprint_columns` do.
public struct TablePrinter: Sendable {
    /// The column layout.
    public var geometry: TableGeometry
    /// Colour on or off.
    public var palette: Palette
    /// The colour of frame lines and the column-name row.
    public var frameColor: ANSIColor = .yellow

    /// A printer for `columnCount` columns.
    public init(columnCount: Int, terminalColumns: Int = 80, palette: Palette = .plain) {
        self.geometry = TableGeometry(columnCount: columnCount, terminalColumns: terminalColumns)
        self.palette = palette
    }

    /// The bold title line (`table_header`), a frame, the column names and another frame.
    public func header(title: String?, columnNames: [String]) -> String {
        var text = ""
        if let title { text += palette.line(title, bold: true) }
        text += frame()
        text += palette.line(formatRow(columnNames), fg: frameColor)
        text += frame()
        return text
    }

    /// A frame line of `usable_width` dashes.
    public func frame() -> String {
        palette.line(String(repeating: "-", count: geometry.usableWidth), fg: frameColor)
    }

    /// The closing frame: dashes and `"\n"`, so a blank line follows every table.
    public func closingFrame() -> String {
        palette.line(String(repeating: "-", count: geometry.usableWidth) + "\n", fg: frameColor)
    }

    /// One logical row: each cell wrapped, continuation lines emitted as extra rows with empty
    /// cells (`zip_longest(..., fillvalue="")`).
    public func row(_ cells: [String], color: ANSIColor? = nil, wrap: TextWrap? = nil) -> String {
        var wrapper = wrap ?? TextWrap(width: geometry.wrapWidth)
        wrapper.width = geometry.wrapWidth
        let wrapped = cells.map { wrapper.wrap($0) }
        let height = wrapped.map(\.count).max() ?? 0
        var text = ""
        for index in 0..<height {
            let line = wrapped.map { index < $0.count ? $0[index] : "" }
            text += palette.line(formatRow(line), fg: color)
        }
        return text
    }

    /// Cells padded to the column widths and joined by one space (SAM's format strings
    /// `{A:<{0}} {B:<{1}} …`).
    public func formatRow(_ cells: [String]) -> String {
        let widths = geometry.columnWidths
        return cells.enumerated().map { index, cell in
            cell.pyLeft(index < widths.count ? widths[index] : 0)
        }.joined(separator: " ")
    }

    /// A whole table: header, rows (each with its own colour) and the closing frame.
    public func table(title: String?, columnNames: [String], rows: [(cells: [String], color: ANSIColor?)]) -> String {
        header(title: title, columnNames: columnNames)
            + rows.map { row($0.cells, color: $0.color) }.joined()
            + closingFrame()
    }
}
