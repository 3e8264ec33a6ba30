import Foundation
import Testing

/// What `POST /api/v1/statuses` keeps of its parameters and its `Idempotency-Key`, as `mastodon/statuses.md` and
/// `mastodon/Status.md` document them.
@Suite struct MastodonStatusEchoTests {
    static let token = "lumiere-ca~access"

    @Test func sensitiveAndSpoilerTextAreTheStatusOwn() async throws {
        let page = try SpecFiles.text("mastodon/statuses.md")
        #expect(page.contains("sensitive\n: Boolean. Mark status and attached media as sensitive?"))
        #expect(page.contains("spoiler_text\n: String. Text to be shown as a warning"))
        try await SandboxCalls.run { sandbox in
            let form = try await sandbox.call(
                "POST", "mastodon/api/v1/statuses", token: Self.token,
                form: [("status", "Soldes"), ("sensitive", "true"), ("spoiler_text", "Promotion")])
            #expect(form.status == 200)
            #expect(form.object["sensitive"] as? Bool == true && form.object["spoiler_text"] as? String == "Promotion")
            let json = try await sandbox.call(
                "POST", "mastodon/api/v1/statuses", token: Self.token,
                json: ["status": "Soldes JSON", "sensitive": true, "spoiler_text": "Promo"])
            #expect(json.object["sensitive"] as? Bool == true && json.object["spoiler_text"] as? String == "Promo")
            let plain = try await sandbox.call(
                "POST", "mastodon/api/v1/statuses", token: Self.token, form: [("status", "Bonjour")])
            #expect(plain.object["sensitive"] as? Bool == false && plain.object["spoiler_text"] as? String == "")
        }
    }

    @Test func aReplyNamesTheParentsAuthor() async throws {
        let status = try SpecFiles.text("mastodon/Status.md")
        #expect(status.contains("Might be the ID of the account that authored the status being replied to"))
        try await SandboxCalls.run { sandbox in
            let parent = try await sandbox.call(
                "POST", "mastodon/api/v1/statuses", token: "someone-else~access", form: [("status", "Question")])
            let parentID = try #require(parent.object["id"] as? String)
            let author = try #require((parent.object["account"] as? [String: Any])?["id"] as? String)
            let reply = try await sandbox.call(
                "POST", "mastodon/api/v1/statuses", token: Self.token,
                form: [("status", "Réponse"), ("in_reply_to_id", parentID)])
            #expect(reply.object["in_reply_to_id"] as? String == parentID)
            #expect(reply.object["in_reply_to_account_id"] as? String == author)
        }
    }

    @Test func anIdempotencyKeyIsKeptForAnHour() async throws {
        let page = try SpecFiles.text("mastodon/statuses.md")
        #expect(page.contains("Idempotency keys are stored for up to 1 hour."))
        try await SandboxCalls.run { sandbox in
            let key = ["Idempotency-Key": "campaign-42"]
            func post() async throws -> String? {
                let answer = try await sandbox.call(
                    "POST", "mastodon/api/v1/statuses", token: Self.token, form: [("status", "Une fois")], headers: key)
                return answer.object["id"] as? String
            }
            let first = try #require(try await post())
            await sandbox.state.advance(by: 3599)
            #expect(try await post() == first, "within the hour the key answers the same status")
            await sandbox.state.advance(by: 2)
            let second = try #require(try await post())
            #expect(second != first, "after an hour the key is forgotten")
            #expect(try await post() == second)
        }
    }
}
