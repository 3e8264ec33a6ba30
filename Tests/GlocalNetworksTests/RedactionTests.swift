import Foundation
import GlocalNetworks
import Testing

/// Tokens never reach descriptions, dumps or outcome reasons.
@Suite struct RedactionTests {
    let credentials = AccountCredentials(
        accessToken: "access-SECRET-123", refreshToken: "refresh-SECRET-456", remoteUserID: "u1",
        clientSecret: "client-SECRET-789")

    @Test func credentialsDescribeThemselvesWithoutSecrets() {
        var dumped = ""
        dump(credentials, to: &dumped)
        for text in [String(describing: credentials), String(reflecting: credentials), "\(credentials)", dumped] {
            #expect(!text.contains("SECRET"), "\(text)")
            #expect(text.contains("u1"))
        }
    }

    @Test func requestDescriptionsDropHeadersAndQuery() {
        let request = HTTPRequest(
            method: "GET", url: URL(string: "https://graph.instagram.com/refresh_access_token?access_token=access-SECRET-123")!,
            headers: ["Authorization": "Bearer access-SECRET-123"])
        #expect(request.description == "GET https://graph.instagram.com/refresh_access_token")
    }

    /// A network that echoes the token in an error reaches us; the outcome must not carry it.
    struct EchoingTransport: HTTPTransport {
        func send(_ request: HTTPRequest) async throws -> HTTPResponse {
            let token = request.headers["Authorization"] ?? ""
            return HTTPResponse(status: 401, body: Data(#"{"error":"bad token \#(token)"}"#.utf8))
        }
    }

    @Test func outcomeReasonsAreRedacted() async {
        let client = MastodonClient(
            environment: ClientEnvironment(
                transport: EchoingTransport(),
                endpoints: NetworkEndpoints(api: [.mastodon: URL(string: "https://m.example")!], accountServersWin: false)))
        let post = OutgoingPost(variantID: "c/p/a", network: .mastodon, accountID: "a", handle: "h", locale: "en", text: "hi")
        let outcome = await client.publish(post, credentials: credentials)
        guard case .reconnectRequired(let reason) = outcome else {
            Issue.record("expected reconnectRequired, got \(outcome)")
            return
        }
        #expect(!reason.contains("SECRET"))
        #expect(reason.contains("<redacted>"))
    }

    @Test func redactorReplacesEveryOccurrence() {
        #expect(SecretRedactor.redact("a tok-1234 b tok-1234", secrets: ["tok-1234"]) == "a <redacted> b <redacted>")
    }

    /// A network that quotes the request URL gives the token back percent-encoded, in either case of hex digits.
    @Test func redactorReplacesTheEncodedFormsToo() {
        let secret = "S3CRET+TOKEN/xyz=!"
        for quoted in [
            "url ?access_token=S3CRET%2BTOKEN%2Fxyz%3D%21&x=1",
            "url ?access_token=S3CRET%2bTOKEN%2fxyz%3d%21", #"{"token":"S3CRET+TOKEN\/xyz=!"}"#,
        ] {
            let redacted = SecretRedactor.redact(quoted, secrets: [secret])
            #expect(redacted.contains("<redacted>") && !redacted.contains("S3CRET"), "\(redacted)")
        }
    }

    /// Threads refreshes with the token in the query string (networks.md); an error that quotes that URL says nothing
    /// of the token or the app secret.
    struct URLQuotingTransport: HTTPTransport {
        func send(_ request: HTTPRequest) async throws -> HTTPResponse {
            let message = "Invalid OAuth access token url \(request.url.absoluteString)"
            return HTTPResponse(status: 400, body: Data(#"{"error":{"message":"\#(message)","code":100}}"#.utf8))
        }
    }

    @Test func aRefreshErrorQuotingTheURLCarriesNoEncodedToken() async {
        let client = ThreadsClient(
            environment: ClientEnvironment(
                transport: URLQuotingTransport(),
                endpoints: NetworkEndpoints(api: [.threads: URL(string: "https://t.example")!], accountServersWin: false)))
        let encodable = AccountCredentials(
            accessToken: "S3CRET+TOKEN/xyz-threads", refreshToken: "R3FRESH+/abc", remoteUserID: "1",
            clientSecret: "CLIENTS3CRET+q/x")
        let outcome = await client.refreshCredentials(encodable)
        let text = "\(outcome)"
        #expect(!text.contains("S3CRET") && !text.contains("R3FRESH"), "\(text)")
        #expect(text.contains("<redacted>"), "the answer quoting the URL reaches the outcome: \(text)")
    }
}
