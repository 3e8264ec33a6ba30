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
            .text(VariantColumnJSON.explanation(variant.explanation)),
        ]
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
            "explanation": VariantColumnJSON.explanation(variant.explanation),
            "state": variant.state.rawValue,
        ]
    }

    /// The columns `variant(from:)` reads, in its order: select them with `SELECT \(selection) FROM variant`.
    static let selection = """
        id, campaign_id, post_id, account_id, network, locale, kind, text, title, link, link_placement, media, \
        content_hash, scheduled_at, local_time, time_zone, live, state, explanation, source_hash
        """
    private static let selectedNames = selection.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }

    /// Reads a variant from a row of the columns in `selection`, by position (a look-up by name
    /// costs more than the rest of the row: this runs several times per post dispatched).
    static func variant(from row: Row) throws -> StoredVariant {
        let id: String = row[0]
        func unreadable(_ index: Int, _ raw: String) -> VariantStoreError {
            .unreadableRow(variantID: id, column: selectedNames[index], value: raw)
        }
        func decoded<T: RawRepresentable>(_ index: Int) throws -> T where T.RawValue == String {
            let raw: String = row[index]
            guard let value = T(rawValue: raw) else { throw unreadable(index, raw) }
            return value
        }
        let mediaText: String = row[11]
        guard let media = VariantColumnJSON.strings(mediaText) else { throw unreadable(11, mediaText) }
        let explanationText: String = row[18]
        guard let explanation = VariantColumnJSON.reasons(explanationText) else { throw unreadable(18, explanationText) }
        var scheduledAt: Date?
        if let raw: String = row[13] {
            guard let date = StoreTimestamp.date(from: raw) else { throw unreadable(13, raw) }
            scheduledAt = date
        }
        return StoredVariant(
            id: id, campaignID: row[1], postID: row[2], accountID: row[3], network: try decoded(4), locale: row[5],
            kind: try decoded(6), text: row[7], title: row[8], link: row[9], linkPlacement: try decoded(10),
            media: media, contentHash: row[12], scheduledAt: scheduledAt, localTime: row[14], timeZone: row[15],
            live: row[16], state: try decoded(17), explanation: explanation, sourceHash: row[19])
    }
}
