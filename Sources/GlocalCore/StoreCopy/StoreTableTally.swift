/// What one side of a store move holds in one table: how many rows and the SHA-256 of their canonical
/// text (``StoreCellValue``), rows in primary-key order.
public struct StoreTableTally: Sendable, Equatable {
    /// The table (its SQLite name).
    public var table: String
    /// How many rows it holds.
    public var rows: Int
    /// The SHA-256 of its rows, in lowercase hex.
    public var checksum: String

    /// A tally of `rows` rows hashing to `checksum`.
    public init(table: String, rows: Int, checksum: String) {
        self.table = table
        self.rows = rows
        self.checksum = checksum
    }
}
