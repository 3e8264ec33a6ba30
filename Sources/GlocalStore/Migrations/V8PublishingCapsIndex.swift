/// Partial indexes for publishing caps, superseding v7's.
///
/// Shipped: never edited; a change to the schema is a new migration.
enum V8PublishingCapsIndex: StoreMigration {
    static let identifier = "v8-publishing-caps-index"

    static let sql = """
        -- Publishing caps (every network with a documented limit, so before every first send) count an
        -- account's publications of a window and its posts in flight. Two partial indexes: the
        -- completed jobs by account and finish (the count since an instant reads only the index; a
        -- claim does not touch it), and the few jobs in flight by account. They supersede v7's
        -- (account_id, finished_at).
        CREATE INDEX publish_job_account_completed ON publish_job(account_id, finished_at, state) WHERE state = 'completed';
        CREATE INDEX publish_job_account_in_flight ON publish_job(account_id, state) WHERE state IN ('running', 'retryable');
        DROP INDEX publish_job_account_finished;
        """
}
