import Foundation
import GlocalCore
import GlocalNetworks
import GlocalSandbox
import Testing

/// The suite every client passes against the sandbox, over real HTTP through `URLSessionTransport`.
@Suite struct ConformanceTests {
    @Test(arguments: ClientCase.all)
    func publishStoresThePostWithTheNetworksWireBody(_ clientCase: ClientCase) async throws {
        try await SandboxHarness.run { sandbox in
            let client = clientCase.make(sandbox.environment)
            let post = clientCase.post
            let outcome = await client.publish(post, credentials: clientCase.credentials)
            guard case .published(let receipt) = outcome else {
                Issue.record("expected published, got \(outcome)")
                return
            }
            let posts = await sandbox.posts(clientCase)
            #expect(posts.count == 1)
            let stored = try #require(posts.first)
            #expect(stored.id == receipt.remoteID)
            #expect(stored.account == clientCase.accountKey)
            try WireExpectations.check(
                clientCase, post: post, stored: stored, all: await sandbox.stored(clientCase), receipt: receipt)
        }
    }

    @Test(arguments: ClientCase.all)
    func lookUpFindsThePublishedPost(_ clientCase: ClientCase) async throws {
        try await SandboxHarness.run { sandbox in
            let client = clientCase.make(sandbox.environment)
            let pending = PendingBox()
            let outcome = await client.publish(
                clientCase.post, credentials: clientCase.credentials, pending: nil, onPending: pending.recorder)
            let published = try #require(outcome.receipt)
            let found = await client.lookUp(clientCase.post, pending: await pending.last, credentials: clientCase.credentials)
            #expect(found == .found(published) || found.remoteID == published.remoteID)
            let unrelated = await client.lookUp(
                OutgoingPost(
                    variantID: "other/post/\(clientCase.name)", network: clientCase.network,
                    accountID: "lum-fr-\(clientCase.name)",
                    handle: "lumiere.fr", locale: "fr-FR", text: "Un tout autre texte"),
                pending: nil, credentials: clientCase.credentials)
            #expect(unrelated == .notFound)
        }
    }

    @Test(arguments: ClientCase.all)
    func publishingAgainResolvesToTheExistingPost(_ clientCase: ClientCase) async throws {
        try await SandboxHarness.run { sandbox in
            let client = clientCase.make(sandbox.environment)
            let pending = PendingBox()
            let first = try #require(
                await client.publish(
                    clientCase.post, credentials: clientCase.credentials, pending: nil, onPending: pending.recorder
                ).receipt)
            let second = await client.publish(
                clientCase.post, credentials: clientCase.credentials, pending: await pending.last, onPending: pending.recorder)
            if clientCase.network == .mastodon {
                // Mastodon replays the status stored under the same Idempotency-Key: same id, nothing new.
                #expect(second == .published(first))
            } else {
                guard case .duplicate(let existing) = second else {
                    Issue.record("expected duplicate, got \(second)")
                    return
                }
                #expect(existing?.remoteID == first.remoteID)
            }
            #expect(await sandbox.posts(clientCase).count == 1)
        }
    }

    @Test(arguments: ClientCase.all)
    func metricsGrowWithTheAgeOfThePost(_ clientCase: ClientCase) async throws {
        try await SandboxHarness.run { sandbox in
            let client = clientCase.make(sandbox.environment)
            let receipt = try #require(await client.publish(clientCase.post, credentials: clientCase.credentials).receipt)
            await sandbox.state.advance(by: 6 * 3600)
            guard case .fetched(let early) = await client.fetchMetrics(receipt, credentials: clientCase.credentials) else {
                Issue.record("metrics not fetched")
                return
            }
            #expect(early.fetchedAt == sandbox.now)
            #expect(!early.counters.isEmpty)
            await sandbox.state.advance(by: 48 * 3600)
            guard case .fetched(let later) = await client.fetchMetrics(receipt, credentials: clientCase.credentials) else {
                Issue.record("metrics not fetched")
                return
            }
            #expect(later.counters.values.reduce(0, +) > early.counters.values.reduce(0, +))
        }
    }

    @Test(arguments: ClientCase.all)
    func refreshGivesNewTokensAndNeverBlanksTheRefreshToken(_ clientCase: ClientCase) async throws {
        try await SandboxHarness.run { sandbox in
            let client = clientCase.make(sandbox.environment)
            guard case .refreshed(let fresh) = await client.refreshCredentials(clientCase.credentials) else {
                Issue.record("refresh failed")
                return
            }
            if clientCase.refreshCallsNetwork {
                #expect(fresh.accessToken != clientCase.credentials.accessToken)
                #expect(fresh.accessToken.hasPrefix(clientCase.credentials.accessToken.split(separator: "~")[0] + "~access-"))
            } else {
                #expect(fresh == clientCase.credentials)
            }
            if clientCase.credentials.refreshToken != nil { #expect(fresh.refreshToken?.isEmpty == false) }
            // The new token works.
            #expect(await client.publish(clientCase.post, credentials: fresh).receipt != nil)
        }
    }
}

extension LookUpOutcome {
    var remoteID: String? { if case .found(let receipt) = self { return receipt.remoteID } else { return nil } }
}
