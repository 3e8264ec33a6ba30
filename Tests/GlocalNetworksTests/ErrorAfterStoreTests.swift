import Foundation
import GlocalCore
import GlocalNetworks
import GlocalSandbox
import Testing

/// A 5xx that comes back after the network stored the post, the worst passing failure: tried again as the dispatcher
/// tries again (an unknown outcome is looked up first with the saved receipt; a passing one is sent again without
/// it), the post is out once on every network.
@Suite struct ErrorAfterStoreTests {
    @Test(arguments: ClientCase.all)
    func aPostStoredBeforeAServerErrorIsOutOnceAfterTheRetry(_ clientCase: ClientCase) async throws {
        try await SandboxHarness.run { sandbox in
            await sandbox.state.inject(
                SandboxFault(network: clientCase.sandboxNetwork, account: clientCase.accountKey, kind: .errorAfterStore))
            let client = clientCase.make(sandbox.environment)
            let pending = PendingBox()
            let first = await client.publish(
                clientCase.post, credentials: clientCase.credentials, pending: nil, onPending: pending.recorder)
            // A client that looks its post up itself (Bluesky, on its derived record key) may find it at once.
            #expect(first.isTransient || first.isUnknown || first.receipt != nil, "got \(first)")
            let stored = try #require(await sandbox.posts(clientCase).first, "the fault comes after the post is stored")
            var receipt = first.receipt
            if receipt == nil, first.isUnknown,
                case .found(let found) = await client.lookUp(
                    clientCase.post, pending: await pending.last, credentials: clientCase.credentials)
            {
                receipt = found
            }
            if receipt == nil {
                let again = await client.publish(
                    clientCase.post, credentials: clientCase.credentials, pending: first.isUnknown ? await pending.last : nil,
                    onPending: pending.recorder)
                switch again {
                case .published(let out), .duplicate(.some(let out)): receipt = out
                case .duplicate(.none):
                    if case .found(let found) = await client.lookUp(
                        clientCase.post, pending: nil, credentials: clientCase.credentials)
                    {
                        receipt = found
                    }
                default: Issue.record("the retry got \(again)")
                }
            }
            #expect(await sandbox.posts(clientCase).count == 1, "the post went out twice")
            #expect(receipt?.remoteID == stored.id, "got \(String(describing: receipt))")
        }
    }

    /// X: "Every response includes rate limit information" (x-api_fundamentals_response-codes-and-errors.mdx), the
    /// 5xx that follows a stored post too.
    @Test func xsErrorAfterTheStoreKeepsTheRateLimitHeaders() async throws {
        try await SandboxHarness.run { sandbox in
            let x = try #require(ClientCase.all.first { $0.network == .x })
            await sandbox.state.inject(SandboxFault(network: "x", account: x.accountKey, kind: .errorAfterStore))
            let base = try #require(sandbox.environment.endpoints.apiBase(.x, credentials: x.credentials))
            let response = try await sandbox.environment.transport.send(
                HTTPRequest(
                    method: "POST", url: base.appendingPathComponent("2/tweets"),
                    headers: ["Authorization": "Bearer \(x.credentials.accessToken)", "Content-Type": "application/json"],
                    body: Data(#"{"text":"Bonjour"}"#.utf8)))
            #expect(response.status == 503)
            #expect(response.headers["x-rate-limit-limit"] != nil && response.headers["x-rate-limit-remaining"] != nil)
            #expect(await sandbox.posts(x).count == 1)
        }
    }
}
