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

    // Serialized, and a tight timeout only on the storing call: the client must be beaten by the injected delay
    // alone, never by a loaded machine.
    @Test(.serialized, arguments: ClientCase.all)
    func slowAnswerIsUnknownAndTheLookUpFindsThePost(_ clientCase: ClientCase) async throws {
        // The storing call must reach the in-process sandbox before its timeout even when a full test run keeps the
        // machine busy (8 s was once too short for X's), and the answer must come well after it.
        try await SandboxHarness.run(storingTimeout: 20) { sandbox in
            await inject(.slow, clientCase, sandbox, seconds: 30)
            try await expectUnknownThenReconciled(clientCase, sandbox)
        }
    }

    @Test(arguments: ClientCase.all)
    func droppedConnectionIsUnknownAndARetryNeverDoublePosts(_ clientCase: ClientCase) async throws {
        try await SandboxHarness.run { sandbox in
            await inject(.dropAfterStore, clientCase, sandbox)
            try await expectUnknownThenReconciled(clientCase, sandbox)
        }
    }

    private func expectUnknownThenReconciled(_ clientCase: ClientCase, _ sandbox: SandboxHarness) async throws {
        let client = clientCase.make(sandbox.environment)
        let pending = PendingBox()
        let outcome = await client.publish(
            clientCase.post, credentials: clientCase.credentials, pending: nil, onPending: pending.recorder)
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
