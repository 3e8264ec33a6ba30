import GRDB
import GlocalCore

// The store's generation as SQLite reads it: the newest audit event's id.
extension StoreGeneration {
    /// The generation as of the open transaction or read.
    static func current(_ db: Database) throws -> StoreGeneration {
        StoreGeneration(lastEventID: try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM audit_event") ?? 0)
    }

    /// Who wrote the events after this generation (each actor once, in order), and how many there are.
    func writers(since db: Database) throws -> (actors: [String], count: Int) {
        let actors = try String.fetchAll(
            db, sql: "SELECT actor FROM audit_event WHERE id > ? ORDER BY id", arguments: [lastEventID])
        var seen: Set<String> = []
        return (actors.filter { seen.insert($0).inserted }, actors.count)
    }
}

extension SQLiteVariantStore {
    /// Every stored variant and the store's generation, read together.
    public func snapshot() throws -> StoreSnapshot {
        try writer.read { db in
            var variants: [StoredVariant] = []
            let rows = try Row.fetchCursor(db, sql: "SELECT \(VariantRow.selection) FROM variant ORDER BY id")
            while let row = try rows.next() { variants.append(try VariantRow.variant(from: row)) }
            return StoreSnapshot(variants: variants, generation: try StoreGeneration.current(db))
        }
    }
}
