import Foundation
import Testing

/// Deleting a post, as X's OpenAPI (`deletePosts`), Mastodon's `statuses.md` and atproto's `deleteRecord` describe it;
/// an unknown id is answered in each network's own error dialect.
@Suite struct DeleteAnswerTests {
    @Test func xDeletesItsOwnTweetsOnly() async throws {
        let spec = try OpenAPIChecker("x/xdk-latest-openapi.json")
        let token = "lumiere-us~access"
        try await SandboxCalls.run { sandbox in
            let created = try await sandbox.call("POST", "x/2/tweets", token: token, json: ["text": "soon gone"])
            let id = try #require((created.object["data"] as? [String: Any])?["id"] as? String)
            let foreign = try await sandbox.call("DELETE", "x/2/tweets/\(id)", token: "someone-else~t")
            #expect(foreign.status == 403)
            #expect(XAnswerTests.check(foreign, "DELETE", "/2/tweets/{id}", in: spec) == [])
            let deleted = try await sandbox.call("DELETE", "x/2/tweets/\(id)", token: token)
            #expect(deleted.status == 200)
            #expect(XAnswerTests.check(deleted, "DELETE", "/2/tweets/{id}", in: spec) == [])
            #expect((deleted.object["data"] as? [String: Any])?["deleted"] as? Bool == true)
            let again = try await sandbox.call("DELETE", "x/2/tweets/\(id)", token: token)
            #expect(again.status == 404)
            #expect(XAnswerTests.check(again, "DELETE", "/2/tweets/{id}", in: spec) == [])
            let lookUp = try await sandbox.call("GET", "x/2/tweets?ids=\(id)", token: token)
            #expect(lookUp.object["data"] == nil, "a deleted tweet is not found")
            let malformed = try await sandbox.call("DELETE", "x/2/tweets/abc", token: token)
            #expect(malformed.status == 400)
            #expect(XAnswerTests.check(malformed, "DELETE", "/2/tweets/{id}", in: spec) == [])
            let anonymous = try await sandbox.call("DELETE", "x/2/tweets/1")
            #expect(anonymous.status == 401)
        }
    }

    @Test func mastodonDeletesItsOwnStatusesAndReturnsThem() async throws {
        let page = try SpecFiles.text("mastodon/statuses.md")
        #expect(page.contains("DELETE /api/v1/statuses/:id") && page.contains("Delete one of your own statuses"))
        let status = try MastodonEntityDoc("mastodon/Status.md")
        let error = try MastodonEntityDoc("mastodon/Error.md")
        let token = "lumiere-ca~access"
        try await SandboxCalls.run { sandbox in
            let posted = try await sandbox.call("POST", "mastodon/api/v1/statuses", token: token, json: ["status": "à effacer"])
            let id = try #require(posted.object["id"] as? String)
            let foreign = try await sandbox.call("DELETE", "mastodon/api/v1/statuses/\(id)", token: "someone-else~t")
            #expect(foreign.status == 404 && error.problems(foreign.object) == [])
            let deleted = try await sandbox.call("DELETE", "mastodon/api/v1/statuses/\(id)", token: token)
            #expect(deleted.status == 200)
            #expect(status.problems(deleted.object) == [])
            #expect(deleted.object["text"] as? String == "à effacer", "the source text, for delete and redraft")
            let again = try await sandbox.call("DELETE", "mastodon/api/v1/statuses/\(id)", token: token)
            #expect(again.status == 404 && error.problems(again.object) == [])
            #expect(try await sandbox.call("GET", "mastodon/api/v1/statuses/\(id)", token: token).status == 404)
        }
    }

    @Test func blueskyDeletesARecordOfTheSessionsRepo() async throws {
        let checker = try LexiconChecker(["com.atproto.repo.defs"])
        let token = "lumiere-fr~access"
        try await SandboxCalls.run { sandbox in
            let did = try #require(
                try await sandbox.call("GET", "bluesky/xrpc/com.atproto.server.getSession", token: token).object["did"] as? String
            )
            let created = try await sandbox.call(
                "POST", "bluesky/xrpc/com.atproto.repo.createRecord", token: token,
                json: ["repo": did, "collection": "app.bsky.feed.post", "record": BlueskyRequestCheckTests.post("bientôt parti")])
            let rkey = try #require((created.object["uri"] as? String)?.split(separator: "/").last.map(String.init))
            let target: [String: Any] = ["repo": did, "collection": "app.bsky.feed.post", "rkey": rkey]
            let foreign = try await sandbox.call(
                "POST", "bluesky/xrpc/com.atproto.repo.deleteRecord", token: "someone-else~t", json: target)
            #expect(foreign.status == 400 && foreign.object["error"] as? String == "InvalidRequest")
            let deleted = try await sandbox.call("POST", "bluesky/xrpc/com.atproto.repo.deleteRecord", token: token, json: target)
            #expect(deleted.status == 200)
            let commit = try #require(deleted.object["commit"])
            #expect(checker.problems(commit, against: "com.atproto.repo.defs#commitMeta") == [])
            let fetched = try await sandbox.call(
                "GET", "bluesky/xrpc/com.atproto.repo.getRecord?repo=\(did)&collection=app.bsky.feed.post&rkey=\(rkey)")
            #expect(fetched.status == 400 && fetched.object["error"] as? String == "RecordNotFound")
            let again = try await sandbox.call("POST", "bluesky/xrpc/com.atproto.repo.deleteRecord", token: token, json: target)
            #expect(again.status == 200 && again.object["commit"] == nil, "deleting what is not there changes nothing")
            let anonymous = try await sandbox.call("POST", "bluesky/xrpc/com.atproto.repo.deleteRecord", json: target)
            #expect(anonymous.status == 401)
        }
    }
}
