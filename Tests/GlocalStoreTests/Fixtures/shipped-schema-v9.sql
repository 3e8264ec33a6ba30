-- index account_audit_event_on_account_id on account_audit_event
CREATE INDEX account_audit_event_on_account_id ON account_audit_event(account_id, id);

-- index audit_event_on_variant_id on audit_event
CREATE INDEX audit_event_on_variant_id ON audit_event(variant_id, id);

-- index login_attempt_on_email_at on login_attempt
CREATE INDEX login_attempt_on_email_at ON login_attempt(email, at);

-- index metric_sample_on_variant on metric_sample
CREATE INDEX metric_sample_on_variant ON metric_sample(variant_id, checkpoint, id);

-- index metrics_job_due on metrics_job
CREATE INDEX metrics_job_due ON metrics_job(run_at, id) WHERE state = 'scheduled';

-- index publish_job_account_completed on publish_job
CREATE INDEX publish_job_account_completed ON publish_job(account_id, finished_at, state) WHERE state = 'completed';

-- index publish_job_account_in_flight on publish_job
CREATE INDEX publish_job_account_in_flight ON publish_job(account_id, state) WHERE state IN ('running', 'retryable');

-- index publish_job_due on publish_job
CREATE INDEX publish_job_due ON publish_job(run_at, id) WHERE state IN ('scheduled', 'available', 'retryable');

-- index publish_job_leases on publish_job
CREATE INDEX publish_job_leases ON publish_job(lease_expires_at) WHERE state = 'running';

-- index session_on_email on session
CREATE INDEX session_on_email ON session(email);

-- index sqlite_autoindex_account_secret_1 on account_secret
(no sql);

-- index sqlite_autoindex_account_status_1 on account_status
(no sql);

-- index sqlite_autoindex_grdb_migrations_1 on grdb_migrations
(no sql);

-- index sqlite_autoindex_metrics_job_1 on metrics_job
(no sql);

-- index sqlite_autoindex_publication_1 on publication
(no sql);

-- index sqlite_autoindex_publish_job_1 on publish_job
(no sql);

-- index sqlite_autoindex_session_1 on session
(no sql);

-- index sqlite_autoindex_user_1 on user
(no sql);

-- index sqlite_autoindex_variant_1 on variant
(no sql);

-- index variant_on_account_scheduled_at on variant
CREATE INDEX variant_on_account_scheduled_at ON variant(account_id, scheduled_at);

-- index variant_on_state_campaign on variant
CREATE INDEX variant_on_state_campaign ON variant(state, campaign_id, scheduled_at);

-- table account_audit_event on account_audit_event
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

-- table account_secret on account_secret
CREATE TABLE account_secret (
    account_id TEXT NOT NULL PRIMARY KEY CHECK (account_id <> ''),
    sealed BLOB NOT NULL CHECK (length(sealed) > 28),
    updated_at TEXT NOT NULL
) STRICT;

-- table account_status on account_status
CREATE TABLE account_status (
    account_id TEXT NOT NULL PRIMARY KEY CHECK (account_id <> ''),
    paused INTEGER NOT NULL CHECK (paused IN (0, 1)),
    needs_reconnect TEXT,
    rate_limited_until TEXT,
    updated_at TEXT NOT NULL
) STRICT;

-- table audit_event on audit_event
CREATE TABLE "audit_event" (
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

-- table dispatch_control on dispatch_control
CREATE TABLE dispatch_control (
    id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    paused INTEGER NOT NULL CHECK (paused IN (0, 1)),
    reason TEXT,
    updated_at TEXT NOT NULL
) STRICT;

-- table grdb_migrations on grdb_migrations
CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);

-- table login_attempt on login_attempt
CREATE TABLE login_attempt (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    email TEXT NOT NULL,
    at TEXT NOT NULL,
    succeeded INTEGER NOT NULL CHECK (succeeded IN (0, 1))
) STRICT;

-- table metric_sample on metric_sample
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

-- table metrics_job on metrics_job
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

