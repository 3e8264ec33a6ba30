import Foundation
import GlocalCore
import GlocalDispatch
import GlocalNetworks
import GlocalSandbox
import GlocalStore
import Testing

/// The live rate-limit headers, end to end against the sandbox over loopback: when a successful
/// post's answer says the account's quota is spent, the account is held until the reset, so the next
/// post waits instead of drawing a 429. The sandbox and the dispatcher share one simulated time.
struct QuotaHoldTests {
    static let slot = DispatchHarness.slot

    @Test func aPostThatSpendsTheQuotaHoldsTheAccountUntilTheResetAndNo429IsTaken() async throws {
        let refusals = RefusalCount()
        try await DispatchHarness.run(perAccount: 2, transport: { CountingRefusals(base: $0, count: refusals) }) {
            dispatcher, store, sandbox, clock, variants in
            // Another app has already tweeted 99 times from the X account in this window (100 per 15 min).
            let x = try #require(dispatcher.clients[.x])
            let account = try #require(DispatchHarness.accounts.first { $0.network == .x })
            for index in 0..<99 {
                let post = OutgoingPost(
                    variantID: "elsewhere/\(index)", network: .x, accountID: account.id, handle: "lumiere", locale: "fr-FR",
                    text: "Posté ailleurs n°\(index)")
                guard case .published = await x.publish(post, credentials: account.credentials) else {
                    Issue.record("tweet \(index) from elsewhere not published")
                    return
                }
            }
            func tweets() async -> Int { await sandbox.storedPosts(network: "x").filter { $0.kind == "post" }.count }
            func advance(_ seconds: TimeInterval) async {
                clock.advance(by: seconds)
                await sandbox.advance(by: seconds)
            }
            let reset = Self.slot.addingTimeInterval(900)

            // Our first tweet is the window's 100th: the answer says 0 left, reset at +15 min.
            let first = try await dispatcher.runOnce()
            #expect(first.map(\.outcome) == ["published", "published", "published"])
            #expect(await tweets() == 100)
            #expect(try store.publishQueue.holds(account: "lum-fr-x").rateLimitedUntil == reset)
            #expect(try store.publishQueue.holds(account: "lum-fr-mastodon").rateLimitedUntil == nil)

            // At +10 min the second posts fall due: Mastodon and Bluesky publish, X is not even claimed.
            await advance(600)
            let second = try await dispatcher.runOnce()
            #expect(second.map(\.accountID).sorted() == ["lum-fr-bluesky", "lum-fr-mastodon"])
            #expect(second.allSatisfy { $0.outcome == "published" })
            let waiting = try #require(variants.first { $0.accountID == "lum-fr-x" && $0.postID == "post-1" })
            let job = try #require(try store.publishQueue.job(forVariant: waiting.id))
            #expect(job.attempt == 0 && job.lastError == nil)
            #expect(try store.variant(waiting.id)?.state == .scheduled)
            #expect(await refusals.value == 0)
            // Sending it now would have drawn the 429 the hold avoided (the one 429 of the test).
            let probe = OutgoingPost(
                variantID: "elsewhere/probe", network: .x, accountID: account.id, handle: "lumiere", locale: "fr-FR",
                text: "Sonde")
            let refused = await x.publish(probe, credentials: account.credentials)
            guard case .rateLimited = refused else {
                Issue.record("the sandbox's window should be spent: \(refused)")
                return
            }
            #expect(await refusals.value == 1)

            // Nothing until the reset, to the second; then it goes out, first time.
            await advance(299)
            #expect(try await dispatcher.runOnce().isEmpty)
            #expect(await tweets() == 100)
            await advance(1)
            let third = try await dispatcher.runOnce()
            #expect(third.map(\.outcome) == ["published"] && third.map(\.accountID) == ["lum-fr-x"])
            #expect(await tweets() == 101)
            #expect(try store.publishQueue.job(forVariant: waiting.id)?.attempt == 1)
            #expect(try store.variant(waiting.id)?.state == .published)
            #expect(await refusals.value == 1)
        }
    }
}

/// How many 429 answers came back through a ``CountingRefusals`` transport.
actor RefusalCount {
    private(set) var value = 0

    func add() { value += 1 }
}

/// A transport that counts the 429 answers of the one it wraps.
struct CountingRefusals: HTTPTransport {
    let base: any HTTPTransport
    let count: RefusalCount

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let response = try await base.send(request)
        if response.status == 429 { await count.add() }
        return response
    }
}
