import Foundation
import GlocalCore
import GlocalStore
import PostgresNIO

/// How an attempt leaves a job its worker holds: ended (completed, discarded, cancelled) or put back in the
/// queue. A batch of them is one `UPDATE … FROM unnest(…)`, each row guarded by the job's state and holder.
struct PostgresJobWrite {
    var id: Int64
    var state: JobState
    /// The next run of a requeued job (`nil`: the job keeps its `run_at`).
    var runAt: Date?
    /// Whether the attempt the claim counted is given back.
    var refund: Bool
    var error: String?

    /// Ends job `id` in `state` (final).
    static func end(_ id: Int64, _ state: JobState, error: String?) -> PostgresJobWrite {
        PostgresJobWrite(id: id, state: state, runAt: nil, refund: false, error: error)
    }

    /// Puts job `id` back in the queue at `at`.
    static func requeue(_ id: Int64, at: Date, error: String, refund: Bool) -> PostgresJobWrite {
        PostgresJobWrite(id: id, state: .retryable, runAt: at, refund: refund, error: error)
    }

    /// Writes `writes` for jobs `worker` holds (a job it no longer holds is left alone); returns how many changed. One
    /// statement whose text is the same whatever the batch (each column one array, `unnest` back into rows).
    @discardableResult
    static func write(_ writes: [PostgresJobWrite], worker: String, now: Date, in transaction: PostgresTransaction) throws -> Int
    {
        guard !writes.isEmpty else { return 0 }
        let finishedAt = writes.map { $0.state == .retryable ? nil : now }
        return try transaction.execute(
            """
            UPDATE publish_job AS j SET state = x.state, locked_by = NULL, lease_expires_at = NULL,
                run_at = coalesce(x.run_at, j.run_at), attempt = j.attempt - x.refund, last_error = x.error,
                finished_at = x.finished_at, updated_at = \(now)
            FROM unnest(\(writes.map { Int64($0.id) })::int8[], \(writes.map(\.state.rawValue))::text[],
                \(PostgresNullableArray(elements: writes.map(\.runAt)))::timestamptz[],
                \(writes.map { $0.refund ? 1 : 0 })::int4[], \(PostgresNullableArray(elements: writes.map(\.error)))::text[],
                \(PostgresNullableArray(elements: finishedAt))::timestamptz[])
                AS x(id, state, run_at, refund, error, finished_at)
            WHERE j.id = x.id AND j.state = 'running' AND j.locked_by = \(worker)
            """)
    }
}
