import Foundation
import Testing

/// The sandbox's PDS accepts a post's blobs up to the lexicons' `maxSize` and refuses one byte more, as
/// a PDS does: an image up to `app.bsky.embed.images` (2 000 000 bytes), a link card's thumb up to
/// `app.bsky.embed.external` (1 000 000). The limits are read from the lexicon files at test time.
@Suite struct BlueskyBlobLimitTests {
    static let token = "lumiere-fr~access"

    /// The `maxSize` of a blob property in a lexicon's `defs`.
    static func maxSize(_ lexicon: String, def: String, property: String) throws -> Int {
        let path = "atproto/lexicons/" + lexicon.replacingOccurrences(of: ".", with: "/") + ".json"
        let json = try #require(try SpecFiles.json(path) as? [String: Any])
        let defs = try #require(json["defs"] as? [String: Any])
        let properties = try #require((defs[def] as? [String: Any])?["properties"] as? [String: Any])
        return try #require((properties[property] as? [String: Any])?["maxSize"] as? Int)
    }

    /// Uploads `count` bytes and posts them as an image (or as a link card's thumb); returns the createRecord answer.
    static func post(bytes count: Int, asThumb: Bool, in sandbox: SandboxCalls) async throws -> SandboxCalls.Answer {
        let did = try #require(
            try await sandbox.call("GET", "bluesky/xrpc/com.atproto.server.getSession", token: token)
                .object["did"] as? String)
        var bytes = Data(repeating: 0x5A, count: count)
        bytes.replaceSubrange(0..<3, with: [0xFF, 0xD8, 0xFF])
        let upload = try await sandbox.call(
            "POST", "bluesky/xrpc/com.atproto.repo.uploadBlob", token: token, raw: (bytes, "image/jpeg"))
        #expect(upload.status == 200, "uploadBlob itself takes the bytes; the record's lexicon limits them")
        let blob = try #require(upload.object["blob"] as? [String: Any])
        let embed: [String: Any] =
            asThumb
            ? [
                "$type": "app.bsky.embed.external",
                "external": ["uri": "https://lumiere.example/fr", "title": "Hydra", "description": "", "thumb": blob],
            ]
            : ["$type": "app.bsky.embed.images", "images": [["alt": "Un flacon Hydra", "image": blob]]]
        let record: [String: Any] = [
            "$type": "app.bsky.feed.post", "text": "Hydra \(count)", "createdAt": "2026-12-01T09:00:00.000Z", "embed": embed,
        ]
        return try await sandbox.call(
            "POST", "bluesky/xrpc/com.atproto.repo.createRecord", token: token,
            json: ["repo": did, "collection": "app.bsky.feed.post", "record": record])
    }

    @Test func anImageIsAcceptedUpToTheLexiconsMaxSizeAndRefusedAbove() async throws {
        let limit = try Self.maxSize("app.bsky.embed.images", def: "image", property: "image")
        #expect(limit == 2_000_000)
        try await SandboxCalls.run { sandbox in
            let atLimit = try await Self.post(bytes: limit, asThumb: false, in: sandbox)
            #expect(atLimit.status == 200, "an image of exactly \(limit) bytes: \(atLimit.object)")
            let over = try await Self.post(bytes: limit + 1, asThumb: false, in: sandbox)
            #expect(over.status == 400)
            #expect(over.object["error"] as? String == "BlobTooLarge")
            #expect((over.object["message"] as? String)?.contains("\(limit + 1) bytes") == true)
        }
    }

    @Test func aLinkCardThumbKeepsItsOwnSmallerLimit() async throws {
        let limit = try Self.maxSize("app.bsky.embed.external", def: "external", property: "thumb")
        #expect(limit == 1_000_000)
        try await SandboxCalls.run { sandbox in
            #expect(try await Self.post(bytes: limit, asThumb: true, in: sandbox).status == 200)
            let over = try await Self.post(bytes: limit + 1, asThumb: true, in: sandbox)
            #expect(over.status == 400 && over.object["error"] as? String == "BlobTooLarge")
        }
    }
}
