import Foundation
import GlocalCore
import GlocalNetworks
import GlocalSandbox
import Testing

/// What each network must have received, byte for byte where it matters.
enum WireExpectations {
    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func form(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
            if parts.count == 2 { fields[parts[0]] = parts[1] }
        }
        return fields
    }

    static func check(
        _ clientCase: ClientCase, post: OutgoingPost, stored: SandboxPost, all: [SandboxPost], receipt: PublishReceipt
    ) throws {
        let others = all.filter { $0.kind != "post" }
        switch clientCase.sandboxNetwork {
        case "x":
            #expect(try json(stored.body) as NSDictionary == ["text": post.text] as NSDictionary)
            let reply = try #require(others.first { $0.kind == "reply" })
            #expect(reply.parentID == stored.id)
            #expect(
                try json(reply.body) as NSDictionary == ["text": ClientCase.link, "reply": ["in_reply_to_tweet_id": stored.id]]
                    as NSDictionary)
            #expect(receipt.extra["reply_id"] == reply.id)
        case "bluesky":
            let body = try json(stored.body)
            #expect(body["rkey"] as? String == BlueskyClient.recordKey(for: post))
            #expect(body["collection"] as? String == "app.bsky.feed.post")
            let record = try #require(body["record"] as? [String: Any])
            #expect(record["text"] as? String == post.text)
            #expect(record["langs"] as? [String] == ["fr"])
            #expect(record["createdAt"] as? String == "2026-12-01T09:00:00.000Z")
            let facets = try #require(record["facets"] as? [[String: Any]])
            let ranges = facets.compactMap { $0["index"] as? [String: Int] }.map { [$0["byteStart"]!, $0["byteEnd"]!] }
            // "Votre peau a soif ? Découvrez Hydra 👋🏽 (nouveau) " is 56 UTF-8 bytes: é is 2, 👋🏽 is 8.
            #expect(ranges == [[56, 67], [68, 68 + ClientCase.link.utf8.count]])
            let features = facets.compactMap { ($0["features"] as? [[String: Any]])?.first }
            #expect(features.first?["tag"] as? String == "HydraSerum")
            #expect(features.last?["uri"] as? String == ClientCase.link)
            let embed = try #require(record["embed"] as? [String: Any])
            #expect(embed["$type"] as? String == "app.bsky.embed.external")
            #expect((embed["external"] as? [String: Any])?["uri"] as? String == ClientCase.link)
        case "mastodon":
            #expect(
                try json(stored.body) as NSDictionary == ["status": post.text, "language": "fr", "visibility": "public"]
                    as NSDictionary)
            #expect(stored.key == post.idempotencyKey)
        case "threads":
            #expect(form(stored.body) == ["media_type": "TEXT", "text": post.text])
            let reply = try #require(others.first { $0.kind == "reply" })
            #expect(reply.parentID == stored.id)
            #expect(form(reply.body) == ["media_type": "TEXT", "text": ClientCase.link, "reply_to_id": stored.id])
        case "linkedin":
            let body = try json(stored.body)
            #expect(
                body["commentary"] as? String == "Votre peau a soif ? Découvrez Hydra 👋🏽 \\(nouveau\\) {hashtag|#|HydraSerum}")
            #expect(body["author"] as? String == "urn:li:organization:99")
            #expect(body["visibility"] as? String == "PUBLIC")
            #expect(body["lifecycleState"] as? String == "PUBLISHED")
            #expect((body["distribution"] as? [String: Any])?["feedDistribution"] as? String == "MAIN_FEED")
            try MediaWireExpectations.checkLinkedIn(post: post, body: body, media: others.filter { $0.kind == "media" })
            let comment = try #require(others.first { $0.kind == "comment" })
            #expect(comment.parentID == stored.id)
            #expect(comment.text == ClientCase.link)
            #expect(receipt.extra["first_comment_id"] == comment.id)
        case "facebook":
            try MediaWireExpectations.checkFacebook(
                post: post, stored: stored, media: others.filter { $0.kind == "media" }, receipt: receipt)
            let comment = try #require(others.first { $0.kind == "comment" })
            #expect(comment.parentID == stored.id)
            #expect(form(comment.body) == ["message": ClientCase.link])
        case "instagram":
            #expect(form(stored.body) == ["image_url": "https://cdn.lumiere.example/teaser.jpg", "caption": post.text])
            #expect(receipt.extra["container_id"] == stored.key)
            let comment = try #require(others.first { $0.kind == "comment" })
            #expect(comment.parentID == stored.id)
            #expect(comment.text == ClientCase.link)
        case "pinterest":
            #expect(
                try json(stored.body) as NSDictionary
                    == [
                        "board_id": ClientCase.pinterestBoard, "title": "Hydra", "description": post.text,
                        "link": ClientCase.link,
                        "media_source": ["source_type": "image_url", "url": "https://cdn.lumiere.example/teaser.jpg"],
                    ] as NSDictionary)
            #expect(receipt.url == "https://www.pinterest.com/pin/\(stored.id)/")
        case "google_business":
            #expect(
                try json(stored.body) as NSDictionary
                    == [
                        "languageCode": "fr-FR", "summary": post.text, "topicType": "STANDARD",
                        "callToAction": ["actionType": "LEARN_MORE", "url": ClientCase.link],
                    ] as NSDictionary)
            #expect(stored.id.hasPrefix(ClientCase.businessLocation + "/localPosts/"))
            #expect(receipt.extra["state"] == "LIVE")
        case "webhook":
            let body = try json(stored.body)
            #expect(body["idempotency_key"] as? String == post.idempotencyKey)
            #expect(body["text"] as? String == post.text)
            #expect(body["network"] as? String == "youtube")
        default:
            Issue.record("no wire expectations for \(clientCase.sandboxNetwork)")
        }
    }
}
