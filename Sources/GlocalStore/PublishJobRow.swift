import Foundation
import GRDB
import GlocalCore

/// How a `PublishJob` maps from a row of the `publish_job` table.
enum PublishJobRow {
    /// Reads a job from a `SELECT *` (or `RETURNING *`) row.
    static func job(from row: Row) throws -> PublishJob {
        let id: Int64 = row["id"]
        func date(_ column: String) throws -> Date? {
            guard let raw: String = row[column] else { return nil }
            guard let date = StoreTimestamp.date(from: raw) else {
                throw VariantStoreError.unreadableRow(variantID: row["variant_id"], column: "publish_job.\(column)", value: raw)
            }
            return date
        }
        func value<T: RawRepresentable>(_ column: String) throws -> T where T.RawValue == String {
            let raw: String = row[column]
            guard let value = T(rawValue: raw) else {
                throw VariantStoreError.unreadableRow(variantID: row["variant_id"], column: "publish_job.\(column)", value: raw)
            }
            return value
        }
        return PublishJob(
            id: id, variantID: row["variant_id"], accountID: row["account_id"], network: try value("network"),
            state: try value("state"), runAt: try date("run_at")!, slotAt: try date("slot_at")!, attempt: row["attempt"],
            maxAttempts: row["max_attempts"], lockedBy: row["locked_by"], leaseExpiresAt: try date("lease_expires_at"),
            lastError: row["last_error"], rescues: row["rescues"])
    }
}
