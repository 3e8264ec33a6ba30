/// Engagement collection: one job per published variant and checkpoint, and the counters read at each.
///
/// Shipped: never edited; a change to the schema is a new migration.
enum V5Metrics: PostgresMigration {
    static let identifier = "v5-metrics"

    static let statements = [
        """
        CREATE TABLE metrics_job (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            variant_id text NOT NULL REFERENCES variant(id) ON DELETE RESTRICT,
            account_id text NOT NULL CHECK (account_id <> ''),
            network text NOT NULL CHECK (network <> ''),
            -- Seconds after publication: 3600, 86400, 604800 by default.
            checkpoint integer NOT NULL CHECK (checkpoint > 0),
            due_at timestamptz NOT NULL,
            -- When it may be claimed next: the due time, a retry, a rate-limit reset or a claim's lease.
            run_at timestamptz NOT NULL,
            state text NOT NULL CHECK (state IN ('scheduled', 'completed', 'discarded')),
            attempts integer NOT NULL CHECK (attempts >= 0),
            last_error text,
            finished_at timestamptz,
            CHECK ((state IN ('completed', 'discarded')) = (finished_at IS NOT NULL)),
            UNIQUE (variant_id, checkpoint)
        )
        """,
        "CREATE INDEX metrics_job_due ON metrics_job(run_at, id) WHERE state = 'scheduled'",
        """
        CREATE TABLE metric_sample (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            variant_id text NOT NULL REFERENCES variant(id) ON DELETE RESTRICT,
            checkpoint integer NOT NULL CHECK (checkpoint > 0),
            fetched_at timestamptz NOT NULL,
            -- The network's counters by its own names, e.g. {"favourites_count": 12}.
            counters text NOT NULL CHECK (glocal_json_type(counters) = 'object'),
            -- Interactions only (likes, replies, reposts, shares…), not views: what scoring uses.
            engagement integer NOT NULL CHECK (engagement >= 0)
        )
        """,
        "CREATE INDEX metric_sample_on_variant ON metric_sample(variant_id, checkpoint, id)",
    ]
}
