import Foundation
import Testing

/// Every kind of answer the sandbox's Mastodon instance gives, checked against the entity pages of the Mastodon docs.
@Suite struct MastodonAnswerTests {
    static let token = "lumiere-ca~access"

    @Test func entityPagesListTheAttributesTheChecksUse() throws {
        let status = try MastodonEntityDoc("mastodon/Status.md").attributes.map(\.name)
        #expect(
            ["id", "uri", "created_at", "account", "content", "visibility", "media_attachments", "quote_approval"]
                .allSatisfy(status.contains))
        #expect(!status.contains("application") && !status.contains("favourited"), "optional attributes are not required")
        #expect(try MastodonEntityDoc("mastodon/MediaAttachment.md").attributes.map(\.name).contains("description"))
    }

    /// `POST /api/v1/apps`: each blank attribute named as Mastodon's validation names it; `redirect_uris` as a
    /// list and `redirect_uri` as the URIs on lines.
    @Test func appRegistrationNamesWhatIsBlankAndListsTheRedirectURIs() async throws {
        try await SandboxCalls.run { sandbox in
            let empty = try await sandbox.call("POST", "mastodon/api/v1/apps", form: [("scopes", "read")])
            #expect(empty.status == 422)
            #expect(
                empty.object["error"] as? String
                    == "Validation failed: Application name can't be blank, Redirect URI can't be blank")
            let noRedirect = try await sandbox.call("POST", "mastodon/api/v1/apps", json: ["client_name": "glocal"])
            #expect(noRedirect.object["error"] as? String == "Validation failed: Redirect URI can't be blank")
            let two = try await sandbox.call(
                "POST", "mastodon/api/v1/apps",
                json: ["client_name": "glocal", "redirect_uris": ["https://a.example/cb", "https://b.example/cb"]])
            #expect(two.status == 200)
            #expect(two.object["redirect_uris"] as? [String] == ["https://a.example/cb", "https://b.example/cb"])
            #expect(two.object["redirect_uri"] as? String == "https://a.example/cb\nhttps://b.example/cb")
        }
    }

    @Test func statusesMediaAndAccountsAreCompleteEntities() async throws {
        let status = try MastodonEntityDoc("mastodon/Status.md")
        let attachment = try MastodonEntityDoc("mastodon/MediaAttachment.md")
        try await SandboxCalls.run { sandbox in
            let me = try await sandbox.call("GET", "mastodon/api/v1/accounts/verify_credentials", token: Self.token)
            #expect(me.status == 200)
            let account = try #require(me.object["id"] as? String)
            #expect(account.allSatisfy { $0.isNumber }, "a numeric account id: \(account)")

            let media = try await sandbox.call(
                "POST", "mastodon/api/v2/media", token: Self.token,
                raw: SandboxCalls.multipart(
                    fields: [("description", "Un flacon Hydra")], file: ("file", "image/png", Data([0x89, 0x50, 0x4E, 0x47]))))
            #expect(media.status == 200)
            #expect(attachment.problems(media.object) == [])
            #expect(media.object["description"] as? String == "Un flacon Hydra")
            let mediaID = try #require(media.object["id"] as? String)

            let posted = try await sandbox.call(
                "POST", "mastodon/api/v1/statuses", token: Self.token,
                json: ["status": "Hydra arrive", "language": "fr", "visibility": "public", "media_ids": [mediaID]],
                headers: ["Idempotency-Key": "k1"])
            #expect(posted.status == 200)
            #expect(status.problems(posted.object) == [])
            let attached = try #require((posted.object["media_attachments"] as? [[String: Any]])?.first)
            #expect(attachment.problems(attached) == [])
            #expect((posted.object["account"] as? [String: Any])?["id"] as? String == account)

            let listed = try await sandbox.call("GET", "mastodon/api/v1/accounts/\(account)/statuses?limit=40", token: Self.token)
            let statuses = try #require(listed.json as? [[String: Any]])
            #expect(statuses.map { $0["id"] as? String } == [posted.object["id"] as? String], "look-up by numeric id")
            for entity in statuses { #expect(status.problems(entity) == []) }
            let single = try await sandbox.call(
                "GET", "mastodon/api/v1/statuses/\(posted.object["id"] as? String ?? "")", token: Self.token)
            #expect(status.problems(single.object) == [])
            let byName = try await sandbox.call("GET", "mastodon/api/v1/accounts/lumiere-ca/statuses", token: Self.token)
            #expect(byName.status == 404, "accounts are looked up by id, not by name")
        }
    }

    @Test func errorsAreErrorEntities() async throws {
        let error = try MastodonEntityDoc("mastodon/Error.md")
        #expect(error.attributes.map(\.name).contains("error"))
        try await SandboxCalls.run { sandbox in
            let answers = [
                try await sandbox.call("POST", "mastodon/api/v1/statuses", token: Self.token, json: ["status": ""]),
                try await sandbox.call("POST", "mastodon/api/v1/statuses", json: ["status": "x"]),
                try await sandbox.call("GET", "mastodon/api/v1/statuses/1", token: Self.token),
                try await sandbox.call("GET", "mastodon/api/v1/accounts/lumiere-ca/statuses", token: Self.token),
            ]
            #expect(answers.map(\.status) == [422, 401, 404, 404])
            for answer in answers { #expect(error.problems(answer.object) == []) }
        }
    }

    /// `POST /api/v1/media` is deprecated but documented: like v2, except that it answers once processed (200, `url`).
    @Test func theDeprecatedV1UploadAnswersProcessedMedia() async throws {
        let page = try SpecFiles.text("mastodon/media.md")
        #expect(
            page.contains("POST /api/v1/media HTTP/1.1") && page.contains("return after the full sized media is done processing"))
        let attachment = try MastodonEntityDoc("mastodon/MediaAttachment.md")
        try await SandboxCalls.run { sandbox in
            let video = try await sandbox.call(
                "POST", "mastodon/api/v1/media", token: Self.token,
                raw: SandboxCalls.multipart(
                    fields: [("description", "Un film")], file: ("file", "video/mp4", Data([0, 0, 0, 24]))))
            #expect(video.status == 200)
            #expect(video.object["url"] is String && video.object["description"] as? String == "Un film")
            #expect(attachment.problems(video.object) == [])
        }
    }

    /// One account is one `Account`: the same `username` in `verify_credentials` and inside its statuses.
    @Test func anAccountIsTheSameEverywhere() async throws {
        try await SandboxCalls.run { sandbox in
            let me = try await sandbox.call("GET", "mastodon/api/v1/accounts/verify_credentials", token: Self.token)
            let posted = try await sandbox.call("POST", "mastodon/api/v1/statuses", token: Self.token, json: ["status": "moi"])
            let inside = try #require(posted.object["account"] as? [String: Any])
            for field in ["id", "username", "acct", "url"] {
                #expect(inside[field] as? String == me.object[field] as? String, "\(field)")
            }
            let id = try #require(posted.object["id"] as? String)
            let fetched = try await sandbox.call("GET", "mastodon/api/v1/statuses/\(id)")
            #expect((fetched.object["account"] as? [String: Any])?["username"] as? String == me.object["username"] as? String)
        }
    }
}
