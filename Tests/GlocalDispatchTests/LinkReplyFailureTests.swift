import Foundation
import GlocalCore
import GlocalDispatch
import GlocalNetworks
import GlocalSandbox
import GlocalStore
import Testing

/// A post whose link reply the network refused is out without its link: it stays `published` (never sent again), and
/// the round's report, the variant's history, its job and the failure alert say what is missing.
struct LinkReplyFailureTests {
    static let link = "https://lumiere.example/fr-FR/hydra"

    @Test func aFailedLinkReplyIsToldAndThePostIsNeverSentAgain() async throws {
        try await DispatchHarness.run(replyLink: Self.link, transport: { FailingMastodonReplies(base: $0) }) {
            dispatcher, store, sandbox, clock, variants in
            let mastodon = try #require(variants.first { $0.network == .mastodon })
            _ = try store.notifications.scanFailures(now: clock.now) { _ in [] }
            let reports = try await dispatcher.runOnce()
            #expect(reports.map(\.outcome) == ["published", "published", "published"])
            let report = try #require(reports.first { $0.network == .mastodon })
            let note = try #require(report.note)
            #expect(note.hasPrefix("published without its link: the reply with the link failed (transient failure: "))
            #expect(note.hasSuffix("): add the link as a reply to the post by hand"))
            #expect(report.reason == note)
            // The other networks' replies went out: nothing to say of them.
            #expect(reports.filter { $0.network != .mastodon }.allSatisfy { $0.note == nil && $0.reason == nil })
            #expect(try store.variant(mastodon.id)?.state == .published)
            #expect(try store.publishQueue.job(forVariant: mastodon.id)?.lastError == note)
            #expect(LinkReplyFailure.latestNote(in: try store.auditEvents(variant: mastodon.id)) == note)
            var told: [FailedPost] = []
            _ = try store.notifications.scanFailures(now: clock.now) { posts in
                told = posts
                return []
            }
            #expect(told.map(\.variantID) == [mastodon.id] && told.first?.publishedWithoutLink == true)
            // Later rounds send nothing more: one post, no reply, on Mastodon.
            clock.advance(by: 3_600)
            #expect(try await dispatcher.runOnce().isEmpty)
            let stored = await sandbox.storedPosts(network: "mastodon")
            #expect(stored.filter { $0.kind == "post" }.count == 1 && stored.filter { $0.kind == "reply" }.isEmpty)
        }
    }
}

/// A transport that answers every Mastodon link reply (a status in reply to another) with a 500 of its own.
struct FailingMastodonReplies: HTTPTransport {
    let base: any HTTPTransport

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        if request.method == "POST", request.url.path.hasSuffix("/api/v1/statuses"),
            let body = request.body, String(decoding: body, as: UTF8.self).contains("in_reply_to_id")
        {
            return HTTPResponse(status: 500, headers: ["content-type": "application/json"], body: Data(#"{"error":"boom"}"#.utf8))
        }
        return try await base.send(request)
    }
}
