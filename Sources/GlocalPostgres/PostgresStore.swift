import Foundation
import GlocalCore
import GlocalStore
import PostgresNIO

/// The store on PostgreSQL, for several nodes sharing one database: planned variants, their states,
/// reviews, moves and the append-only audit (this type), the publish queue (`PostgresJobQueue`),
/// engagement readings (`PostgresMetricsStore`), credentials, users, sessions and the notification
/// outbox, all through one connection pool: a `WorkspaceStore`, as `SQLiteVariantStore` is.
///
/// Every write is one transaction; rows a write depends on are read `FOR UPDATE`, so nodes take turns
/// on a variant or a job rather than overwrite each other. The schema's constraints and triggers hold
/// whatever code writes to the database.
public final class PostgresStore: VariantStore, AuditTrail {
    /// The connections every operation goes through.
    public let pool: PostgresConnectionPool
    /// This node's id, recorded with the dispatcher's audit events.
    public let nodeID: String?

    /// Opens the store at `location` (creating its schema if it names one that is missing) and migrates
    /// it to the current schema.
    public init(location: PostgresLocation, nodeID: String? = nil, poolSize: Int = 4) throws {
        if let schema = location.schema {
            var server = location
            server.schema = nil
            let bootstrap = PostgresConnectionPool(location: server, size: 1)
            defer { bootstrap.close() }
            do {
                try bootstrap.execute(PostgresQuery(unsafeSQL: "CREATE SCHEMA IF NOT EXISTS \(PostgresLocation.quoted(schema))"))
            } catch let error as PostgresStoreError where error.sqlState == "23505" || error.sqlState == "42P06" {
                // Another node created it at the same moment.
            }
        }
        pool = PostgresConnectionPool(location: location, size: poolSize)
        self.nodeID = nodeID
        try PostgresMigrations.migrate(pool)
    }

    /// The publish queue in the same database, for `worker`s of this node.
    public var publishQueue: PostgresJobQueue { PostgresJobQueue(pool: pool, nodeID: nodeID) }

    /// Engagement collection in the same database.
    public var metrics: PostgresMetricsStore { PostgresMetricsStore(pool: pool) }

    /// Every stored variant, sorted by id.
    public func allVariants() throws -> [StoredVariant] {
        try pool.transaction { transaction in
            try transaction.rows("SELECT \(unescaped: PostgresVariantRow.selection) FROM variant ORDER BY id COLLATE \"C\"")
                .map(PostgresVariantRow.variant(from:))
        }
    }

    /// The variant with `id`, if stored.
    public func variant(_ id: String) throws -> StoredVariant? {
        try pool.transaction { try PostgresVariantRow.fetch($0, id: id) }
    }

    /// Variants in `state`, ordered by campaign, slot and id, whose account passes `visible`.
    public func variants(in state: VariantState, visible: (String) -> Bool) throws -> [StoredVariant] {
        try select(
            "WHERE state = \(state.rawValue) ORDER BY campaign_id COLLATE \"C\", scheduled_at NULLS FIRST, id COLLATE \"C\""
        ).filter { visible($0.accountID) }
    }

    /// The variants of one campaign, by account and slot, whose account passes `visible`.
    public func variants(campaign: String, visible: (String) -> Bool) throws -> [StoredVariant] {
        try select(
            """
            WHERE campaign_id = \(campaign)
            ORDER BY account_id COLLATE "C", scheduled_at NULLS FIRST, id COLLATE "C"
            """
        ).filter { visible($0.accountID) }
    }

    /// The variants of one account, by slot.
    public func variants(account: String) throws -> [StoredVariant] {
        try select("WHERE account_id = \(account) ORDER BY scheduled_at NULLS FIRST, id COLLATE \"C\"")
    }

    private func select(_ tail: PostgresQuery) throws -> [StoredVariant] {
        var query = PostgresQuery(unsafeSQL: "SELECT \(PostgresVariantRow.selection) FROM variant ", binds: tail.binds)
        query.sql += tail.sql
        let complete = query
        return try pool.transaction { try $0.rows(complete).map(PostgresVariantRow.variant(from:)) }
    }

    /// Applies every create, update and cancel of `plan` in one transaction, checking no generation.
    @discardableResult
    public func apply(_ plan: Plan, actor: String, now: Date) throws -> Int {
        try apply(plan, basedOn: nil, actor: actor, now: now)
    }

    /// Every stored variant and the store's generation (the newest audit event's id), read together.
    ///
    /// The audit table is locked in SHARE mode first (writers in flight finish, new ones wait for the
    /// read), so no event with a smaller id can commit after the generation was read.
    public func snapshot() throws -> StoreSnapshot {
        try pool.transaction(begin: "BEGIN ISOLATION LEVEL REPEATABLE READ") { transaction in
            try transaction.execute("LOCK TABLE audit_event IN SHARE MODE")
            let variants = try transaction.rows(
                "SELECT \(unescaped: PostgresVariantRow.selection) FROM variant ORDER BY id COLLATE \"C\""
            ).map(PostgresVariantRow.variant(from:))
            return StoreSnapshot(variants: variants, generation: try Self.generation(transaction))
        }
    }

