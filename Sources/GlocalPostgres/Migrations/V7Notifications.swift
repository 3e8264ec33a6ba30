/// The tables of e-mail digests, alerts and team webhooks (as SQLite's v10).
///
/// Shipped: never edited; a change to the schema is a new migration.
enum V7Notifications: PostgresMigration {
    static let identifier = "v7-notifications"

    static let statements = [
        """
        CREATE TABLE notification_preference (
            email text NOT NULL PRIMARY KEY CHECK (email <> '' AND email = lower(email)),
            digest boolean NOT NULL,
            alerts boolean NOT NULL,
            updated_at timestamptz NOT NULL
        )
        """,
        // A webhook's recipient is the team id: its URL is a secret and never stored here.
        """
        CREATE TABLE notification_outbox (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            dedupe_key text NOT NULL UNIQUE CHECK (dedupe_key <> ''),
            channel text NOT NULL CHECK (channel IN ('mail', 'webhook')),
            recipient text NOT NULL CHECK (recipient <> ''),
            subject text NOT NULL,
            text_body text NOT NULL,
            html_body text,
            state text NOT NULL CHECK (state IN ('pending', 'sent', 'failed')),
            attempts integer NOT NULL CHECK (attempts >= 0),
            next_attempt_at timestamptz NOT NULL,
            last_error text,
            created_at timestamptz NOT NULL,
            sent_at timestamptz,
            CHECK ((state = 'sent') = (sent_at IS NOT NULL))
        )
        """,
        "CREATE INDEX notification_outbox_due ON notification_outbox(next_attempt_at, id) WHERE state = 'pending'",
        """
        CREATE TABLE notification_digest (
            email text NOT NULL,
            day text NOT NULL CHECK (day ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
            items integer NOT NULL CHECK (items >= 0),
            created_at timestamptz NOT NULL,
            PRIMARY KEY (email, day)
        )
        """,
        "CREATE TABLE notification_cursor (name text NOT NULL PRIMARY KEY, position bigint NOT NULL)",
        """
        CREATE TABLE notification_reconnect (
            account_id text NOT NULL PRIMARY KEY CHECK (account_id <> ''),
            since timestamptz NOT NULL
        )
        """,
    ]
}