-- table publication on publication
CREATE TABLE publication (
    variant_id TEXT NOT NULL PRIMARY KEY REFERENCES variant(id) ON DELETE RESTRICT,
    pending TEXT CHECK (pending IS NULL OR json_valid(pending)),
    remote_id TEXT,
    url TEXT,
    extra TEXT NOT NULL CHECK (json_valid(extra)),
    published_at TEXT,
    CHECK ((remote_id IS NULL) = (published_at IS NULL))
) STRICT;

-- table publish_job on publish_job
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
    finished_at TEXT, rescues INTEGER NOT NULL DEFAULT 0 CHECK (rescues >= 0),
    -- A running job always has a holder and a lease; no other job has either.
    CHECK ((state = 'running') = (locked_by IS NOT NULL AND lease_expires_at IS NOT NULL)),
    CHECK ((state IN ('completed', 'discarded', 'cancelled')) = (finished_at IS NOT NULL))
) STRICT;

-- table session on session
CREATE TABLE session (
    token_hash TEXT NOT NULL PRIMARY KEY CHECK (length(token_hash) = 64),
    email TEXT NOT NULL REFERENCES user(email) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL CHECK (length(csrf_token) >= 32),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL CHECK (expires_at > created_at)
) STRICT;

-- table sqlite_sequence on sqlite_sequence
CREATE TABLE sqlite_sequence(name,seq);

-- table user on user
CREATE TABLE user (
    email TEXT NOT NULL PRIMARY KEY CHECK (email <> '' AND email = lower(email) AND email LIKE '%_@_%'),
    role TEXT NOT NULL CHECK (role IN ('admin', 'manager', 'viewer')),
    password_hash TEXT NOT NULL CHECK (password_hash GLOB '$2[aby]$*'),
    created_at TEXT NOT NULL
) STRICT;

-- table variant on variant
CREATE TABLE variant (
    id TEXT NOT NULL PRIMARY KEY CHECK (id <> ''),
    campaign_id TEXT NOT NULL CHECK (campaign_id <> ''),
    post_id TEXT NOT NULL CHECK (post_id <> ''),
    account_id TEXT NOT NULL CHECK (account_id <> ''),
    network TEXT NOT NULL CHECK (network IN (
        'x', 'bluesky', 'mastodon', 'threads', 'linkedin', 'facebook', 'instagram', 'youtube', 'tiktok')),
    locale TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('promotional', 'informative')),
    text TEXT NOT NULL,
    title TEXT,
    link TEXT,
    link_placement TEXT NOT NULL CHECK (link_placement IN ('inline', 'first_comment', 'reply', 'none')),
    media TEXT NOT NULL CHECK (json_valid(media) AND json_type(media) = 'array'),
    content_hash TEXT NOT NULL CHECK (content_hash <> ''),
    scheduled_at TEXT CHECK (scheduled_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
    local_time TEXT,
    time_zone TEXT NOT NULL CHECK (time_zone <> ''),
    live INTEGER NOT NULL CHECK (live IN (0, 1)),
    state TEXT NOT NULL CHECK (state IN (
        'draft', 'pending_approval', 'approved', 'scheduled', 'publishing', 'published',
        'rejected', 'cancelled', 'failed', 'unknown', 'missed')),
    explanation TEXT NOT NULL CHECK (json_valid(explanation) AND json_type(explanation) = 'array'),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL, source_hash TEXT CHECK (source_hash IS NULL OR source_hash <> ''),
    -- Only a live post (sent once approved) or a withdrawn one may lack a slot.
    CHECK (scheduled_at IS NOT NULL OR live = 1 OR state = 'cancelled')
) STRICT;

-- trigger account_audit_event_no_delete on account_audit_event
CREATE TRIGGER account_audit_event_no_delete BEFORE DELETE ON account_audit_event
BEGIN
    SELECT RAISE(ABORT, 'account_audit_event is append-only');
END;

-- trigger account_audit_event_no_update on account_audit_event
CREATE TRIGGER account_audit_event_no_update BEFORE UPDATE ON account_audit_event
BEGIN
    SELECT RAISE(ABORT, 'account_audit_event is append-only');
END;

-- trigger audit_event_no_delete on audit_event
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'audit_event is append-only');
END;

-- trigger audit_event_no_update on audit_event
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'audit_event is append-only');
END;
