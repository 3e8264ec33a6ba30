/// The account audit log (pauses, resumes, the global pause, (re)connections), append-only.
///
/// Shipped: never edited; a change to the schema is a new migration.
enum V9AccountAudit: StoreMigration {
    static let identifier = "v9-account-audit"

    static let sql = """
        CREATE TABLE account_audit_event (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            actor TEXT NOT NULL CHECK (actor <> ''),
            -- NULL: every account (the global crisis pause).
            account_id TEXT CHECK (account_id IS NULL OR account_id <> ''),
            action TEXT NOT NULL CHECK (action IN ('pause', 'resume', 'pause_all', 'resume_all', 'connect', 'reconnect')),
            reason TEXT CHECK (reason IS NULL OR trim(reason) <> ''),
            cleared_hold TEXT,
            CHECK ((account_id IS NULL) = (action IN ('pause_all', 'resume_all'))),
            CHECK (action <> 'pause_all' OR reason IS NOT NULL)
        ) STRICT;
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
