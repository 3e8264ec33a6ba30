import Crypto
import GlocalCore

/// Counts and hashes the rows of one table as a store move reads them (on SQLite and on PostgreSQL alike):
/// SHA-256 over each row's canonical bytes (``StoreCellValue/appendCanonical(_:to:)``), in the order given.
public struct StoreTableChecksum {
    /// The table (its SQLite name).
    public let table: String
    private var hasher = SHA256()
    private var rows = 0
    private var buffer: [UInt8] = []

    /// An empty tally of `table`.
    public init(table: String) { self.table = table }

    /// Adds one row.
    public mutating func add(_ row: [StoreCellValue]) {
        buffer.removeAll(keepingCapacity: true)
        StoreCellValue.appendCanonical(row, to: &buffer)
        hasher.update(data: buffer)
        rows += 1
    }

    /// The count and checksum of the rows added so far.
    public func tally() -> StoreTableTally {
        let digest = hasher.finalize().map { byte in (byte < 16 ? "0" : "") + String(byte, radix: 16) }.joined()
        return StoreTableTally(table: table, rows: rows, checksum: digest)
    }
}
