/// Users, sessions and login attempts of the approval UI (`user` is a reserved word: `app_user`).
///
/// Shipped: never edited; a change to the schema is a new migration.
enum V2UsersSessions: PostgresMigration {
    static let identifier = "v2-users-sessions"

    static let statements = [
        """
        CREATE TABLE app_user (
            email text NOT NULL PRIMARY KEY CHECK (email <> '' AND email = lower(email) AND email LIKE '%_@_%'),
            role text NOT NULL CHECK (role IN ('admin', 'manager', 'viewer')),
            password_hash text NOT NULL CHECK (password_hash ~ '^\\$2[aby]\\$'),
            created_at timestamptz NOT NULL
        )
        """,
        // Only a SHA-256 of each session token is kept: a copy of the database opens no session.
        """
        CREATE TABLE session (
            token_hash text NOT NULL PRIMARY KEY CHECK (length(token_hash) = 64),
            email text NOT NULL REFERENCES app_user(email) ON DELETE CASCADE,
            csrf_token text NOT NULL CHECK (length(csrf_token) >= 32),
            created_at timestamptz NOT NULL,
            expires_at timestamptz NOT NULL CHECK (expires_at > created_at)
        )
        """,
        "CREATE INDEX session_on_email ON session(email)",
        """
        CREATE TABLE login_attempt (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            email text NOT NULL,
            at timestamptz NOT NULL,
            succeeded boolean NOT NULL
        )
        """,
        "CREATE INDEX login_attempt_on_email_at ON login_attempt(email, at)",
    ]
}
