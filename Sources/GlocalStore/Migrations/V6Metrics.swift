/// The tables of engagement collection: one job per published variant and checkpoint (+1 h,
/// +24 h, +7 d by default), and the counters read at each, as a time series.
///
/// Shipped: never edited; a change to the schema is a new migration.
enum V6Metrics: StoreMigration {
    static let identifier = "v6-metrics"

    static let sql = """
        CREATE TABLE metrics_job (
            id INTEGER PRIMARY KEY,
            variant_id TEXT NOT NULL REFERENCES variant(id) ON DELETE RESTRICT,
            account_id TEXT NOT NULL CHECK (account_id <> ''),
            network TEXT NOT NULL CHECK (network <> ''),
            -- Seconds after publication: 3600, 86400, 604800 by default.
            checkpoint INTEGER NOT NULL CHECK (checkpoint > 0),
            due_at TEXT NOT NULL CHECK (due_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
            -- When it may be claimed next: the due time, a retry, a rate-limit reset or a claim's lease.
            run_at TEXT NOT NULL CHECK (run_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
            state TEXT NOT NULL CHECK (state IN ('scheduled', 'completed', 'discarded')),
            attempts INTEGER NOT NULL CHECK (attempts >= 0),
            last_error TEXT,
            finished_at TEXT,
            CHECK ((state IN ('completed', 'discarded')) = (finished_at IS NOT NULL)),
            UNIQUE (variant_id, checkpoint)
        ) STRICT;

        CREATE INDEX metrics_job_due ON metrics_job(run_at, id) WHERE state = 'scheduled';

        CREATE TABLE metric_sample (
            id INTEGER PRIMARY KEY,
            variant_id TEXT NOT NULL REFERENCES variant(id) ON DELETE RESTRICT,
            checkpoint INTEGER NOT NULL CHECK (checkpoint > 0),
            fetched_at TEXT NOT NULL CHECK (fetched_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
            -- The network's counters by its own names, e.g. {"favourites_count": 12, "reblogs_count": 3}.
            counters TEXT NOT NULL CHECK (json_valid(counters) AND json_type(counters) = 'object'),
            -- Interactions only (likes, replies, reposts, shares …), not views: what scoring uses.
            engagement INTEGER NOT NULL CHECK (engagement >= 0)
        ) STRICT;

        CREATE INDEX metric_sample_on_variant ON metric_sample(variant_id, checkpoint, id);
        """
}
