import Foundation
import GRDB
import GlocalCore

/// How a `StoredVariant` maps to and from a row of the `variant` table.
enum VariantRow {
    /// The columns `apply` writes from a variant's content and slot, beside `id`, `state` and the timestamps.
    static let contentColumns = [
        "campaign_id", "post_id", "account_id", "network", "locale", "kind", "text", "title", "link",
        "link_placement", "media", "content_hash", "scheduled_at", "local_time", "time_zone", "live", "explanation",
    ]

    /// The columns an insert writes, in the order of `insertValues`.
    static let insertColumns = ["id", "state", "created_at", "updated_at"] + contentColumns

    /// The values of `insertColumns` for `variant`, created and updated at `timestamp`.
    static func insertValues(_ variant: StoredVariant, timestamp: String) -> [SQLValue] {
        [
            .text(variant.id), .text(variant.state.rawValue), .text(timestamp), .text(timestamp),
            .text(variant.campaignID), .text(variant.postID), .text(variant.accountID), .text(variant.network.rawValue),
            .text(variant.locale), .text(variant.kind.rawValue), .text(variant.text), .text(variant.title),
            .text(variant.link), .text(variant.linkPlacement.rawValue), .text(JSONText.array(variant.media)),
            .text(variant.contentHash), .text(variant.scheduledAt.map(StoreTimestamp.string(from:))),
            .text(variant.localTime), .text(variant.timeZone), .integer(variant.live ? 1 : 0),
            .text(explanationJSON(variant.explanation)),
        ]
    }

    /// The explanation as a JSON array of `{detail, rule}` objects.
    static func explanationJSON(_ reasons: [ScheduleReason]) -> String {
        var json = JSONText(capacity: 2 + reasons.reduce(0) { $0 + $1.detail.utf8.count + $1.rule.utf8.count + 24 })
        json.raw("[")
        for (index, reason) in reasons.enumerated() {
            json.raw(index == 0 ? "{" : ",{")
            json.key("detail", first: true)
            json.string(reason.detail)
            json.key("rule")
            json.string(reason.rule)
            json.raw("}")
        }
        json.raw("]")
        return json.text
    }

    /// The values of `contentColumns` (plus `id` and `state`) for `variant`, keyed by column name.
    static func arguments(_ variant: StoredVariant) throws -> [String: (any DatabaseValueConvertible)?] {
        [
            "id": variant.id,
            "campaign_id": variant.campaignID,
            "post_id": variant.postID,
            "account_id": variant.accountID,
            "network": variant.network.rawValue,
            "locale": variant.locale,
            "kind": variant.kind.rawValue,
            "text": variant.text,
            "title": variant.title,
            "link": variant.link,
            "link_placement": variant.linkPlacement.rawValue,
            "media": JSONText.array(variant.media),
            "content_hash": variant.contentHash,
            "scheduled_at": variant.scheduledAt.map(StoreTimestamp.string(from:)),
            "local_time": variant.localTime,
            "time_zone": variant.timeZone,
            "live": variant.live,
            "explanation": explanationJSON(variant.explanation),
            "state": variant.state.rawValue,
        ]
    }

    /// Reads a variant from a `SELECT * FROM variant` row.
    static func variant(from row: Row) throws -> StoredVariant {
        let id: String = row["id"]
        func decoded<T: RawRepresentable>(_ column: String) throws -> T where T.RawValue == String {
            let raw: String = row[column]
            guard let value = T(rawValue: raw) else {
                throw VariantStoreError.unreadableRow(variantID: id, column: column, value: raw)
            }
            return value
        }
        func json<T: Decodable>(_ column: String) throws -> T {
            let raw: String = row[column]
            do { return try JSONColumn.decode(raw) } catch {
                throw VariantStoreError.unreadableRow(variantID: id, column: column, value: raw)
            }
        }
        var scheduledAt: Date?
        if let raw: String = row["scheduled_at"] {
            guard let date = StoreTimestamp.date(from: raw) else {
                throw VariantStoreError.unreadableRow(variantID: id, column: "scheduled_at", value: raw)
            }
            scheduledAt = date
        }
        return StoredVariant(
            id: id, campaignID: row["campaign_id"], postID: row["post_id"], accountID: row["account_id"],
            network: try decoded("network"), locale: row["locale"], kind: try decoded("kind"), text: row["text"],
            title: row["title"], link: row["link"], linkPlacement: try decoded("link_placement"),
            media: try json("media"), contentHash: row["content_hash"], scheduledAt: scheduledAt,
            localTime: row["local_time"], timeZone: row["time_zone"], live: row["live"], state: try decoded("state"),
            explanation: try json("explanation"), sourceHash: row["source_hash"])
    }
}

/// Reads the JSON stored in TEXT columns (`JSONText` writes it).
enum JSONColumn {
    /// Decodes a JSON string.
    static func decode<T: Decodable>(_ text: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(text.utf8))
    }
}
