/// The variants and their append-only audit log, and the JSON check the other tables use.
///
/// Shipped: never edited; a change to the schema is a new migration.
enum V1Variants: PostgresMigration {
    static let identifier = "v1-variants"

    static let statements = [
        // JSON is kept as the text written (the audit's before/after compare equal to SQLite's); this
        // says what JSON type a text holds, 'invalid' when it is not JSON (never NULL: a CHECK passes on NULL).
        """
        CREATE FUNCTION glocal_json_type(value text) RETURNS text LANGUAGE plpgsql IMMUTABLE STRICT AS $$
        BEGIN
            RETURN json_typeof(value::json);
        EXCEPTION WHEN others THEN
            RETURN 'invalid';
        END $$
        """,
        """
        CREATE FUNCTION glocal_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
        END $$
        """,
        """
        CREATE TABLE variant (
            id text NOT NULL PRIMARY KEY CHECK (id <> ''),
            campaign_id text NOT NULL CHECK (campaign_id <> ''),
            post_id text NOT NULL CHECK (post_id <> ''),
            account_id text NOT NULL CHECK (account_id <> ''),
            network text NOT NULL CHECK (network IN (
                'x', 'bluesky', 'mastodon', 'threads', 'linkedin', 'facebook', 'instagram', 'youtube', 'tiktok')),
            locale text NOT NULL,
            kind text NOT NULL CHECK (kind IN ('promotional', 'informative')),
            text text NOT NULL,
            title text,
            link text,
            link_placement text NOT NULL CHECK (link_placement IN ('inline', 'first_comment', 'reply', 'none')),
            media text NOT NULL CHECK (glocal_json_type(media) = 'array'),
            content_hash text NOT NULL CHECK (content_hash <> ''),
            scheduled_at timestamptz,
            local_time text,
            time_zone text NOT NULL CHECK (time_zone <> ''),
            live boolean NOT NULL,
            state text NOT NULL CHECK (state IN (
                'draft', 'pending_approval', 'approved', 'scheduled', 'publishing', 'published',
                'rejected', 'cancelled', 'failed', 'unknown', 'missed')),
            explanation text NOT NULL CHECK (glocal_json_type(explanation) = 'array'),
            source_hash text CHECK (source_hash IS NULL OR source_hash <> ''),
            created_at timestamptz NOT NULL,
            updated_at timestamptz NOT NULL,
            -- Only a live post (sent once approved) or a withdrawn one may lack a slot.
            CHECK (scheduled_at IS NOT NULL OR live OR state = 'cancelled')
        )
        """,
        "CREATE INDEX variant_on_account_scheduled_at ON variant(account_id, scheduled_at)",
        "CREATE INDEX variant_on_state_campaign ON variant(state, campaign_id, scheduled_at)",
        """
        CREATE TABLE audit_event (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            at timestamptz NOT NULL,
            actor text NOT NULL CHECK (actor <> ''),
            variant_id text NOT NULL REFERENCES variant(id) ON DELETE RESTRICT,
            action text NOT NULL CHECK (action IN ('create', 'update', 'cancel', 'set_state', 'edit', 'approve', 'reject')),
            from_state text CHECK (from_state IN (
                'draft', 'pending_approval', 'approved', 'scheduled', 'publishing', 'published',
                'rejected', 'cancelled', 'failed', 'unknown', 'missed')),
            to_state text CHECK (to_state IN (
                'draft', 'pending_approval', 'approved', 'scheduled', 'publishing', 'published',
                'rejected', 'cancelled', 'failed', 'unknown', 'missed')),
            before text CHECK (before IS NULL OR glocal_json_type(before) = 'object'),
            after text CHECK (after IS NULL OR glocal_json_type(after) = 'object'),
            reason text CHECK (reason IS NULL OR trim(reason) <> ''),
            -- The node whose dispatcher wrote it (NULL for people and commands).
            node_id text CHECK (node_id IS NULL OR node_id <> ''),
            CHECK (action <> 'reject' OR reason IS NOT NULL)
        )
        """,
        "CREATE INDEX audit_event_on_variant_id ON audit_event(variant_id, id)",
        // The audit log is evidence: rows are added, never changed or removed (TRUNCATE included).
        """
        CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
        FOR EACH ROW EXECUTE FUNCTION glocal_append_only()
        """,
        """
        CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
        FOR EACH STATEMENT EXECUTE FUNCTION glocal_append_only()
        """,
    ]
}
