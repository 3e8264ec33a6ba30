import Foundation
import GlocalStore

extension PostgresJobQueue {
    /// The workers holding a running job whose lease ran out at `now`.
    public func expiredLeaseHolders(now: Date) throws -> Set<String> {
        try pool.transaction { transaction in
            Set(
                try transaction.rows(
                    "SELECT DISTINCT locked_by FROM publish_job WHERE state = 'running' AND lease_expires_at < \(now)"
                ).map { row in try PostgresFailure.decoding { try row[0].decode(String.self) } })
        }
    }

    /// The liveness of the nodes sharing this schema: a session advisory lock per node.
    public var nodeLiveness: any NodeLiveness { PostgresNodeLiveness(pool: pool) }
}
