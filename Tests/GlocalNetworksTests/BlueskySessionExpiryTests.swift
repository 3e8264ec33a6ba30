import Foundation
import GlocalCore
import GlocalNetworks
import Testing

/// A PDS's session tokens are JWTs: their `exp` claim sets the stored expiry, so the token keeper refreshes the
/// session before it lapses; an opaque token (the sandbox's) keeps "does not expire".
struct BlueskySessionExpiryTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    /// A JWT-shaped token (unsigned: only its payload is read) whose payload is `claims`.
    static func jwt(_ claims: String) -> String {
        func part(_ text: String) -> String {
            Data(text.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
                .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        }
        return part(#"{"typ":"at+jwt","alg":"ES256K"}"#) + "." + part(claims) + ".c2lnbmF0dXJl"
    }

    @Test func readsTheExpClaimOfAPDSToken() {
        let token = Self.jwt(#"{"scope":"com.atproto.access","sub":"did:plc:abc","iat":1800000000,"exp":1800007200}"#)
        #expect(BlueskySessionExpiry.secondsLeft(of: token, now: Self.now) == 7_200)
        // A payload whose base64url needs its padding put back (length not a multiple of 4).
        #expect(BlueskySessionExpiry.secondsLeft(of: Self.jwt(#"{"exp":1800000061}"#), now: Self.now) == 61)
    }

    @Test(arguments: [
        "lumierefr~access-1", "a.b", "a.!!!.c", jwt(#"{"sub":"did:plc:abc"}"#), jwt(#"{"exp":"soon"}"#), jwt("[1,2]"),
        jwt(#"{"exp":1e300}"#),
    ])
    func anOpaqueOrMalformedTokenHasNoExpiry(token: String) {
        #expect(BlueskySessionExpiry.secondsLeft(of: token, now: Self.now) == nil)
    }

    /// A PDS that answers `refreshSession` with a new pair of JWTs.
    struct RefreshingPDS: HTTPTransport {
        func send(_ request: HTTPRequest) async throws -> HTTPResponse {
            guard request.url.path.hasSuffix("com.atproto.server.refreshSession") else { return HTTPResponse(status: 404) }
            let access = BlueskySessionExpiryTests.jwt(#"{"sub":"did:plc:abc","exp":1800003600}"#)
            let refresh = BlueskySessionExpiryTests.jwt(#"{"sub":"did:plc:abc","exp":1807776000}"#)
            let body = #"{"accessJwt":"\#(access)","refreshJwt":"\#(refresh)","handle":"fr.lumiere.example","did":"did:plc:abc"}"#
            return HTTPResponse(status: 200, headers: ["Content-Type": "application/json"], body: Data(body.utf8))
        }
    }

    @Test func aRefreshedSessionCarriesItsAccessTokensExpiry() async {
        let client = BlueskyClient(
            environment: ClientEnvironment(
                transport: RefreshingPDS(),
                endpoints: NetworkEndpoints(api: [.bluesky: URL(string: "https://pds.example")!], accountServersWin: false),
                clock: { Self.now }))
        let credentials = AccountCredentials(
            accessToken: Self.jwt(#"{"exp":1799999000}"#), refreshToken: Self.jwt(#"{"exp":1807000000}"#),
            remoteUserID: "did:plc:abc")
        guard case .refreshed(let fresh) = await client.refreshCredentials(credentials) else {
            Issue.record("the refresh failed")
            return
        }
        #expect(fresh.expiresAt == Self.now.addingTimeInterval(3_600))
    }
}
