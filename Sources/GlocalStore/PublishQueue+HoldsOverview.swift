import Foundation
import GRDB
import GlocalCore

extension PublishQueue {
    /// The holds on every account that has any status row, by account id, in one SELECT. An account
    /// missing from the result has no hold (never paused, never refused, never rate limited); an
    /// account whose row records no hold any more (resumed, reconnected) is present with none set.
    public func allHolds() throws -> [String: AccountHolds] {
        try writer.read { db in
            var holds: [String: AccountHolds] = [:]
            let rows = try Row.fetchCursor(
                db, sql: "SELECT account_id, paused, needs_reconnect, rate_limited_until FROM account_status")
            while let row = try rows.next() {
                let until: String? = row["rate_limited_until"]
                holds[row["account_id"]] = AccountHolds(
                    paused: row["paused"] as Int == 1, needsReconnect: row["needs_reconnect"],
                    rateLimitedUntil: until.flatMap(StoreTimestamp.date(from:)))
            }
            return holds
        }
    }

    /// How many jobs each account has waiting to go out (scheduled, available or waiting to retry;
    /// not the one being sent, nor finished ones), by account id, in one SELECT. Accounts with none
    /// are absent.
    public func waitingJobCounts() throws -> [String: Int] {
        try writer.read { db in
            var counts: [String: Int] = [:]
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT account_id, count(*) AS waiting FROM publish_job
                    WHERE state IN ('scheduled', 'available', 'retryable') GROUP BY account_id
                    """)
            while let row = try rows.next() { counts[row["account_id"]] = row["waiting"] }
            return counts
        }
    }
}
