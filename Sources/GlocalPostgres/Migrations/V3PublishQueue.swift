/// The publish queue: jobs, what the networks answered, and the holds on accounts and on every account.
///
/// Shipped: never edited; a change to the schema is a new migration.
enum V3PublishQueue: PostgresMigration {
    static let identifier = "v3-publish-queue"

    static let statements = [
        """
        CREATE TABLE publish_job (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            -- One job per variant, ever: a variant sent back for approval gets its job back, not a second one.
            variant_id text NOT NULL UNIQUE REFERENCES variant(id) ON DELETE RESTRICT,
            account_id text NOT NULL CHECK (account_id <> ''),
            network text NOT NULL CHECK (network <> ''),
            state text NOT NULL CHECK (state IN (
                'scheduled', 'available', 'running', 'retryable', 'completed', 'discarded', 'cancelled')),
            run_at timestamptz NOT NULL,
            slot_at timestamptz NOT NULL,
            attempt integer NOT NULL CHECK (attempt >= 0),
            max_attempts integer NOT NULL CHECK (max_attempts >= 1),
            -- How many times a worker died (its lease ran out) holding it: stops a crash loop.
            rescues integer NOT NULL DEFAULT 0 CHECK (rescues >= 0),
            locked_by text,
            lease_expires_at timestamptz,
            last_error text,
            created_at timestamptz NOT NULL,
            updated_at timestamptz NOT NULL,
            finished_at timestamptz,
            -- A running job always has a holder and a lease; no other job has either.
            CHECK ((state = 'running') = (locked_by IS NOT NULL AND lease_expires_at IS NOT NULL)),
            CHECK ((state IN ('completed', 'discarded', 'cancelled')) = (finished_at IS NOT NULL))
        )
        """,
        "CREATE INDEX publish_job_due ON publish_job(run_at, id) WHERE state IN ('scheduled', 'available', 'retryable')",
        "CREATE INDEX publish_job_leases ON publish_job(lease_expires_at) WHERE state = 'running'",
        // Publishing caps count an account's publications of a window and its posts in flight.
        """
        CREATE INDEX publish_job_account_completed ON publish_job(account_id, finished_at) WHERE state = 'completed'
        """,
        """
        CREATE INDEX publish_job_account_in_flight ON publish_job(account_id, state) WHERE state IN ('running', 'retryable')
        """,
        // What the network said: the handle saved before an ambiguous call, then the post's id.
        """
        CREATE TABLE publication (
            variant_id text NOT NULL PRIMARY KEY REFERENCES variant(id) ON DELETE RESTRICT,
            pending text CHECK (pending IS NULL OR glocal_json_type(pending) = 'object'),
            remote_id text,
            url text,
            extra text NOT NULL CHECK (glocal_json_type(extra) = 'object'),
            published_at timestamptz,
            CHECK ((remote_id IS NULL) = (published_at IS NULL))
        )
        """,
        // Holds on one account: paused by a person, waiting for a new token, or rate limited.
        """
        CREATE TABLE account_status (
            account_id text NOT NULL PRIMARY KEY CHECK (account_id <> ''),
            paused boolean NOT NULL,
            needs_reconnect text,
            rate_limited_until timestamptz,
            updated_at timestamptz NOT NULL
        )
        """,
        // The global crisis pause: one row.
        """
        CREATE TABLE dispatch_control (
            id integer NOT NULL PRIMARY KEY CHECK (id = 1),
            paused boolean NOT NULL,
            reason text,
            updated_at timestamptz NOT NULL
        )
        """,
    ]
}
