import Foundation
import GlocalCore

/// What the audit log records of a variant before and after a change, as the same JSON object the
/// SQLite store writes (sorted keys; the explanation left out).
enum PostgresAuditSnapshot {
    /// The snapshot of `variant` in `state`, as a JSON object.
    static func json(_ variant: StoredVariant, state: VariantState) -> String {
        var json = JSONText(capacity: 256 + variant.text.utf8.count + (variant.link?.utf8.count ?? 0))
        json.raw("{")
        json.key("content_hash", first: true)
        json.string(variant.contentHash)
        json.key("link")
        json.optional(variant.link)
        json.key("link_placement")
        json.string(variant.linkPlacement.rawValue)
        json.key("live")
        json.raw(variant.live ? "true" : "false")
        json.key("local_time")
        json.optional(variant.localTime)
        json.key("media")
        json.array(variant.media)
        json.key("scheduled_at")
        json.optional(variant.scheduledAt.map(UTCTimestamp.string(from:)))
        json.key("state")
        json.string(state.rawValue)
        json.key("text")
        json.string(variant.text)
        json.key("time_zone")
        json.string(variant.timeZone)
        json.key("title")
        json.optional(variant.title)
        json.raw("}")
        return json.text
    }
}
