import Foundation
import GlocalCore
import GlocalStore
import PostgresNIO

/// How a `StoredVariant` maps to and from a row of the `variant` table.
enum PostgresVariantRow {
    /// The columns `variant(from:)` reads, in its order.
    static let selection = """
        id, campaign_id, post_id, account_id, network, locale, kind, text, title, link, link_placement, media, \
        content_hash, scheduled_at, local_time, time_zone, live, state, explanation, source_hash
        """
    private static let names = selection.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }

    /// Reads a variant from a row of the columns in `selection`, by position.
    static func variant(from row: PostgresRandomAccessRow) throws -> StoredVariant {
        try PostgresFailure.decoding {
            let id = try row[0].decode(String.self)
            func unreadable(_ index: Int, _ raw: String) -> VariantStoreError {
                .unreadableRow(variantID: id, column: names[index], value: raw)
            }
            func decoded<T: RawRepresentable>(_ index: Int) throws -> T where T.RawValue == String {
                let raw = try row[index].decode(String.self)
                guard let value = T(rawValue: raw) else { throw unreadable(index, raw) }
                return value
            }
            let mediaText = try row[11].decode(String.self)
            guard let media = VariantColumnJSON.strings(mediaText) else { throw unreadable(11, mediaText) }
            let explanationText = try row[18].decode(String.self)
            guard let explanation = VariantColumnJSON.reasons(explanationText) else { throw unreadable(18, explanationText) }
            return StoredVariant(
                id: id, campaignID: try row[1].decode(String.self), postID: try row[2].decode(String.self),
                accountID: try row[3].decode(String.self), network: try decoded(4), locale: try row[5].decode(String.self),
                kind: try decoded(6), text: try row[7].decode(String.self), title: try row[8].decode(String?.self),
                link: try row[9].decode(String?.self), linkPlacement: try decoded(10), media: media,
                contentHash: try row[12].decode(String.self), scheduledAt: try row[13].decode(Date?.self),
                localTime: try row[14].decode(String?.self), timeZone: try row[15].decode(String.self),
                live: try row[16].decode(Bool.self), state: try decoded(17), explanation: explanation,
                sourceHash: try row[19].decode(String?.self))
        }
    }

    /// Reads one variant inside `transaction`, locking its row when `forUpdate` (a write follows).
    static func fetch(_ transaction: PostgresTransaction, id: String, forUpdate: Bool = false) throws -> StoredVariant? {
        let lock = forUpdate ? " FOR UPDATE" : ""
        return try transaction.rows(
            "SELECT \(unescaped: selection) FROM variant WHERE id = \(id)\(unescaped: lock)"
        ).first.map(variant(from:))
    }
}
