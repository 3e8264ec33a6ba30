/// The tables of e-mail digests, alerts and team webhooks.
///
/// Shipped: never edited; a change to the schema is a new migration.
enum V10Notifications: StoreMigration {
    static let identifier = "v10-notifications"

    static let sql = """
        -- What each person turned off; no row means both on.
        CREATE TABLE notification_preference (
            email TEXT NOT NULL PRIMARY KEY CHECK (email <> '' AND email = lower(email)),
            digest INTEGER NOT NULL CHECK (digest IN (0, 1)),
            alerts INTEGER NOT NULL CHECK (alerts IN (0, 1)),
            updated_at TEXT NOT NULL
        ) STRICT;

        -- Every message to send, kept after it went out: the unique key makes enqueueing idempotent
        -- (a restart or a second scan adds nothing), a failed send is retried and its error kept.
        -- A webhook's recipient is the team id: its URL is a secret and never stored here.
        CREATE TABLE notification_outbox (
            id INTEGER PRIMARY KEY,
            dedupe_key TEXT NOT NULL UNIQUE CHECK (dedupe_key <> ''),
            channel TEXT NOT NULL CHECK (channel IN ('mail', 'webhook')),
            recipient TEXT NOT NULL CHECK (recipient <> ''),
            subject TEXT NOT NULL,
            text_body TEXT NOT NULL,
            html_body TEXT,
            state TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'failed')),
            attempts INTEGER NOT NULL CHECK (attempts >= 0),
            next_attempt_at TEXT NOT NULL,
            last_error TEXT,
            created_at TEXT NOT NULL,
            sent_at TEXT,
            CHECK ((state = 'sent') = (sent_at IS NOT NULL))
        ) STRICT;
        CREATE INDEX notification_outbox_due ON notification_outbox(next_attempt_at, id) WHERE state = 'pending';

        -- The digest decided for each person and local day (sent, or nothing to tell).
        CREATE TABLE notification_digest (
            email TEXT NOT NULL,
            day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
            items INTEGER NOT NULL CHECK (items >= 0),
            created_at TEXT NOT NULL,
            PRIMARY KEY (email, day)
        ) STRICT;

        -- How far the alert scan has read the audit log (failed posts).
        CREATE TABLE notification_cursor (
            name TEXT NOT NULL PRIMARY KEY,
            position INTEGER NOT NULL
        ) STRICT;

        -- Accounts whose need to reconnect was alerted and still holds: alerted once until reconnected.
        CREATE TABLE notification_reconnect (
            account_id TEXT NOT NULL PRIMARY KEY CHECK (account_id <> ''),
            since TEXT NOT NULL
        ) STRICT;
        """
}
