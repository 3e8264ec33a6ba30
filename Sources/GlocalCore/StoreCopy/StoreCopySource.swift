/// Where a store move reads rows from (SQLite, inside one read transaction).
public protocol StoreCopySource {
    /// Calls `body` with every row of `table`, its values in the order of `table.columns`, rows in
    /// primary-key order (text keys by their UTF-8 bytes).
    func forEachRow(of table: StoreCopyTable, _ body: ([StoreCellValue]) throws -> Void) throws

    /// The largest id the source ever gave out in `table` (SQLite's AUTOINCREMENT counter, which may be past the
    /// largest row left); `nil` when it keeps none.
    func largestIssuedID(of table: StoreCopyTable) throws -> Int64?
}
