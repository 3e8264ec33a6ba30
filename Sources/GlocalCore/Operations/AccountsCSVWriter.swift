/// Writes accounts as CSV (`glocal accounts export`): RFC 4180 with CRLF line ends, every text cell
/// quoted, and a cell that a spreadsheet would read as a formula (starting with `=`, `+`, `-`, `@`, a
/// tab or a carriage return) prefixed with `'`, like the report's CSV. `import` reads the file back (it
/// drops that `'` again where it was added). `unaudited` is written only when true; `boards` as
/// ``PinterestBoardsCell`` says.
public enum AccountsCSVWriter {
    /// The CSV text of `records`, header first.
    public static func render(_ records: [AccountRecord]) -> String {
        var lines = [AccountRecord.columns.joined(separator: ",")]
        for record in records {
            let cells = [
                record.id, record.network.rawValue, record.handle, record.locale, record.timeZone ?? "",
                record.tags.joined(separator: " "), record.teams.joined(separator: " "), record.city ?? "",
                record.country ?? "", record.credentials ?? "", record.instance ?? "",
                record.maxCharacters.map(String.init) ?? "",
                PinterestBoardsCell.render(record.boards), record.location ?? "", record.unaudited == true ? "true" : "",
            ]
            lines.append(cells.map(cell).joined(separator: ","))
        }
        return lines.map { $0 + "\r\n" }.joined()
    }

    /// One cell: defused, quoted.
    public static func cell(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) { text = "'" + text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
