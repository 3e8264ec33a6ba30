/// Admits Pinterest and Google Business Profile in `variant.network`: SQLite cannot change a CHECK, so the table
/// is rebuilt (create, copy, drop, rename) with the columns it has after V3, and its indexes are created again.
/// GRDB runs migrations with foreign keys deferred, so the tables that reference `variant(id)` keep their rows.
///
/// Shipped: never edited; a change to the schema is a new migration.
enum V12VariantNetworksPinterestGoogleBusiness: StoreMigration {
    static let identifier = "v12-variant-networks-pinterest-google-business"

    static let sql = """
        CREATE TABLE variant_v12 (
            id TEXT NOT NULL PRIMARY KEY CHECK (id <> ''),
            campaign_id TEXT NOT NULL CHECK (campaign_id <> ''),
            post_id TEXT NOT NULL CHECK (post_id <> ''),
            account_id TEXT NOT NULL CHECK (account_id <> ''),
            network TEXT NOT NULL CHECK (network IN (
                'x', 'bluesky', 'mastodon', 'threads', 'linkedin', 'facebook', 'instagram', 'youtube', 'tiktok',
                'pinterest', 'google_business')),
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
            source_hash TEXT CHECK (source_hash IS NULL OR source_hash <> ''),
            -- Only a live post (sent once approved) or a withdrawn one may lack a slot.
            CHECK (scheduled_at IS NOT NULL OR live = 1 OR state = 'cancelled')
        ) STRICT;
        INSERT INTO variant_v12 (
            id, campaign_id, post_id, account_id, network, locale, kind, text, title, link, link_placement, media,
            content_hash, scheduled_at, local_time, time_zone, live, state, explanation, created_at, updated_at, source_hash)
            SELECT id, campaign_id, post_id, account_id, network, locale, kind, text, title, link, link_placement, media,
                content_hash, scheduled_at, local_time, time_zone, live, state, explanation, created_at, updated_at,
                source_hash
            FROM variant;
        DROP TABLE variant;
        ALTER TABLE variant_v12 RENAME TO variant;
        CREATE INDEX variant_on_account_scheduled_at ON variant(account_id, scheduled_at);
        CREATE INDEX variant_on_state_campaign ON variant(state, campaign_id, scheduled_at);
        """
}
