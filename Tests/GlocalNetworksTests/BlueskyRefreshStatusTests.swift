import Foundation
import GlocalCore
import GlocalNetworks
import Testing

/// A refreshed session of an account that is not active (`refreshSession`'s `active: false` and `status`) holds the
/// account with the reason instead of storing a session that cannot post.
struct BlueskyRefreshStatusTests {
    /// A PDS whose `refreshSession` answers with `extra` fields beside a new token pair.
    struct PDS: HTTPTransport {
        let extra: String

        func send(_ request: HTTPRequest) async throws -> HTTPResponse {
            guard request.url.path.hasSuffix("com.atproto.server.refreshSession") else { return HTTPResponse(status: 404) }
            let body = #"{"accessJwt":"a2","refreshJwt":"r2","handle":"fr.lumiere.example","did":"did:plc:abc"\#(extra)}"#
            return HTTPResponse(status: 200, headers: ["Content-Type": "application/json"], body: Data(body.utf8))
        }
    }

    static func refresh(_ extra: String) async -> RefreshOutcome {
        let client = BlueskyClient(
            environment: ClientEnvironment(
                transport: PDS(extra: extra),
                endpoints: NetworkEndpoints(api: [.bluesky: URL(string: "https://pds.example")!], accountServersWin: false),
                clock: { Date(timeIntervalSince1970: 1_800_000_000) }))
        return await client.refreshCredentials(
            AccountCredentials(accessToken: "a1", refreshToken: "r1", remoteUserID: "did:plc:abc"))
    }

    @Test func aDeactivatedAccountIsHeldWithItsStatus() async {
        let outcome = await Self.refresh(#","active":false,"status":"deactivated""#)
        #expect(outcome == .reconnectRequired(BlueskyHostingStatus.refusal(active: false, status: "deactivated")!))
    }

    @Test func anActiveOrUnsaidStatusRefreshes() async {
        for extra in ["", #","active":true"#, #","active":true,"status":"active""#] {
            guard case .refreshed(let fresh) = await Self.refresh(extra) else {
                Issue.record("not refreshed with \(extra)")
                continue
            }
            #expect(fresh.accessToken == "a2" && fresh.refreshToken == "r2")
        }
    }
}
