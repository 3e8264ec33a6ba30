import Foundation
import GlocalCore
import GlocalNetworks
import GlocalSandbox
import Testing

/// One test per injected fault, for every client.
@Suite struct FaultTests {
    private func inject(
        _ kind: SandboxFault.Kind, _ clientCase: ClientCase, _ sandbox: SandboxHarness, seconds: Double? = nil,
        anyAccount: Bool = false
    ) async {
        await sandbox.state.inject(
            SandboxFault(
                network: clientCase.sandboxNetwork, account: anyAccount ? nil : clientCase.accountKey, kind: kind, count: 1,
                seconds: seconds))
    }

    @Test(arguments: ClientCase.all)
    func rateLimitGivesTheResetFromTheHeaders(_ clientCase: ClientCase) async throws {
        try await SandboxHarness.run { sandbox in
            await inject(.rateLimit, clientCase, sandbox, seconds: 120)
            let outcome = await clientCase.make(sandbox.environment).publish(clientCase.post, credentials: clientCase.credentials)
            // LinkedIn sends no reset header: its daily limits reset at midnight UTC.
            let expected =
                clientCase.network == .linkedin
                ? Date(timeIntervalSince1970: 1_796_169_600) : sandbox.now.addingTimeInterval(120)
            #expect(outcome == .rateLimited(until: expected))
            #expect(await sandbox.posts(clientCase).isEmpty)
        }
    }

    /// A 5xx is a passing failure; where the network has no idempotency key (Pinterest, Google Business Profile) and
    /// the 5xx answers the create itself, the post may be out, so the outcome is unknown and the retry looks first.
    @Test(arguments: ClientCase.all)
    func serverErrorIsTransient(_ clientCase: ClientCase) async throws {
        try await SandboxHarness.run { sandbox in
            await inject(.serverError, clientCase, sandbox)
            let outcome = await clientCase.make(sandbox.environment).publish(clientCase.post, credentials: clientCase.credentials)
            if [.pinterest, .googleBusiness].contains(clientCase.network) {
                #expect(outcome.isUnknown, "got \(outcome)")
            } else {
                #expect(outcome.isTransient, "got \(outcome)")
            }
            #expect(await sandbox.posts(clientCase).isEmpty)
        }
    }

    /// The sandbox stores the post and holds its answer; the storing call gives up as timed out exactly then (the
    /// hold is its timeout, so neither a clock nor a loaded machine decides), and the answer is released only after
    /// the client has returned.
    @Test(arguments: ClientCase.all)
    func slowAnswerIsUnknownAndTheLookUpFindsThePost(_ clientCase: ClientCase) async throws {
        try await SandboxHarness.run(holdingSlowAnswer: true) { sandbox in
            let hold = try #require(sandbox.answerHold)
            await inject(.slow, clientCase, sandbox)
            try await expectUnknownThenReconciled(clientCase, sandbox, heldBy: hold)
        }
    }

    @Test(arguments: ClientCase.all)
    func droppedConnectionIsUnknownAndARetryNeverDoublePosts(_ clientCase: ClientCase) async throws {
        try await SandboxHarness.run { sandbox in
            await inject(.dropAfterStore, clientCase, sandbox)
            try await expectUnknownThenReconciled(clientCase, sandbox)
        }
    }

    private func expectUnknownThenReconciled(
        _ clientCase: ClientCase, _ sandbox: SandboxHarness, heldBy hold: SandboxAnswerHold? = nil
    ) async throws {
        let client = clientCase.make(sandbox.environment)
        let pending = PendingBox()
        let outcome = await client.publish(
            clientCase.post, credentials: clientCase.credentials, pending: nil, onPending: pending.recorder)
        if let hold {
            // The client returned while the answer was still held: it timed out, it was not answered late.
            #expect(await hold.isStored)
            await hold.release()
            guard case .unknown(let reason) = outcome else {
                Issue.record("expected unknown after the timeout, got \(outcome)")
                return
            }
            #expect(reason.contains("no answer from 127.0.0.1:"), "got \(reason)")
        }
        #expect(outcome.isUnknown, "got \(outcome)")
        let stored = try #require(await sandbox.posts(clientCase).first)
        // The fault fired once; what follows gets the normal timeout, so a loaded machine cannot fail it.
        let later = clientCase.make(sandbox.relaxedEnvironment)
        let found = await later.lookUp(clientCase.post, pending: await pending.last, credentials: clientCase.credentials)
        #expect(found.remoteID == stored.id, "got \(found)")
        // Even a retry that ignored the look-up resolves to the stored post.
        let retry = await later.publish(
            clientCase.post, credentials: clientCase.credentials, pending: await pending.last, onPending: pending.recorder)
        #expect(retry.receipt?.remoteID == stored.id, "got \(retry)")
        #expect(await sandbox.posts(clientCase).count == 1)
    }

    @Test(arguments: ClientCase.all)
    func expiredTokenRequiresReconnect(_ clientCase: ClientCase) async throws {
        try await SandboxHarness.run { sandbox in
            await inject(.expiredToken, clientCase, sandbox)
            let outcome = await clientCase.make(sandbox.environment).publish(clientCase.post, credentials: clientCase.credentials)
            #expect(outcome.isReconnect, "got \(outcome)")
            #expect(!outcome.description.contains(clientCase.credentials.accessToken))
        }
    }

    @Test(arguments: ClientCase.all.filter(\.refreshCallsNetwork))
    func transientRefreshFailureIsNotReconnect(_ clientCase: ClientCase) async throws {
        try await SandboxHarness.run { sandbox in
            await inject(.serverError, clientCase, sandbox, anyAccount: true)
            let outcome = await clientCase.make(sandbox.environment).refreshCredentials(clientCase.credentials)
            guard case .transient(let reason) = outcome else {
                Issue.record("expected transient, got \(outcome)")
                return
            }
            for secret in clientCase.credentials.secrets { #expect(!reason.contains(secret)) }
        }
    }

    @Test(arguments: ClientCase.all.filter(\.refreshCallsNetwork))
    func deadRefreshTokenRequiresReconnect(_ clientCase: ClientCase) async throws {
        try await SandboxHarness.run { sandbox in
            await inject(.expiredToken, clientCase, sandbox, anyAccount: true)
            let outcome = await clientCase.make(sandbox.environment).refreshCredentials(clientCase.credentials)
            guard case .reconnectRequired = outcome else {
                Issue.record("expected reconnectRequired, got \(outcome)")
                return
            }
        }
    }

    @Test func blueskyExpiredTokenIsHTTP400AndStillReconnect() async throws {
        try await SandboxHarness.run { sandbox in
            let bluesky = try #require(ClientCase.all.first { $0.network == .bluesky })
            await inject(.expiredToken, bluesky, sandbox)
            let outcome = await bluesky.make(sandbox.environment).publish(bluesky.post, credentials: bluesky.credentials)
            #expect(outcome == .reconnectRequired("Bluesky: ExpiredToken"))
        }
    }
}