    /// Applies `plan` if the store is still at `generation` inside the write (the audit table locked
    /// against other writers meanwhile); otherwise throws `VariantStoreError.storeChanged`, writing nothing.
    @discardableResult
    public func apply(_ plan: Plan, basedOn generation: StoreGeneration?, actor: String, now: Date) throws -> Int {
        try pool.transaction { transaction in
            if let generation {
                try transaction.execute("LOCK TABLE audit_event IN SHARE ROW EXCLUSIVE MODE")
                let current = try Self.generation(transaction)
                if current != generation {
                    let actors = try transaction.rows(
                        "SELECT actor FROM audit_event WHERE id > \(generation.lastEventID) ORDER BY id"
                    ).map { try $0[0].decode(String.self) }
                    var seen: Set<String> = []
                    throw VariantStoreError.storeChanged(
                        events: actors.count, actors: actors.filter { seen.insert($0).inserted })
                }
            }
            var application = PostgresPlanApplication(transaction: transaction, actor: actor, now: now)
            var changed = 0
            for change in plan.changes where try application.apply(change) { changed += 1 }
            try application.finish()
            return changed
        }
    }

    /// Moves variant `id` to `state` as `actor` if `VariantTransitions` allows it, with its audit event.
    public func setState(_ id: String, to state: VariantState, actor: String, now: Date) throws {
        try pool.transaction { transaction in
            _ = try PostgresStateChange.move(transaction, id: id, to: state, actor: actor, now: now)
        }
    }

    // MARK: The audit trail

    /// The events of `variant`, or every variant's, oldest first.
    public func auditEvents(variant: String?) throws -> [AuditEvent] {
        try pool.transaction { transaction in
            let columns = PostgresAuditLog.columns
            let rows =
                if let variant {
                    try transaction.rows(
                        "SELECT \(unescaped: columns) FROM audit_event WHERE variant_id = \(variant) ORDER BY id")
                } else {
                    try transaction.rows("SELECT \(unescaped: columns) FROM audit_event ORDER BY id")
                }
            return try rows.map(PostgresAuditLog.event(from:))
        }
    }

    /// The events of `account` and the global ones (or every event without an account), oldest first.
    public func accountAuditEvents(account: String?) throws -> [AccountAuditEvent] {
        try pool.transaction { transaction in
            let columns = PostgresAuditLog.accountColumns
            let rows =
                if let account {
                    try transaction.rows(
                        """
                        SELECT \(unescaped: columns) FROM account_audit_event
                        WHERE account_id = \(account) OR account_id IS NULL ORDER BY id
                        """)
                } else {
                    try transaction.rows("SELECT \(unescaped: columns) FROM account_audit_event ORDER BY id")
                }
            return try rows.map(PostgresAuditLog.accountEvent(from:))
        }
    }

    /// The newest variant events first, at most `limit`, of variants whose account passes `visible`.
    public func recentAuditEvents(limit: Int, visible: (String) -> Bool) throws -> [AuditEvent] {
        var events: [AuditEvent] = []
        var before = Int64.max
        while events.count < limit {
            let page = try pool.transaction { transaction in
                try transaction.rows(
                    """
                    SELECT \(unescaped: PostgresAuditLog.columns.split(separator: ",").map { "e." + $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", ")), v.account_id
                    FROM audit_event AS e JOIN variant AS v ON v.id = e.variant_id
                    WHERE e.id < \(before) ORDER BY e.id DESC LIMIT 500
                    """
                ).map { (try PostgresAuditLog.event(from: $0), try $0[PostgresAuditLog.columnCount].decode(String.self)) }
            }
            guard let last = page.last else { break }
            before = last.0.id
            for (event, account) in page where events.count < limit && visible(account) { events.append(event) }
        }
        return events
    }

    /// The newest account events first, at most `limit`, of accounts that pass `visible`, and the global ones.
    public func recentAccountAuditEvents(limit: Int, visible: (String) -> Bool) throws -> [AccountAuditEvent] {
        var events: [AccountAuditEvent] = []
        var before = Int64.max
        while events.count < limit {
            let page = try pool.transaction { transaction in
                try transaction.rows(
                    """
                    SELECT \(unescaped: PostgresAuditLog.accountColumns) FROM account_audit_event
                    WHERE id < \(before) ORDER BY id DESC LIMIT 500
                    """
                ).map(PostgresAuditLog.accountEvent(from:))
            }
            guard let last = page.last else { break }
            before = last.id
            for event in page where events.count < limit && (event.accountID.map(visible) ?? true) { events.append(event) }
        }
        return events
    }

    static func generation(_ transaction: PostgresTransaction) throws -> StoreGeneration {
        StoreGeneration(lastEventID: try transaction.value("SELECT COALESCE(MAX(id), 0)::bigint FROM audit_event") ?? 0)
    }
}
