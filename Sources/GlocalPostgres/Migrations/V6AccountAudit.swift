/// The account audit log (pauses, resumes, the global pause, (re)connections, refusals), append-only.
///
/// Shipped: never edited; a change to the schema is a new migration.
enum V6AccountAudit: PostgresMigration {
    static let identifier = "v6-account-audit"

    static let statements = [
        """
        CREATE TABLE account_audit_event (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            at timestamptz NOT NULL,
            actor text NOT NULL CHECK (actor <> ''),
            -- NULL: every account (the global crisis pause).
            account_id text CHECK (account_id IS NULL OR account_id <> ''),
            action text NOT NULL CHECK (action IN (
                'pause', 'resume', 'pause_all', 'resume_all', 'connect', 'reconnect', 'needs_reconnect')),
            reason text CHECK (reason IS NULL OR trim(reason) <> ''),
            cleared_hold text,
            node_id text CHECK (node_id IS NULL OR node_id <> ''),
            CHECK ((account_id IS NULL) = (action IN ('pause_all', 'resume_all'))),
            CHECK (action <> 'pause_all' OR reason IS NOT NULL),
            CHECK (action <> 'needs_reconnect' OR reason IS NOT NULL)
        )
        """,
        "CREATE INDEX account_audit_event_on_account_id ON account_audit_event(account_id, id)",
        """
        CREATE TRIGGER account_audit_event_append_only BEFORE UPDATE OR DELETE ON account_audit_event
        FOR EACH ROW EXECUTE FUNCTION glocal_append_only()
        """,
        """
        CREATE TRIGGER account_audit_event_no_truncate BEFORE TRUNCATE ON account_audit_event
        FOR EACH STATEMENT EXECUTE FUNCTION glocal_append_only()
        """,
    ]
}
