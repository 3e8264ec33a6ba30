import Foundation
import GRDB
import GlocalCore

/// The variant store on SQLite (GRDB): planned variants, their states and the append-only audit log.
///
/// Every write is one transaction; the schema's NOT NULL, CHECK and foreign-key constraints and the
/// audit triggers hold whatever code writes to the file.
public final class SQLiteVariantStore: VariantStore {
    /// The connection (a WAL pool for a file, a queue in memory) every operation goes through.
    let writer: any DatabaseWriter
    /// The dispatcher node this store is opened for (`glocal run --node-id`), recorded with the queue's audit events.
    public let nodeID: String?

    /// Opens (or creates) the store at `path`, creating missing parent directories, in WAL mode with a
    /// 5 s busy timeout and foreign keys on, and migrates it to the current schema; `nodeID` is recorded with the
    /// dispatcher's audit events. A store it creates is readable by its owner only (0600, and 0700 for the folders it
    /// creates): it holds the users' password hashes, sessions and sealed tokens. SQLite gives its `-wal` and `-shm`
    /// files the store's mode.
    public convenience init(path: String, nodeID: String? = nil) throws {
        let manager = FileManager.default
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        if !manager.fileExists(atPath: directory.path) {
            try manager.createDirectory(
                at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        if !manager.fileExists(atPath: path) {
            // An empty file is an empty database to SQLite; made first, it has the owner-only mode from the start.
            _ = manager.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        try self.init(writer: DatabasePool(path: path, configuration: Self.configuration()), nodeID: nodeID)
    }

    /// A fresh, migrated store that lives in memory only (for tests), for node `nodeID` if given.
    public static func inMemory(nodeID: String? = nil) throws -> SQLiteVariantStore {
        try SQLiteVariantStore(writer: DatabaseQueue(configuration: configuration()), nodeID: nodeID)
    }

    /// Wraps `writer` and migrates it.
    init(writer: any DatabaseWriter, nodeID: String? = nil) throws {
        try StoreMigrations.migrator.migrate(writer)
        self.writer = writer
        self.nodeID = nodeID
    }

    /// The page cache while applying a plan, in KiB (negative: a size, not a page count).
    private static let applyCacheSize = -65_536
    /// SQLite's default page cache, in KiB.
    private static let defaultCacheSize = -2_000

    /// Wraps `writer` as it is (tests of migrations build an older schema with it).
    init(writerWithoutMigrating writer: any DatabaseWriter) throws {
        self.writer = writer
        nodeID = nil
    }

    private static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.journalMode = .wal  // a DatabasePool does so anyway; say it
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            // Only a new, empty file takes it (before WAL mode is set up): rows are ~1 KB, and 16 KiB
            // pages cut B-tree and commit work by a fifth when applying a large plan.
            try db.execute(sql: "PRAGMA page_size = 16384")
        }
        // `publicStatementArguments` stays false: texts and, later, tokens must not end up in logs.
        return configuration
    }

    /// Every stored variant, sorted by id.
    public func allVariants() throws -> [StoredVariant] {
        try writer.read { db in
            var variants: [StoredVariant] = []
            let rows = try Row.fetchCursor(db, sql: "SELECT \(VariantRow.selection) FROM variant ORDER BY id")
            while let row = try rows.next() { variants.append(try VariantRow.variant(from: row)) }
            return variants
        }
    }

    /// The variant with `id`, or `nil` if the store has none.
    public func variant(_ id: String) throws -> StoredVariant? {
        try writer.read { db in try Self.fetchVariant(db, id: id) }
    }

    /// Applies every create, update and cancel of `plan` in one transaction, with an audit event for
    /// each, and returns how many variants changed. If anything fails nothing is written.
    ///
    /// The plan is re-checked against the rows as they are inside the transaction: a variant that
    /// went out (or started to) since the plan was made is left alone, as the plan would now say.
    /// This form checks no generation: it is for a caller that is the store's only writer (tests,
    /// benchmarks); commands use `apply(_:basedOn:actor:now:)`.
    @discardableResult
    public func apply(_ plan: Plan, actor: String, now: Date) throws -> Int {
        try apply(plan, basedOn: nil, actor: actor, now: now)
    }

    /// Applies `plan`, computed against the store at `generation`, as `apply(_:actor:now:)` does, if
    /// the store is still at that generation inside the write transaction; otherwise throws
    /// `VariantStoreError.storeChanged` and writes nothing (a stale plan would write its changes again).
    @discardableResult
    public func apply(_ plan: Plan, basedOn generation: StoreGeneration?, actor: String, now: Date) throws -> Int {
        try writer.writeWithoutTransaction { db in
            // A big plan touches more B-tree pages than SQLite's default 2 MB cache holds; spilling them
            // mid-transaction and reading them back was a tenth of the time of a 200 000-variant apply.
            try db.execute(sql: "PRAGMA cache_size = \(Self.applyCacheSize)")
            defer { try? db.execute(sql: "PRAGMA cache_size = \(Self.defaultCacheSize)") }
            var changed = 0
            try db.inTransaction(.immediate) {
                if let generation {
                    let current = try StoreGeneration.current(db)
                    if current != generation {
                        let (actors, count) = try generation.writers(since: db)
                        throw VariantStoreError.storeChanged(events: count, actors: actors)
                    }
                }
                var application = PlanApplication(db: db, actor: actor, now: now)
                let changes = plan.changes[...]
                let chunk = PreparedCreates.chunkSize
                let starts = Array(stride(from: changes.startIndex, to: changes.endIndex, by: chunk))
                func prepare(_ start: Int) -> PreparedCreates {
                    PreparedCreates(
                        changes[start..<min(start + chunk, changes.endIndex)], actor: actor, timestamp: application.timestamp)
                }
                var next = starts.first.map(prepare)
                for (number, start) in starts.enumerated() {
                    let rows = next!.wait()
                    next = number + 1 < starts.count ? prepare(starts[number + 1]) : nil
                    for (offset, change) in changes[start..<min(start + chunk, changes.endIndex)].enumerated()
                    where try application.apply(change, prepared: rows[offset]) {
                        changed += 1
                    }
                }
                try application.finish()
                return .commit
            }
            return changed
        }
    }

    /// Moves variant `id` to `state` if the variant state machine allows it, with an audit event.
    ///
    /// - Throws: `VariantStoreError.variantNotFound` or `.invalidTransition`; nothing is written then.
    public func setState(_ id: String, to state: VariantState, actor: String, now: Date) throws {
        _ = try writer.write { db in
            try VariantStateChange.move(db, id: id, to: state, actor: actor, timestamp: StoreTimestamp.string(from: now))
        }
    }

    /// The audit log, oldest first; only the events of `variant` if given.
    public func auditEvents(variant: String? = nil) throws -> [AuditEvent] {
        try writer.read { db in try AuditLog.events(db, variantID: variant) }
    }

    /// The publish queue kept in the same file.
    public var publishQueue: PublishQueue { PublishQueue(writer: writer, nodeID: nodeID) }

    /// Reads one variant inside an open transaction or read.
    static func fetchVariant(_ db: Database, id: String) throws -> StoredVariant? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT \(VariantRow.selection) FROM variant WHERE id = ?"), arguments: [id])
            .map(VariantRow.variant(from:))
    }
}
