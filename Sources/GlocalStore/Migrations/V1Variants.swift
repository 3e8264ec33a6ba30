/// The variants and their append-only audit log.
///
/// Shipped: never edited; a change to the schema is a new migration.
enum V1Variants: StoreMigration {
    static let identifier = "v1-variants"

    static let sql = """
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
            updated_at TEXT NOT NULL,
            -- Only a live post (sent once approved) or a withdrawn one may lack a slot.
            CHECK (scheduled_at IS NOT NULL OR live = 1 OR state = 'cancelled')
        ) STRICT;

        -- The id is `campaign/post/account`; the unique index also serves lookups by campaign.
        CREATE UNIQUE INDEX variant_on_campaign_post_account ON variant(campaign_id, post_id, account_id);
        CREATE INDEX variant_on_account_scheduled_at ON variant(account_id, scheduled_at);

        CREATE TABLE audit_event (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            actor TEXT NOT NULL CHECK (actor <> ''),
            variant_id TEXT NOT NULL REFERENCES variant(id) ON DELETE RESTRICT,
            action TEXT NOT NULL CHECK (action IN ('create', 'update', 'cancel', 'set_state')),
            from_state TEXT CHECK (from_state IN (
                'draft', 'pending_approval', 'approved', 'scheduled', 'publishing', 'published',
                'rejected', 'cancelled', 'failed', 'unknown', 'missed')),
            to_state TEXT CHECK (to_state IN (
                'draft', 'pending_approval', 'approved', 'scheduled', 'publishing', 'published',
                'rejected', 'cancelled', 'failed', 'unknown', 'missed')),
            before TEXT CHECK (before IS NULL OR json_valid(before)),
            after TEXT CHECK (after IS NULL OR json_valid(after))
        ) STRICT;

        CREATE INDEX audit_event_on_variant_id ON audit_event(variant_id, id);

        -- The audit log is evidence: rows are added, never changed or removed.
        CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
        BEGIN
            SELECT RAISE(ABORT, 'audit_event is append-only');
        END;
        CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
        BEGIN
            SELECT RAISE(ABORT, 'audit_event is append-only');
        END;
        """
}
