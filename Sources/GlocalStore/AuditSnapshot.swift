import Foundation
import GlocalCore

/// What the audit log records of a variant before and after a change: the approved content, the
/// slot and the state (the explanation is left out: it is derived, and long).
struct AuditSnapshot: Encodable {
    var text: String
    var title: String?
    var link: String?
    var linkPlacement: String
    var media: [String]
    var contentHash: String
    var scheduledAt: String?
    var localTime: String?
    var timeZone: String
    var live: Bool
    var state: String

    private enum CodingKeys: String, CodingKey {
        case text, title, link, media, live, state
        case linkPlacement = "link_placement"
        case contentHash = "content_hash"
        case scheduledAt = "scheduled_at"
        case localTime = "local_time"
        case timeZone = "time_zone"
    }

    /// The snapshot of `variant` as it is (or will be) stored, in `state`.
    init(_ variant: StoredVariant, state: VariantState) {
        text = variant.text
        title = variant.title
        link = variant.link
        linkPlacement = variant.linkPlacement.rawValue
        media = variant.media
        contentHash = variant.contentHash
        scheduledAt = variant.scheduledAt.map(StoreTimestamp.string(from:))
        localTime = variant.localTime
        timeZone = variant.timeZone
        live = variant.live
        self.state = state.rawValue
    }

    /// The snapshot as a JSON object.
    func json() -> String {
        var json = JSONText(capacity: 256 + text.utf8.count + (link?.utf8.count ?? 0))
        json.raw("{")
        json.key("content_hash", first: true)
        json.string(contentHash)
        json.key("link")
        json.optional(link)
        json.key("link_placement")
        json.string(linkPlacement)
        json.key("live")
        json.raw(live ? "true" : "false")
        json.key("local_time")
        json.optional(localTime)
        json.key("media")
        json.array(media)
        json.key("scheduled_at")
        json.optional(scheduledAt)
        json.key("state")
        json.string(state)
        json.key("text")
        json.string(text)
        json.key("time_zone")
        json.string(timeZone)
        json.key("title")
        json.optional(title)
        json.raw("}")
        return json.text
    }

    /// Encodes nil optionals as `null` so before and after always have the same keys.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try container.encode(title, forKey: .title)
        try container.encode(link, forKey: .link)
        try container.encode(linkPlacement, forKey: .linkPlacement)
        try container.encode(media, forKey: .media)
        try container.encode(contentHash, forKey: .contentHash)
        try container.encode(scheduledAt, forKey: .scheduledAt)
        try container.encode(localTime, forKey: .localTime)
        try container.encode(timeZone, forKey: .timeZone)
        try container.encode(live, forKey: .live)
        try container.encode(state, forKey: .state)
    }
}
