/// Rescue counts on publish jobs (the crash-loop stop) and an index for daily caps.
///
/// Shipped: never edited; a change to the schema is a new migration.
enum V7DispatchRescuesAndCaps: StoreMigration {
    static let identifier = "v7-dispatch-rescues-and-caps"

    static let sql = """
        -- How many times a worker died (its lease ran out) while holding the job. A death says nothing
        -- about the post, so it does not spend an attempt; this count stops a crash loop instead.
        ALTER TABLE publish_job ADD COLUMN rescues INTEGER NOT NULL DEFAULT 0 CHECK (rescues >= 0);

        -- Daily caps count an account's publications of the last 24 hours, and the posts it has in flight.
        CREATE INDEX publish_job_account_finished ON publish_job(account_id, finished_at);
        """
}
