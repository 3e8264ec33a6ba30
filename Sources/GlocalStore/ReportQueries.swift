import Foundation
import GRDB
import GlocalCore

extension SQLiteVariantStore {
    /// Every variant's ``ReportFacts``, by id: a read-only query for the report page that decodes no
    /// text, media or explanation, and only the latest reading's counters.
    public func reportFacts() throws -> [ReportFacts] {
        try writer.read { db in
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    WITH latest AS (
                        SELECT variant_id, counters, engagement,
                            row_number() OVER (PARTITION BY variant_id ORDER BY checkpoint DESC, id DESC) AS rank
                        FROM metric_sample),
                    approved AS (
                        SELECT variant_id, max(at) AS at FROM audit_event
                        WHERE to_state = 'approved' AND from_state = 'pending_approval' GROUP BY variant_id)
                    SELECT v.id, v.campaign_id, v.account_id, v.network, v.locale, v.time_zone, v.scheduled_at,
                        p.published_at, l.engagement, l.counters, a.at AS approved_at
                    FROM variant AS v
                    LEFT JOIN publication AS p ON p.variant_id = v.id AND p.published_at IS NOT NULL
                    LEFT JOIN latest AS l ON l.variant_id = v.id AND l.rank = 1
                    LEFT JOIN approved AS a ON a.variant_id = v.id
                    ORDER BY v.id
                    """)
            let decoder = JSONDecoder()
            var facts: [ReportFacts] = []
            while let row = try rows.next() {
                let id: String = row["id"]
                let rawNetwork: String = row["network"]
                guard let network = Network(rawValue: rawNetwork) else {
                    throw VariantStoreError.unreadableRow(variantID: id, column: "variant.network", value: rawNetwork)
                }
                let counters: [String: Int] =
                    try (row["counters"] as String?).map { try decoder.decode([String: Int].self, from: Data($0.utf8)) } ?? [:]
                facts.append(
                    ReportFacts(
                        variantID: id, campaignID: row["campaign_id"], accountID: row["account_id"], network: network,
                        locale: row["locale"], timeZone: row["time_zone"],
                        scheduledAt: (row["scheduled_at"] as String?).flatMap(StoreTimestamp.date(from:)),
                        publishedAt: (row["published_at"] as String?).flatMap(StoreTimestamp.date(from:)),
                        engagement: row["engagement"], counters: counters,
                        approvedAt: (row["approved_at"] as String?).flatMap(StoreTimestamp.date(from:))))
            }
            return facts
        }
    }
}
