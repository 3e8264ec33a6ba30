/// What `glocal store migrate` copies from a SQLite store to PostgreSQL: every table of the SQLite
/// schema, parents before the tables that reference them, with every column.
///
/// A table or column added to the SQLite schema must be added here (tests compare this list with the
/// SQLite schema and with the PostgreSQL one, so nothing is skipped silently). The audit's `node_id` (the
/// dispatcher node that wrote an event, SQLite migration V14) is copied as it is: NULL for older rows.
public enum StoreCopyPlan {
    /// SQLite's own tables and GRDB's record of migrations: not data of the store (PostgreSQL keeps its
    /// own `glocal_migration`, written when the target is migrated).
    public static let sqliteInternalTables: Set<String> = ["sqlite_sequence", "grdb_migrations", "sqlite_stat1", "sqlite_stat4"]

    /// SQLite tables of running processes' state, not of the store's data: `account_refresh_lock` holds
    /// leases of processes refreshing a token (PostgreSQL uses advisory locks instead). A move refuses a
    /// store a server holds, and a lease left by a process that died means nothing to another database.
    public static let sqliteTransientTables: Set<String> = ["account_refresh_lock"]

    /// PostgreSQL tables that have no SQLite counterpart: they must be empty too before a move.
    public static let postgresOnlyTables = ["dispatcher_node"]

    /// Every table, in copy order.
    public static let tables: [StoreCopyTable] = [
        variant, auditEvent, user, session, loginAttempt, publishJob, publication, accountStatus, dispatchControl,
        accountSecret, metricsJob, metricSample, accountAuditEvent, notificationPreference, notificationOutbox,
        notificationDigest, notificationCursor, notificationReconnect, connectAttempt,
    ]

    /// The tables of `sqliteTables` (every table a SQLite store has) that the plan does not copy and
    /// that are not SQLite's or GRDB's own, sorted.
    public static func unhandledTables(in sqliteTables: [String]) -> [String] {
        let copied = Set(tables.map(\.sqliteName))
        return sqliteTables.filter {
            !copied.contains($0) && !sqliteInternalTables.contains($0) && !sqliteTransientTables.contains($0)
        }.sorted()
    }

    /// The tables of the plan missing from `sqliteTables` (a store older than this glocal, or not a store), sorted.
    public static func missingTables(in sqliteTables: [String]) -> [String] {
        let present = Set(sqliteTables)
        return tables.map(\.sqliteName).filter { !present.contains($0) }.sorted()
    }

    static let variant = StoreCopyTable(
        "variant",
        columns: [
            .init("id", .text), .init("campaign_id", .text), .init("post_id", .text), .init("account_id", .text),
            .init("network", .text), .init("locale", .text), .init("kind", .text), .init("text", .text),
            .init("title", .text), .init("link", .text), .init("link_placement", .text), .init("media", .json),
            .init("content_hash", .text), .init("scheduled_at", .instant), .init("local_time", .text),
            .init("time_zone", .text), .init("live", .boolean), .init("state", .text), .init("explanation", .json),
            .init("created_at", .instant), .init("updated_at", .instant), .init("source_hash", .text),
        ],
        primaryKey: ["id"])

    static let auditEvent = StoreCopyTable(
        "audit_event",
        columns: [
            .init("id", .integer), .init("at", .instant), .init("actor", .text), .init("variant_id", .text),
            .init("action", .text), .init("from_state", .text), .init("to_state", .text), .init("before", .json),
            .init("after", .json), .init("reason", .text), .init("node_id", .text),
        ],
        primaryKey: ["id"], references: ["variant"], generatedID: true)

    static let user = StoreCopyTable(
        "user", postgresName: "app_user",
        columns: [.init("email", .text), .init("role", .text), .init("password_hash", .text), .init("created_at", .instant)],
        primaryKey: ["email"])

    static let session = StoreCopyTable(
        "session",
        columns: [
            .init("token_hash", .text), .init("email", .text), .init("csrf_token", .text), .init("created_at", .instant),
            .init("expires_at", .instant),
        ],
        primaryKey: ["token_hash"], references: ["user"])

    static let loginAttempt = StoreCopyTable(
        "login_attempt",
        columns: [.init("id", .integer), .init("email", .text), .init("at", .instant), .init("succeeded", .boolean)],
        primaryKey: ["id"], generatedID: true)

