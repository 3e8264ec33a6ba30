import Foundation
import GlocalCore
import GlocalStore
import PostgresNIO

/// Copies a whole store into an empty PostgreSQL store in one transaction, and checks the copy before
/// committing it: every table's rows read back, counted and hashed as the source's were
/// (``StoreCopyVerification``). A mismatch, a refused row or a lost connection rolls everything back.
///
/// Every table of the plan is locked `EXCLUSIVE` first (readers go on, writers wait), then must be empty:
/// a node started on the target too early cannot mix its rows with the copy.
public struct PostgresStoreImport {
    /// The target store (migrated when it was opened).
    public let store: PostgresStore
    /// The tables to copy, in order.
    public let tables: [StoreCopyTable]

    /// An import into `store` of `tables` (default: the whole plan).
    public init(store: PostgresStore, tables: [StoreCopyTable] = StoreCopyPlan.tables) {
        self.store = store
        self.tables = tables
    }

    /// Copies every table of `source` and returns the comparison, all equal; throws `StoreCopyError` (nothing
    /// committed) if the target holds data, a source value is not what its column holds, or the copy differs.
    public func copy(from source: some StoreCopySource) throws -> StoreCopyVerification {
        try store.pool.transaction { transaction in
            let names = (tables.map(\.postgresName) + StoreCopyPlan.postgresOnlyTables).map(PostgresLocation.quoted)
            try transaction.execute(
                PostgresQuery(unsafeSQL: "LOCK TABLE \(names.joined(separator: ", ")) IN EXCLUSIVE MODE"))
            try refuseData(transaction)
            var sourceTallies: [StoreTableTally] = []
            for table in tables {
                var checksum = StoreTableChecksum(table: table.sqliteName)
                var insert = PostgresCopyInsert(table: table)
                var largestID: Int64 = 0
                let idIndex = table.columns.firstIndex { $0.name == "id" }
                try source.forEachRow(of: table) { row in
                    checksum.add(row)
                    if let idIndex, case .integer(let id) = row[idIndex] { largestID = max(largestID, id) }
                    try insert.add(row, transaction)
                }
                try insert.flush(transaction)
                if table.generatedID {
                    let issued = max(largestID, try source.largestIssuedID(of: table) ?? 0)
                    try moveSequence(of: table, past: issued, transaction)
                }
                sourceTallies.append(checksum.tally())
            }
            let copied = try tables.map { try PostgresCopyReader.tally($0, transaction) }
            let verification = StoreCopyVerification(source: sourceTallies, copy: copied)
            guard verification.matches else { throw StoreCopyError.verificationFailed(verification) }
            return verification
        }
    }

    private func refuseData(_ transaction: PostgresTransaction) throws {
        var held: [StoreTableTally] = []
        for name in tables.map(\.postgresName) + StoreCopyPlan.postgresOnlyTables {
            let rows =
                try transaction.value(
                    PostgresQuery(unsafeSQL: "SELECT count(*) FROM \(PostgresLocation.quoted(name))"), as: Int.self) ?? 0
            if rows > 0 { held.append(StoreTableTally(table: name, rows: rows, checksum: "")) }
        }
        guard held.isEmpty else {
            throw StoreCopyError.targetNotEmpty(target: store.pool.location.description, tables: held)
        }
    }

    /// Sets the id sequence so the next generated id is past `issued` (SQLite never reuses an id either).
    private func moveSequence(of table: StoreCopyTable, past issued: Int64, _ transaction: PostgresTransaction) throws {
        guard issued > 0 else { return }
        try transaction.execute(
            "SELECT setval(pg_get_serial_sequence(\(PostgresLocation.quoted(table.postgresName)), 'id'), \(Int(issued)), true)")
    }
}
