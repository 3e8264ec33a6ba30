import Foundation
import GlocalCore
import Testing

struct OAuthProviderTests {
    let attempt = ConnectAttempt(
        state: "s t", sessionKey: "k", accountID: "lumiere-fr-x", network: "x", actor: "a",
        verifier: "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk", redirectURI: "https://glocal.example/connect/x/callback",
        issuedAt: Date(timeIntervalSince1970: 0))

    @Test func everyNetworkHasAFlow() {
        for network in Network.allCases { #expect(OAuthProvider.of(network) != nil, "\(network)") }
        #expect(OAuthProvider.table["pinterest"] != nil && OAuthProvider.table["google_business"] != nil)
    }

    @Test func xAsksForOfflineAccessWithPKCES256() throws {
        let x = try #require(OAuthProvider.of(.x))
        #expect(x.scopes.contains("offline.access") && x.usesPKCE)
        let url = try #require(AuthorizationRequest.url(provider: x, clientID: "client-1", attempt: attempt))
        #expect(
            url.absoluteString
                == "https://x.com/i/oauth2/authorize?response_type=code&client_id=client-1"
                + "&redirect_uri=https%3A%2F%2Fglocal.example%2Fconnect%2Fx%2Fcallback"
                + "&scope=tweet.read%20tweet.write%20users.read%20media.write%20offline.access&state=s%20t"
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256")
    }

    @Test func tiktokNamesItsClientKeyAndGoogleAsksForOfflineAccess() throws {
        let tiktok = try #require(
            AuthorizationRequest.url(provider: OAuthProvider.of(.tiktok)!, clientID: "ck", attempt: attempt))
        #expect(tiktok.absoluteString.contains("client_key=ck&") && tiktok.absoluteString.contains("video.publish"))
        let youtube = try #require(
            AuthorizationRequest.url(provider: OAuthProvider.of(.youtube)!, clientID: "g", attempt: attempt))
        #expect(youtube.absoluteString.hasSuffix("&access_type=offline&prompt=consent"))
    }

    @Test func mastodonURLsAreOnTheAccountsInstance() throws {
        let mastodon = try #require(OAuthProvider.of(.mastodon))
        var onInstance = attempt
        onInstance.instance = URL(string: "https://piaille.fr/")
        let url = try #require(AuthorizationRequest.url(provider: mastodon, clientID: "c", attempt: onInstance))
        #expect(url.absoluteString.hasPrefix("https://piaille.fr/oauth/authorize?"))
        #expect(mastodon.registersPerInstance)
    }

    @Test func theSandboxServesEveryFlowUnderItsNetwork() {
        let sandboxed = OAuthProvider.of(.linkedin)!.inSandbox(URL(string: "http://127.0.0.1:9000/")!)
        #expect(sandboxed.authorizeURL == "http://127.0.0.1:9000/linkedin/oauth/authorize")
        #expect(sandboxed.tokenURL == "http://127.0.0.1:9000/linkedin/oauth/token")
        #expect(sandboxed.scopes == OAuthProvider.of(.linkedin)!.scopes)
    }
}
