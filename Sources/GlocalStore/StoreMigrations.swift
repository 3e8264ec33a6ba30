import GRDB

/// The store's schema, as named migrations applied in order.
///
/// A migration is never edited once shipped: add a new one. That is why the lists of networks and
/// states below are literals rather than generated from the Swift enums (a new case would change
/// what `v1-variants` creates on a fresh database but not on a migrated one); a test checks that
/// they still cover every case, and a new case needs a new migration that rebuilds the table.
enum StoreMigrations {
    /// Every migration of the store.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-variants") { db in
            try db.execute(sql: v1Variants)
        }
        // The id is `campaign/post/account` and already the primary key, so this unique index only
        // doubled the cost of every insert; a campaign's variants are the id range `campaign/…`.
        migrator.registerMigration("v2-drop-redundant-index") { db in
            try db.execute(sql: "DROP INDEX variant_on_campaign_post_account")
        }
        migrator.registerMigration("v3-users-sessions") { db in
            try db.execute(sql: v3UsersSessions)
        }
        migrator.registerMigration("v4-publish-queue") { db in
            try db.execute(sql: PublishQueueSchema.v4)
        }
        migrator.registerMigration("v5-account-secrets") { db in
            try db.execute(
                sql: """
                    -- Each account's credentials, sealed with AES-GCM; the key is never in the file.
                    CREATE TABLE account_secret (
                        account_id TEXT NOT NULL PRIMARY KEY CHECK (account_id <> ''),
                        sealed BLOB NOT NULL CHECK (length(sealed) > 28),
                        updated_at TEXT NOT NULL
                    ) STRICT;
                    """)
        }
        migrator.registerMigration("v6-metrics") { db in
            try db.execute(sql: MetricsSchema.v6)
        }
        migrator.registerMigration("v7-dispatch-rescues-and-caps") { db in
            try db.execute(sql: PublishQueueSchema.v7)
        }
        migrator.registerMigration("v8-publishing-caps-index") { db in
            try db.execute(sql: PublishQueueSchema.v8)
        }
        migrator.registerMigration("v9-account-audit") { db in
            try db.execute(sql: AccountAuditLog.v9)
        }
        migrator.registerMigration("v10-notifications") { db in try db.execute(sql: NotificationSchema.v10) }
        return migrator
    }

    private static let v1Variants = """
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
