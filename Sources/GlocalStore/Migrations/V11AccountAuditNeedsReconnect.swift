/// Lets the account audit log record the network's refusal of a token (`needs_reconnect`): SQLite cannot
/// change a CHECK, so the table is rebuilt (create, copy, drop, rename) and its index and append-only
/// triggers are created again.
///
/// Shipped: never edited; a change to the schema is a new migration.
enum V11AccountAuditNeedsReconnect: StoreMigration {
    static let identifier = "v11-account-audit-needs-reconnect"

    static let sql = """
        CREATE TABLE account_audit_event_v11 (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            actor TEXT NOT NULL CHECK (actor <> ''),
            -- NULL: every account (the global crisis pause).
            account_id TEXT CHECK (account_id IS NULL OR account_id <> ''),
            action TEXT NOT NULL CHECK (action IN (
                'pause', 'resume', 'pause_all', 'resume_all', 'connect', 'reconnect', 'needs_reconnect')),
            reason TEXT CHECK (reason IS NULL OR trim(reason) <> ''),
            cleared_hold TEXT,
            CHECK ((account_id IS NULL) = (action IN ('pause_all', 'resume_all'))),
            CHECK (action <> 'pause_all' OR reason IS NOT NULL),
            -- The network's refusal is the reason the account is held: it is always said.
            CHECK (action <> 'needs_reconnect' OR reason IS NOT NULL)
        ) STRICT;
        INSERT INTO account_audit_event_v11 (id, at, actor, account_id, action, reason, cleared_hold)
            SELECT id, at, actor, account_id, action, reason, cleared_hold FROM account_audit_event ORDER BY id;
        DROP TABLE account_audit_event;
        ALTER TABLE account_audit_event_v11 RENAME TO account_audit_event;
        CREATE INDEX account_audit_event_on_account_id ON account_audit_event(account_id, id);

        -- Evidence, like audit_event: rows are added, never changed or removed.
        CREATE TRIGGER account_audit_event_no_update BEFORE UPDATE ON account_audit_event
        BEGIN
            SELECT RAISE(ABORT, 'account_audit_event is append-only');
        END;
        CREATE TRIGGER account_audit_event_no_delete BEFORE DELETE ON account_audit_event
        BEGIN
            SELECT RAISE(ABORT, 'account_audit_event is append-only');
        END;
        """
}
