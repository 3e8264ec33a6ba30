import Foundation
import Testing

/// Facebook, Instagram and Threads ids in the sandbox are numeric as on the Graph API, whatever name a path used.
@Suite struct GraphAnswerTests {
    static func isNumeric(_ text: String?) -> Bool { text.map { !$0.isEmpty && $0.allSatisfy(\.isNumber) } ?? false }

    @Test func facebookPostAndCommentIdsAreNumericPairs() async throws {
        try await SandboxCalls.run { sandbox in
            for page in ["102938475610293", "lumiere-fr-page"] {
                let post = try await sandbox.call(
                    "POST", "facebook/v21.0/\(page)/feed", token: "p~t", form: [("message", "Bonjour \(page)")])
                let id = try #require(post.object["id"] as? String)
                let parts = id.split(separator: "_").map(String.init)
                #expect(parts.count == 2 && parts.allSatisfy { Self.isNumeric($0) }, "{page-id}_{post-id}: \(id)")
                if page.allSatisfy(\.isNumber) { #expect(parts[0] == page) }
                let comment = try await sandbox.call(
                    "POST", "facebook/v21.0/\(id)/comments", token: "p~t", form: [("message", "Lien")])
                let commentParts = (comment.object["id"] as? String ?? "").split(separator: "_").map(String.init)
                #expect(commentParts.count == 2 && commentParts.allSatisfy { Self.isNumeric($0) })
                let feed = try await sandbox.call("GET", "facebook/v21.0/\(page)/feed?fields=id,message", token: "p~t")
                #expect((feed.object["data"] as? [[String: Any]])?.first?["id"] as? String == id)
            }
        }
    }

    @Test(arguments: [("instagram", "media", "media_publish", "caption"), ("threads", "threads", "threads_publish", "text")])
    func containerAndMediaIdsAreNumeric(_ network: String, _ edge: String, _ publish: String, _ field: String) async throws {
        try await SandboxCalls.run { sandbox in
            let user = "17841405822304914"
            let version = network == "threads" ? "v1.0" : "v25.0"
            let container = try await sandbox.call(
                "POST", "\(network)/\(version)/\(user)/\(edge)", token: "u~t",
                form: [("image_url", "https://cdn.example/a.jpg"), (field, "Bonjour"), ("media_type", "IMAGE")])
            let creation = try #require(container.object["id"] as? String)
            #expect(Self.isNumeric(creation))
            let published = try await sandbox.call(
                "POST", "\(network)/\(version)/\(user)/\(publish)", token: "u~t", form: [("creation_id", creation)])
            #expect(Self.isNumeric(published.object["id"] as? String))
            let stored = await sandbox.state.storedPosts(network: network).first { $0.kind == "post" }
            #expect(stored?.account == user)
        }
    }
}
