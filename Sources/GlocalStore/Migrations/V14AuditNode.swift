/// The dispatcher node that wrote an audit event (`glocal run --node-id`), as PostgreSQL records it: the
/// dispatcher's state changes and the refusals it meets carry it; a person's events and every older row stay NULL.
/// `ADD COLUMN` keeps the tables' rows, ids and append-only triggers.
///
/// Shipped: never edited; a change to the schema is a new migration.
enum V14AuditNode: StoreMigration {
    static let identifier = "v14-audit-node"

    static let sql = """
        ALTER TABLE audit_event ADD COLUMN node_id TEXT CHECK (node_id IS NULL OR node_id <> '');
        ALTER TABLE account_audit_event ADD COLUMN node_id TEXT CHECK (node_id IS NULL OR node_id <> '');
        """
}
