import Foundation
import GlocalCore
import GlocalNetworks
import Testing

/// A container that ends in `ERROR` says why in its own field (Meta's docs: Instagram's `status`, Threads'
/// `error_message`): the client asks for that field, and the failure names the reason.
struct ContainerErrorReasonTests {
    /// Answers a container create with its id and every status query with `status`, keeping the queries.
    actor ErroredContainerServer {
        let status: String
        private(set) var statusQueries: [URL] = []

        init(status: String) { self.status = status }

        func answer(_ request: HTTPRequest) -> HTTPResponse {
            if request.method == "POST" { return HTTPResponse(status: 200, body: Data(#"{"id":"17900000000000001"}"#.utf8)) }
            statusQueries.append(request.url)
            return HTTPResponse(status: 200, body: Data(status.utf8))
        }
    }

    struct Transport: HTTPTransport {
        let server: ErroredContainerServer
        func send(_ request: HTTPRequest) async throws -> HTTPResponse { await server.answer(request) }
    }

    static func environment(_ server: ErroredContainerServer) -> ClientEnvironment {
        ClientEnvironment(
            transport: Transport(server: server),
            endpoints: NetworkEndpoints(
                api: [
                    .instagram: URL(string: "https://graph.instagram.example")!,
                    .threads: URL(string: "https://graph.threads.example")!,
                ],
                accountServersWin: false),
            clock: { Date(timeIntervalSince1970: 1_796_000_000) })
    }

    static let credentials = AccountCredentials(accessToken: "t", remoteUserID: "17841405822304914")

    static func post(_ network: Network) -> OutgoingPost {
        OutgoingPost(
            variantID: "c/p/\(network.rawValue)", network: network, accountID: "a", handle: "h", locale: "fr-FR",
            text: "Bonjour",
            media: [MediaFile(path: "assets/a.jpg", publicURL: URL(string: "https://cdn.example/a.jpg")) { Data() }])
    }

    static func fields(_ url: URL) -> String? {
        URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems?.first { $0.name == "fields" }?.value
    }

    @Test func instagramNamesTheReasonFromStatus() async throws {
        let server = ErroredContainerServer(
            status: #"{"id":"17900000000000001","status_code":"ERROR","status":"Error: 2207026 unsupported video format"}"#)
        let outcome = await InstagramClient(environment: Self.environment(server)).publish(
            Self.post(.instagram), credentials: Self.credentials)
        #expect(outcome == .invalidContent("Instagram container ERROR: Error: 2207026 unsupported video format"))
        #expect(Self.fields(try #require(await server.statusQueries.first)) == "status_code,status,id")
    }

    @Test func threadsNamesTheReasonFromErrorMessage() async throws {
        let server = ErroredContainerServer(
            status: #"{"id":"17900000000000001","status":"ERROR","error_message":"FAILED_DOWNLOADING_VIDEO"}"#)
        let outcome = await ThreadsClient(environment: Self.environment(server)).publish(
            Self.post(.threads), credentials: Self.credentials)
        #expect(outcome == .invalidContent("Threads container ERROR: FAILED_DOWNLOADING_VIDEO"))
        #expect(Self.fields(try #require(await server.statusQueries.first)) == "status,error_message,id")
    }
}
