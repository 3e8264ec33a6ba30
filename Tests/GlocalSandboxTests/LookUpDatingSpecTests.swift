import Foundation
import Testing

/// Which look-up answers carry the network's own creation time, as `shared/specs` documents them (docs/networks.md,
/// *Reconciliation after an unknown outcome*). X and Mastodon document it, and their clients date a post a look-up
/// finds by it. For Facebook, LinkedIn, YouTube, TikTok, Pinterest and Google Business Profile the folder names no
/// such field, so their clients date the post by the look-up: when the second test fails, the specs now document
/// one, and the sandbox answer should carry it and the client date the post by it.
@Suite struct LookUpDatingSpecTests {
    @Test func xAndMastodonDocumentTheCreationTimeTheirLookUpsRead() throws {
        let x = try #require(try SpecFiles.json("x/openapi.json") as? [String: Any])
        let schemas = (x["components"] as? [String: Any])?["schemas"] as? [String: Any]
        let post = ((schemas?["Post"] as? [String: Any])?["properties"] as? [String: Any])?["created_at"] as? [String: Any]
        #expect(post?["format"] as? String == "date-time")
        #expect(post?["description"] as? String == "Creation time of the Post.")
        let status = try SpecFiles.text("mastodon/Status.md")
        #expect(status.contains("### `created_at`"))
    }

    @Test func theOtherLookUpAnswersHaveNoDocumentedCreationTime() throws {
        // The fields those networks' own references would use, sought where the specs folder quotes each network.
        let meta = try SpecFiles.text("meta/EXCERPTS.md")
        #expect(!meta.contains("created_time"), "Facebook's feed items: date FacebookClient.lookUp by created_time")
        let linkedin = try SpecFiles.text("linkedin/EXCERPTS.md")
        for field in ["createdAt", "publishedAt"] {
            #expect(!linkedin.contains(field), "LinkedIn's posts: date LinkedInClient.lookUp by \(field)")
        }
        let folders = try FileManager.default.contentsOfDirectory(atPath: SpecFiles.root.path).map { $0.lowercased() }
        #expect(folders.contains("meta") && folders.contains("linkedin"))
        for network in ["youtube", "tiktok", "pinterest", "google"] {
            #expect(
                !folders.contains { $0.contains(network) },
                "shared/specs now has \(network): date that client's look-up by the creation time it documents")
        }
    }
}
