import Foundation
import GRDB
import GlocalCore

/// What a calendar grid reads: the variants with a slot in a span of time.
extension SQLiteVariantStore {
    /// The variants whose slot lies in `[from, to)` and whose account passes `visible`, by slot and id.
    public func calendarEntries(from: Date, to: Date, visible: (String) -> Bool = { _ in true }) throws -> [CalendarEntry] {
        try writer.read { db in
            var entries: [CalendarEntry] = []
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT id, campaign_id, post_id, account_id, network, state, content_hash, scheduled_at, local_time,
                        time_zone
                    FROM variant WHERE scheduled_at >= ? AND scheduled_at < ? ORDER BY scheduled_at, id
                    """, arguments: [StoreTimestamp.string(from: from), StoreTimestamp.string(from: to)])
            while let row = try rows.next() {
                let account: String = row[3]
                guard visible(account) else { continue }
                let id: String = row[0]
                let networkText: String = row[4], stateText: String = row[5], slotText: String = row[7]
                guard let network = Network(rawValue: networkText) else {
                    throw VariantStoreError.unreadableRow(variantID: id, column: "network", value: networkText)
                }
                guard let state = VariantState(rawValue: stateText) else {
                    throw VariantStoreError.unreadableRow(variantID: id, column: "state", value: stateText)
                }
                guard let slot = StoreTimestamp.date(from: slotText) else {
                    throw VariantStoreError.unreadableRow(variantID: id, column: "scheduled_at", value: slotText)
                }
                entries.append(
                    CalendarEntry(
                        id: id, campaignID: row[1], postID: row[2], accountID: account, network: network, state: state,
                        contentHash: row[6], scheduledAt: slot, localTime: row[8], timeZone: row[9]))
            }
            return entries
        }
    }
}
