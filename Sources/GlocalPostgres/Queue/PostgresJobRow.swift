import Foundation
import GlocalCore
import GlocalStore
import PostgresNIO

/// How a `PublishJob` maps from a row of the `publish_job` table.
enum PostgresJobRow {
    /// The columns `job(from:)` reads, in its order.
    static let columns = """
        id, variant_id, account_id, network, state, run_at, slot_at, attempt, max_attempts, locked_by, \
        lease_expires_at, last_error, rescues
        """

    /// Reads a job from a row of `columns`.
    static func job(from row: PostgresRandomAccessRow) throws -> PublishJob {
        try PostgresFailure.decoding {
            let variantID = try row[1].decode(String.self)
            func value<T: RawRepresentable>(_ index: Int, _ column: String) throws -> T where T.RawValue == String {
                let raw = try row[index].decode(String.self)
                guard let value = T(rawValue: raw) else {
                    throw VariantStoreError.unreadableRow(variantID: variantID, column: "publish_job.\(column)", value: raw)
                }
                return value
            }
            return PublishJob(
                id: try row[0].decode(Int64.self), variantID: variantID, accountID: try row[2].decode(String.self),
                network: try value(3, "network"), state: try value(4, "state"), runAt: try row[5].decode(Date.self),
                slotAt: try row[6].decode(Date.self), attempt: try row[7].decode(Int.self),
                maxAttempts: try row[8].decode(Int.self), lockedBy: try row[9].decode(String?.self),
                leaseExpiresAt: try row[10].decode(Date?.self), lastError: try row[11].decode(String?.self),
                rescues: try row[12].decode(Int.self))
        }
    }
}