    static let publishJob = StoreCopyTable(
        "publish_job",
        columns: [
            .init("id", .integer), .init("variant_id", .text), .init("account_id", .text), .init("network", .text),
            .init("state", .text), .init("run_at", .instant), .init("slot_at", .instant), .init("attempt", .integer),
            .init("max_attempts", .integer), .init("locked_by", .text), .init("lease_expires_at", .instant),
            .init("last_error", .text), .init("created_at", .instant), .init("updated_at", .instant),
            .init("finished_at", .instant), .init("rescues", .integer),
        ],
        primaryKey: ["id"], references: ["variant"], generatedID: true)

    static let publication = StoreCopyTable(
        "publication",
        columns: [
            .init("variant_id", .text), .init("pending", .json), .init("remote_id", .text), .init("url", .text),
            .init("extra", .json), .init("published_at", .instant),
        ],
        primaryKey: ["variant_id"], references: ["variant"])

    static let accountStatus = StoreCopyTable(
        "account_status",
        columns: [
            .init("account_id", .text), .init("paused", .boolean), .init("needs_reconnect", .text),
            .init("rate_limited_until", .instant), .init("updated_at", .instant),
        ],
        primaryKey: ["account_id"])

    static let dispatchControl = StoreCopyTable(
        "dispatch_control",
        columns: [.init("id", .integer), .init("paused", .boolean), .init("reason", .text), .init("updated_at", .instant)],
        primaryKey: ["id"])

    static let accountSecret = StoreCopyTable(
        "account_secret",
        columns: [.init("account_id", .text), .init("sealed", .bytes), .init("updated_at", .instant)],
        primaryKey: ["account_id"])

    /// Sign-ins under way (sealed with the store's key, which every node of the PostgreSQL store shares).
    static let connectAttempt = StoreCopyTable(
        "connect_attempt",
        columns: [
            .init("state_digest", .text), .init("session_key", .text), .init("account_id", .text), .init("network", .text),
            .init("issued_at", .instant), .init("sealed", .bytes),
        ],
        primaryKey: ["state_digest"])

    static let metricsJob = StoreCopyTable(
        "metrics_job",
        columns: [
            .init("id", .integer), .init("variant_id", .text), .init("account_id", .text), .init("network", .text),
            .init("checkpoint", .integer), .init("due_at", .instant), .init("run_at", .instant), .init("state", .text),
            .init("attempts", .integer), .init("last_error", .text), .init("finished_at", .instant),
        ],
        primaryKey: ["id"], references: ["variant"], generatedID: true)

    static let metricSample = StoreCopyTable(
        "metric_sample",
        columns: [
            .init("id", .integer), .init("variant_id", .text), .init("checkpoint", .integer),
            .init("fetched_at", .instant), .init("counters", .json), .init("engagement", .integer),
        ],
        primaryKey: ["id"], references: ["variant"], generatedID: true)

    static let accountAuditEvent = StoreCopyTable(
        "account_audit_event",
        columns: [
            .init("id", .integer), .init("at", .instant), .init("actor", .text), .init("account_id", .text),
            .init("action", .text), .init("reason", .text), .init("cleared_hold", .text), .init("node_id", .text),
        ],
        primaryKey: ["id"], generatedID: true)

    static let notificationPreference = StoreCopyTable(
        "notification_preference",
        columns: [
            .init("email", .text), .init("digest", .boolean), .init("alerts", .boolean), .init("updated_at", .instant),
        ],
        primaryKey: ["email"])

    static let notificationOutbox = StoreCopyTable(
        "notification_outbox",
        columns: [
            .init("id", .integer), .init("dedupe_key", .text), .init("channel", .text), .init("recipient", .text),
            .init("subject", .text), .init("text_body", .text), .init("html_body", .text), .init("state", .text),
            .init("attempts", .integer), .init("next_attempt_at", .instant), .init("last_error", .text),
            .init("created_at", .instant), .init("sent_at", .instant),
        ],
        primaryKey: ["id"], generatedID: true)

    static let notificationDigest = StoreCopyTable(
        "notification_digest",
        columns: [.init("email", .text), .init("day", .text), .init("items", .integer), .init("created_at", .instant)],
        primaryKey: ["email", "day"])

    static let notificationCursor = StoreCopyTable(
        "notification_cursor", columns: [.init("name", .text), .init("position", .integer)], primaryKey: ["name"])

    static let notificationReconnect = StoreCopyTable(
        "notification_reconnect", columns: [.init("account_id", .text), .init("since", .instant)],
        primaryKey: ["account_id"])
}
