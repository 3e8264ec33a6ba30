import Foundation
import GlocalCore
import GlocalStore
import PostgresNIO

extension PostgresStore: ReportFactsSource {
    /// Every variant's ``ReportFacts``, by id: one read-only query for the report page that decodes no
    /// text, media or explanation, and only the latest reading's counters.
    public func reportFacts() throws -> [ReportFacts] {
        let rows = try pool.transaction { transaction in
            try transaction.rows(
                """
                WITH latest AS (
                    SELECT DISTINCT ON (variant_id) variant_id, counters, engagement FROM metric_sample
                    ORDER BY variant_id, checkpoint DESC, id DESC),
                approved AS (
                    SELECT variant_id, max(at) AS at FROM audit_event
                        WHERE to_state = 'approved' AND from_state = 'pending_approval' GROUP BY variant_id)
                SELECT v.id, v.campaign_id, v.account_id, v.network, v.locale, v.time_zone, v.scheduled_at,
                    p.published_at, l.engagement, l.counters, a.at AS approved_at
                FROM variant AS v
                LEFT JOIN publication AS p ON p.variant_id = v.id AND p.published_at IS NOT NULL
                LEFT JOIN latest AS l ON l.variant_id = v.id
                LEFT JOIN approved AS a ON a.variant_id = v.id
                ORDER BY v.id COLLATE "C"
                """)
        }
        let decoder = JSONDecoder()
        return try rows.map { row in
            try PostgresFailure.decoding {
                let id = try row[0].decode(String.self)
                let rawNetwork = try row[3].decode(String.self)
                guard let network = Network(rawValue: rawNetwork) else {
                    throw VariantStoreError.unreadableRow(variantID: id, column: "variant.network", value: rawNetwork)
                }
                let counters = try row[9].decode(String?.self)
                return ReportFacts(
                    variantID: id, campaignID: try row[1].decode(String.self), accountID: try row[2].decode(String.self),
                    network: network, locale: try row[4].decode(String.self), timeZone: try row[5].decode(String.self),
                    scheduledAt: try row[6].decode(Date?.self), publishedAt: try row[7].decode(Date?.self),
                    engagement: try row[8].decode(Int?.self),
                    counters: try counters.map { try decoder.decode([String: Int].self, from: Data($0.utf8)) } ?? [:],
                    approvedAt: try row[10].decode(Date?.self))
            }
        }
    }
}
