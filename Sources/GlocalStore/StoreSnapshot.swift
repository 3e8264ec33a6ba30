import GRDB
import GlocalCore

/// The stored variants and the store's generation, read in one transaction: what a plan is diffed
/// against, and the mark `apply` checks to know the store has not changed since.
public struct StoreSnapshot: Sendable {
    /// Every stored variant, sorted by id.
    public var variants: [StoredVariant]
    /// The store's generation when they were read.
    public var generation: StoreGeneration
}

/// A point in the store's history: the id of the newest audit event (0 for none).
///
/// Every write to a variant appends an audit event in the same transaction, and the log is
/// append-only, so an unchanged generation means unchanged variants.
public struct StoreGeneration: Sendable, Equatable, Comparable, CustomStringConvertible {
    /// The newest audit event's id.
    public var lastEventID: Int64

    /// The generation after the event numbered `lastEventID`.
    public init(lastEventID: Int64) { self.lastEventID = lastEventID }

    /// Orders generations by their event ids.
    public static func < (lhs: StoreGeneration, rhs: StoreGeneration) -> Bool { lhs.lastEventID < rhs.lastEventID }

    /// `generation N`.
    public var description: String { "generation \(lastEventID)" }

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
