import Foundation
import GlocalCore
import GlocalNetworks
import Testing

/// The transport follows no redirect: URLSession would re-send a 307/308 POST (body and `Authorization`
/// included) to the `Location` without the dispatcher knowing. A raw-socket server answers the redirect
/// and a second one, the `Location`, records whatever would have arrived there.
struct TransportRedirectTests {
    private static func request(_ method: String, _ port: UInt16, _ path: String) -> HTTPRequest {
        HTTPRequest(
            method: method, url: URL(string: "http://127.0.0.1:\(port)\(path)")!,
            headers: ["Content-Type": "application/json", "Authorization": "Bearer secret-token-r"],
            body: method == "POST" ? Data("{\"text\":\"Hydra\"}".utf8) : nil)
    }

    @Test(arguments: [301, 302, 303, 307, 308])
    func aRedirectedPostIsAnsweredAsItCameAndNothingArrivesAtTheLocation(status: Int) async throws {
        let target = try RecordingHTTPServer { _ in .answer }
        let location = "http://127.0.0.1:\(target.port)/moved/posts"
        let server = try RecordingHTTPServer { _ in .redirect(status: status, location: location) }
        let response = try await URLSessionTransport(timeout: 20).send(Self.request("POST", server.port, "/posts"))
        let redirecting = server.stop()
        let arrivedAtLocation = target.stop()

        #expect(response.status == status)
        #expect(response.header("location") == location)
        #expect(arrivedAtLocation.isEmpty, "the redirect was followed: \(arrivedAtLocation)")
        #expect(redirecting.joined().components(separatedBy: "POST /posts ").count - 1 == 1)
    }

    @Test func aRedirectedGetIsNotFollowedEither() async throws {
        let target = try RecordingHTTPServer { _ in .answer }
        let server = try RecordingHTTPServer { _ in .redirect(status: 302, location: "http://127.0.0.1:\(target.port)/elsewhere")
        }
        let response = try await URLSessionTransport(timeout: 20).send(Self.request("GET", server.port, "/posts?id=1"))
        _ = server.stop()
        let arrivedAtLocation = target.stop()

        #expect(response.status == 302)
        #expect(arrivedAtLocation.isEmpty)
    }

    @Test func aClientMakesARedirectedPostAPermanentFailureNamingTheLocation() async throws {
        let target = try RecordingHTTPServer { _ in .answer }
        let location = "http://127.0.0.1:\(target.port)/v2/posts?signature=secret-signature"
        let server = try RecordingHTTPServer { _ in .redirect(status: 307, location: location) }
        let endpoints = NetworkEndpoints(
            api: [:], webhook: URL(string: "http://127.0.0.1:\(server.port)")!, accountServersWin: false)
        let client = WebhookClient(
            network: .youtube, environment: ClientEnvironment(transport: URLSessionTransport(timeout: 20), endpoints: endpoints))
        let post = OutgoingPost(
            variantID: "hydra-launch/teaser/lum-fr-yt", network: .youtube, accountID: "lum-fr-yt", handle: "lumiere",
            locale: "fr-FR", text: "Hydra", title: "Hydra", link: nil, linkPlacement: .none, media: [])
        let outcome = await client.publish(
            post, credentials: AccountCredentials(accessToken: "wh~secret-access-w"), pending: nil, onPending: { _ in })
        _ = server.stop()
        let arrivedAtLocation = target.stop()

        #expect(arrivedAtLocation.isEmpty)
        guard case .permanent(let reason) = outcome else {
            Issue.record("a redirected POST is a permanent failure, got \(outcome)")
            return
        }
        #expect(reason.contains("HTTP 307"))
        #expect(reason.contains("http://127.0.0.1:\(target.port)/v2/posts"))
        #expect(!reason.contains("secret"), "the Location's query may carry a signature: \(reason)")
    }

    @Test func onlyA3xxIsARedirectAndItsLocationLosesQueryAndFragment() {
        #expect(HTTPRedirect(HTTPResponse(status: 200)) == nil)
        #expect(HTTPRedirect(HTTPResponse(status: 400, headers: ["Location": "https://x.example/"])) == nil)
        let redirect = HTTPRedirect(HTTPResponse(status: 308, headers: ["Location": "https://api.example/v3/posts?token=t#f"]))
        #expect(redirect?.status == 308)
        #expect(redirect?.location == "https://api.example/v3/posts?…")
        let bare = HTTPRedirect(HTTPResponse(status: 304))
        #expect(bare?.location == nil)
        let request = HTTPRequest(method: "POST", url: URL(string: "https://api.example/v2/posts?access_token=t")!)
        #expect(
            bare?.outcome(of: request)
                == .permanent(
                    "POST https://api.example/v2/posts was redirected (HTTP 304) without a Location;"
                        + " glocal never follows a redirect (it would re-send the request)"))
    }
}
