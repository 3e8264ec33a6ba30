import Foundation
import GlocalCore
import GlocalStore

/// How an attempt leaves a job its worker holds: ended (completed, discarded, cancelled) or put back in the
/// queue. A batch of them is one `UPDATE … FROM (VALUES …)`, each row guarded by the job's state and holder.
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

    /// Writes `writes` for jobs `worker` holds (a job it no longer holds is left alone); returns how many changed.
    @discardableResult
    static func write(_ writes: [PostgresJobWrite], worker: String, now: Date, in transaction: PostgresTransaction) throws -> Int
    {
        guard !writes.isEmpty else { return 0 }
        var builder = PostgresQueryBuilder()
        builder.append(
            """
            UPDATE publish_job AS j SET state = x.state, locked_by = NULL, lease_expires_at = NULL,
                run_at = coalesce(x.run_at, j.run_at), attempt = j.attempt - x.refund, last_error = x.error,
                finished_at = x.finished_at, updated_at =
            """)
        builder.append(.date(now))
        builder.append(" FROM (")
        builder.appendValues(
            writes.map { write in
                let final = write.state != .retryable
                return [
                    .int(Int(write.id)), .text(write.state.rawValue), .date(write.runAt), .int(write.refund ? 1 : 0),
                    .text(write.error), .date(final ? now : nil),
                ]
            }, types: ["int8", "text", "timestamptz", "int4", "text", "timestamptz"])
        builder.append(
            """
            ) AS x(id, state, run_at, refund, error, finished_at)
            WHERE j.id = x.id AND j.state = 'running' AND j.locked_by = 
            """)
        builder.append(.text(worker))
        return try transaction.execute(builder.query)
    }
}
