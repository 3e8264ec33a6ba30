import Foundation
import GlocalCore

/// Builds `app.bsky.feed.post` records: text, facets, language, link card or images, reply references.
enum BlueskyRecordBuilder {
    /// `createdAt`: ISO 8601 in UTC with milliseconds.
    static func timestamp(_ date: Date) -> String { UTCTimestamp.string(from: date) }

    /// The post record. `facets` are the text's (``BlueskyFacetBuilder``); `images` are blob objects from
    /// `uploadBlob` with their alt text (`""` when there is none, as the lexicon requires the field); a link card for
    /// `link` is added only without images.
    static func record(
        text: String, facets: [BlueskyFacet], language: String, createdAt: Date, link: String?, title: String?,
        images: [(blob: Any, alt: String)], replyTo: (uri: String, cid: String)? = nil
    ) -> [String: Any] {
        var record: [String: Any] = [
            "$type": "app.bsky.feed.post", "text": text, "createdAt": timestamp(createdAt), "langs": [language],
        ]
        if !facets.isEmpty { record["facets"] = facets.map(\.json) }
        if !images.isEmpty {
            record["embed"] = [
                "$type": "app.bsky.embed.images", "images": images.map { ["alt": $0.alt, "image": $0.blob] as [String: Any] },
            ]
        } else if let link {
            record["embed"] = [
                "$type": "app.bsky.embed.external",
                "external": ["uri": link, "title": title ?? URL(string: link)?.host ?? link, "description": ""],
            ]
        }
        if let replyTo {
            let reference = ["uri": replyTo.uri, "cid": replyTo.cid]
            record["reply"] = ["root": reference, "parent": reference]
        }
        return record
    }
}
