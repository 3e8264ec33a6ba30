import Foundation
import GRDB
import GlocalCore

/// What a calendar grid reads: the variants with a slot in a span of time.
extension SQLiteVariantStore {
    /// The variants whose slot lies in `[from, to)` and whose account passes `visible`, by slot and id.
    public func variants(scheduledFrom from: Date, to: Date, visible: (String) -> Bool = { _ in true }) throws
        -> [StoredVariant]
    {
        try writer.read { db in
            var variants: [StoredVariant] = []
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT \(VariantRow.selection) FROM variant
                    WHERE scheduled_at >= ? AND scheduled_at < ? ORDER BY scheduled_at, id
                    """, arguments: [StoreTimestamp.string(from: from), StoreTimestamp.string(from: to)])
            while let row = try rows.next() {
                if visible(row["account_id"]) { variants.append(try VariantRow.variant(from: row)) }
            }
            return variants
        }
    }
}
