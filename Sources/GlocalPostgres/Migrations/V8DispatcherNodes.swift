/// The dispatcher nodes sharing the queue: each node's id and when it was last seen (shown by
/// `/healthz` and `/metrics`; a node whose leases ran out is rescued by the others).
///
/// Shipped: never edited; a change to the schema is a new migration.
enum V8DispatcherNodes: PostgresMigration {
    static let identifier = "v8-dispatcher-nodes"

    static let statements = [
        """
        CREATE TABLE dispatcher_node (
            node_id text NOT NULL PRIMARY KEY CHECK (node_id <> ''),
            started_at timestamptz NOT NULL,
            seen_at timestamptz NOT NULL CHECK (seen_at >= started_at)
        )
        """
    ]
}
