/// The tables of the publish queue: jobs, what the networks answered, and the holds on accounts
/// and on the whole dispatcher.
///
/// Shipped: never edited; a change to the schema is a new migration.
enum V4PublishQueue: StoreMigration {
    static let identifier = "v4-publish-queue"

    static let sql = """
        CREATE TABLE publish_job (
            id INTEGER PRIMARY KEY,
            -- One job per variant, ever: a variant sent back for approval gets its job back, not a second one.
            variant_id TEXT NOT NULL UNIQUE REFERENCES variant(id) ON DELETE RESTRICT,
            account_id TEXT NOT NULL CHECK (account_id <> ''),
            network TEXT NOT NULL CHECK (network <> ''),
            state TEXT NOT NULL CHECK (state IN (
                'scheduled', 'available', 'running', 'retryable', 'completed', 'discarded', 'cancelled')),
            run_at TEXT NOT NULL CHECK (run_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
            slot_at TEXT NOT NULL CHECK (slot_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
            attempt INTEGER NOT NULL CHECK (attempt >= 0),
            max_attempts INTEGER NOT NULL CHECK (max_attempts >= 1),
            locked_by TEXT,
            lease_expires_at TEXT,
            last_error TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            finished_at TEXT,
            -- A running job always has a holder and a lease; no other job has either.
            CHECK ((state = 'running') = (locked_by IS NOT NULL AND lease_expires_at IS NOT NULL)),
            CHECK ((state IN ('completed', 'discarded', 'cancelled')) = (finished_at IS NOT NULL))
        ) STRICT;

        CREATE INDEX publish_job_due ON publish_job(run_at, id) WHERE state IN ('scheduled', 'available', 'retryable');
        CREATE INDEX publish_job_leases ON publish_job(lease_expires_at) WHERE state = 'running';

        -- What the network said: the handle saved before an ambiguous call (record key, container id),
        -- then the post's id once it is known to be out.
        CREATE TABLE publication (
            variant_id TEXT NOT NULL PRIMARY KEY REFERENCES variant(id) ON DELETE RESTRICT,
            pending TEXT CHECK (pending IS NULL OR json_valid(pending)),
            remote_id TEXT,
            url TEXT,
            extra TEXT NOT NULL CHECK (json_valid(extra)),
            published_at TEXT,
            CHECK ((remote_id IS NULL) = (published_at IS NULL))
        ) STRICT;

        -- Holds on one account: paused by a person, waiting for a new token, or rate limited.
        CREATE TABLE account_status (
            account_id TEXT NOT NULL PRIMARY KEY CHECK (account_id <> ''),
            paused INTEGER NOT NULL CHECK (paused IN (0, 1)),
            needs_reconnect TEXT,
            rate_limited_until TEXT,
            updated_at TEXT NOT NULL
        ) STRICT;

        -- The global crisis pause: one row.
        CREATE TABLE dispatch_control (
            id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
            paused INTEGER NOT NULL CHECK (paused IN (0, 1)),
            reason TEXT,
            updated_at TEXT NOT NULL
        ) STRICT;
        """
}
