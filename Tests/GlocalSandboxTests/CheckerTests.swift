import Foundation
import Testing

/// The checkers catch what the sandbox used to answer before it was held to the specs (issue 12's findings).
@Suite struct CheckerTests {
    @Test func lexiconCheckerRejectsTheOldBlueskyAnswers() throws {
        let checker = try LexiconChecker(BlueskyAnswerTests.lexicons)
        let session: [String: Any] = ["accessJwt": "a", "refreshJwt": "r", "did": "lumierefr", "handle": "lumierefr.sandbox"]
        #expect(checker.outputProblems(session, of: "com.atproto.server.refreshSession").contains { $0.hasPrefix("$.did") })
        let view: [String: Any] = [
            "posts": [
                [
                    "uri": "at://did:plc:ewvi7nxzyoun6zhxrhs64oiz/app.bsky.feed.post/3l2ayqbbxs22c",
                    "cid": "bafyreisandbox-3l2ayqbbxs22c", "author": ["did": "did:plc:ewvi7nxzyoun6zhxrhs64oiz"],
                    "indexedAt": "2026-12-01T09:00:00.000Z",
                ]
            ]
        ]
        let problems = checker.outputProblems(view, of: "app.bsky.feed.getPosts")
        #expect(problems.contains("$.posts[0].record: required"))
        #expect(problems.contains("$.posts[0].author.handle: required"))
        #expect(problems.contains { $0.hasPrefix("$.posts[0].cid") })
        let record: [String: Any] = [
            "$type": "app.bsky.feed.post", "text": String(repeating: "é", count: 301), "createdAt": "2026-12-01 09:00",
        ]
        let recordProblems = checker.problems(record, against: "app.bsky.feed.post")
        #expect(recordProblems.contains { $0.contains("graphemes") } && recordProblems.contains { $0.hasPrefix("$.createdAt") })
        #expect(AtprotoSyntax.cidV1("bafyreisandboxabc") == nil)
    }

    @Test func openAPICheckerRejectsAnXErrorWithoutType() throws {
        let spec = try OpenAPIChecker("x/xdk-latest-openapi.json")
        let schema = try #require(spec.responseSchema("POST", "/2/tweets", status: 400, contentType: "application/problem+json"))
        #expect(
            spec.problems(["title": "Invalid Request", "detail": "text is required", "status": 400], against: schema)
                .contains("$.type: required"))
        let created = try #require(spec.responseSchema("POST", "/2/tweets", status: 201, contentType: "application/json"))
        #expect(!spec.problems(["data": ["id": "lumiere-1", "text": "x"]], against: created).isEmpty, "ids are numeric")
    }

    @Test func entityDocRejectsTheOldMastodonStatus() throws {
        let status = try MastodonEntityDoc("mastodon/Status.md")
        let old: [String: Any] = [
            "id": "110000000000000001", "created_at": "2026-12-01T09:00:00.000Z", "content": "<p>x</p>",
            "url": "https://mastodon.sandbox/@a/1", "uri": "https://mastodon.sandbox/users/a/statuses/1",
            "visibility": "public", "in_reply_to_id": NSNull(), "favourites_count": 1, "reblogs_count": 0, "replies_count": 0,
        ]
        let problems = status.problems(old)
        #expect(problems.contains("account: missing") && problems.contains("media_attachments: missing"))
        #expect(status.problems(["id": 1]).contains("id: not a string"))
    }
}
