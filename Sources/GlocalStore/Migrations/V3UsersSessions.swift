/// Users, sessions and login attempts for the approval UI; the audit log learns `edit`,
/// `approve` and `reject` with a reason; variants remember the planned content's hash once a
/// manager edits them (`source_hash`), so `apply` keeps a local edit until the YAML changes.
///
/// `audit_event`'s action CHECK cannot be altered in place, and its triggers forbid UPDATE and
/// DELETE, so the table is rebuilt: create the new one, copy every row with its id, drop the
/// old (its triggers go with it), rename, and recreate the index and triggers.
///
/// Shipped: never edited; a change to the schema is a new migration.
enum V3UsersSessions: StoreMigration {
    static let identifier = "v3-users-sessions"

    static let sql = """
        CREATE TABLE user (
            email TEXT NOT NULL PRIMARY KEY CHECK (email <> '' AND email = lower(email) AND email LIKE '%_@_%'),
            role TEXT NOT NULL CHECK (role IN ('admin', 'manager', 'viewer')),
            password_hash TEXT NOT NULL CHECK (password_hash GLOB '$2[aby]$*'),
            created_at TEXT NOT NULL
        ) STRICT;

        -- Only a SHA-256 of each session token is kept: a copy of the file opens no session.
        CREATE TABLE session (
            token_hash TEXT NOT NULL PRIMARY KEY CHECK (length(token_hash) = 64),
            email TEXT NOT NULL REFERENCES user(email) ON DELETE CASCADE,
            csrf_token TEXT NOT NULL CHECK (length(csrf_token) >= 32),
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL CHECK (expires_at > created_at)
        ) STRICT;
        CREATE INDEX session_on_email ON session(email);

        CREATE TABLE login_attempt (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            email TEXT NOT NULL,
            at TEXT NOT NULL,
            succeeded INTEGER NOT NULL CHECK (succeeded IN (0, 1))
        ) STRICT;
        CREATE INDEX login_attempt_on_email_at ON login_attempt(email, at);

        CREATE TABLE audit_event_v3 (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            actor TEXT NOT NULL CHECK (actor <> ''),
            variant_id TEXT NOT NULL REFERENCES variant(id) ON DELETE RESTRICT,
            action TEXT NOT NULL CHECK (action IN ('create', 'update', 'cancel', 'set_state', 'edit', 'approve', 'reject')),
            from_state TEXT CHECK (from_state IN (
                'draft', 'pending_approval', 'approved', 'scheduled', 'publishing', 'published',
                'rejected', 'cancelled', 'failed', 'unknown', 'missed')),
            to_state TEXT CHECK (to_state IN (
                'draft', 'pending_approval', 'approved', 'scheduled', 'publishing', 'published',
                'rejected', 'cancelled', 'failed', 'unknown', 'missed')),
            before TEXT CHECK (before IS NULL OR json_valid(before)),
            after TEXT CHECK (after IS NULL OR json_valid(after)),
            reason TEXT CHECK (reason IS NULL OR trim(reason) <> ''),
            CHECK (action <> 'reject' OR reason IS NOT NULL)
        ) STRICT;
        INSERT INTO audit_event_v3 (id, at, actor, variant_id, action, from_state, to_state, before, after)
            SELECT id, at, actor, variant_id, action, from_state, to_state, before, after FROM audit_event ORDER BY id;
        DROP TABLE audit_event;
        ALTER TABLE audit_event_v3 RENAME TO audit_event;
        CREATE INDEX audit_event_on_variant_id ON audit_event(variant_id, id);
        CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
        BEGIN
            SELECT RAISE(ABORT, 'audit_event is append-only');
        END;
        CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
        BEGIN
            SELECT RAISE(ABORT, 'audit_event is append-only');
        END;

        ALTER TABLE variant ADD COLUMN source_hash TEXT CHECK (source_hash IS NULL OR source_hash <> '');
        -- The queue: pending variants by campaign and slot.
        CREATE INDEX variant_on_state_campaign ON variant(state, campaign_id, scheduled_at);
        """
}
