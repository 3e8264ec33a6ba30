import Foundation
import GlocalCore
import GlocalNetworks
import GlocalSandbox
import Testing

/// A Facebook Page video without a public URL goes up through Meta's Resumable Upload API and is published with its
/// handle, on the `graph-video` host in production; with a public URL it stays `file_url`.
@Suite struct FacebookVideoUploadTests {
    static let base = ClientCase.plain.first { $0.network == .facebook }!

    /// Every call and its answer, in order.
    actor Exchanges {
        private(set) var calls: [(request: HTTPRequest, response: HTTPResponse)] = []
        func record(_ request: HTTPRequest, _ response: HTTPResponse) { calls.append((request, response)) }
    }

    /// Forwards to `inner` and records each exchange.
    struct RecordingTransport: HTTPTransport {
        let inner: any HTTPTransport
        let exchanges: Exchanges
        func send(_ request: HTTPRequest) async throws -> HTTPResponse {
            let response = try await inner.send(request)
            await exchanges.record(request, response)
            return response
        }
    }

    /// Answers like the Graph API from fixed bodies, by path, recording each request.
    struct CannedGraph: HTTPTransport {
        let exchanges: Exchanges
        let text: String
        func send(_ request: HTTPRequest) async throws -> HTTPResponse {
            let path = request.url.path
            let body: Any =
                path.hasSuffix("/uploads")
                ? ["id": "upload:MTpjYW5uZWQ?sig=ARZcanned"]
                : path.contains("/upload:")
                    ? ["h": "2:Y2FubmVk"]
                    : path.hasSuffix("/videos")
                        ? ["id": "301"]
                        : path.hasSuffix("/feed") ? ["data": [["id": "102938475610293_1", "message": text]]] : ["id": "1_2"]
            let response = HTTPResponse(status: 200, headers: [:], body: try JSONSerialization.data(withJSONObject: body))
            await exchanges.record(request, response)
            return response
        }
    }

    /// A post carrying a 10-byte `clip.mp4`, with or without a public URL.
    static func post(publicURL: Bool) -> OutgoingPost {
        var post = base.post
        post.media = [
            MediaFile(
                path: "assets/hydra/clip.mp4", publicURL: publicURL ? URL(string: "https://cdn.lumiere.example/clip.mp4") : nil
            ) { Data(repeating: 7, count: 10) }
        ]
        return post
    }

    /// The path of a request after the sandbox's `/facebook/<version>/` prefix.
    static func route(_ request: HTTPRequest) -> String {
        request.url.path.split(separator: "/").dropFirst(2).joined(separator: "/")
    }

    /// A string member of a JSON object body.
    static func member(_ body: Data, _ name: String) -> String? {
        ((try? JSONSerialization.jsonObject(with: body)) as? [String: Any])?[name] as? String
    }

    @Test func aVideoWithoutAPublicURLGoesSessionThenBytesThenVideosWithTheHandleAndIsPostedOnce() async throws {
        try await SandboxHarness.run { sandbox in
            let exchanges = Exchanges()
            var environment = sandbox.environment
            environment.transport = RecordingTransport(inner: sandbox.environment.transport, exchanges: exchanges)
            let post = Self.post(publicURL: false)
            let outcome = await FacebookClient(environment: environment).publish(post, credentials: Self.base.credentials)
            let receipt = try #require(outcome.receipt, "got \(outcome)")
            let calls = await exchanges.calls
            try #require(calls.count >= 3)
            let session = try #require(Self.member(calls[0].response.body, "id"))
            #expect(session.hasPrefix("upload:"))
            #expect(
                calls.prefix(3).map { "\($0.request.method) \(Self.route($0.request))" } == [
                    "POST app/uploads", "POST \(session.prefix { $0 != "?" })", "POST 102938475610293/videos",
                ])
            let open = calls[0].request
            let query = Dictionary(
                uniqueKeysWithValues: (URLComponents(url: open.url, resolvingAgainstBaseURL: false)?.queryItems ?? []).map {
                    ($0.name, $0.value ?? "")
                })
            #expect(query == ["file_name": "clip.mp4", "file_length": "10", "file_type": "video/mp4"])
            let bytes = calls[1].request
            #expect(bytes.url.absoluteString.hasSuffix("/\(session)"))
            #expect(bytes.headers["Authorization"] == "OAuth \(Self.base.credentials.accessToken)")
            #expect(bytes.headers["file_offset"] == "0" && bytes.body == Data(repeating: 7, count: 10))
            let handle = try #require(Self.member(calls[1].response.body, "h"))
            let stored = try #require(await sandbox.posts(Self.base).first)
            #expect(await sandbox.posts(Self.base).count == 1)
            #expect(receipt.remoteID == stored.id)
            #expect(
                WireExpectations.form(stored.body)
                    == ["title": "Hydra", "description": post.text, "fbuploader_video_file_chunk": handle])
            let video = try #require(await sandbox.stored(Self.base).first { $0.kind == "media" })
            #expect(video.text == "10 bytes" && receipt.extra["video_id"] == video.id)
        }
    }

    @Test func aLostSendIsResumedFromTheOffsetTheSessionHolds() async throws {
        try await SandboxHarness.run { sandbox in
            await sandbox.state.inject(
                SandboxFault(network: "facebook", account: Self.base.accountKey, kind: .serverError, path: "/upload:"))
            let exchanges = Exchanges()
            var environment = sandbox.environment
            environment.transport = RecordingTransport(inner: sandbox.environment.transport, exchanges: exchanges)
            let outcome = await FacebookClient(environment: environment)
                .publish(Self.post(publicURL: false), credentials: Self.base.credentials)
            #expect(outcome.receipt != nil, "got \(outcome)")
            #expect(await sandbox.state.pendingFaults().isEmpty)
            let calls = await exchanges.calls.map { ($0.request.method, $0.request.headers["file_offset"], $0.response.status) }
            #expect(
                calls.prefix(5).map { "\($0.0) \($0.1 ?? "-") \($0.2)" } == [
                    "POST - 200", "POST 0 500", "GET - 200", "POST 0 200", "POST - 200",
                ])
            #expect(await sandbox.posts(Self.base).count == 1)
        }
    }

    @Test func withoutAnAppIDTheVideoStillGoesUpAsOneMultipartSourceToTheVideoHost() async throws {
        try await SandboxHarness.run { sandbox in
            var credentials = Self.base.credentials
            credentials.clientID = nil
            let post = Self.post(publicURL: false)
            let outcome = await Self.base.make(sandbox.environment).publish(post, credentials: credentials)
            #expect(outcome.receipt != nil, "got \(outcome)")
            let stored = try #require(await sandbox.posts(Self.base).first)
            #expect(WireExpectations.form(stored.body) == ["description": post.text, "source": "10 bytes video/mp4"])
            // In production that one multipart call goes to the video host too, with no upload session before it.
            let exchanges = Exchanges()
            let production = ClientEnvironment(
                transport: CannedGraph(exchanges: exchanges, text: post.text), endpoints: .production,
                clock: { SandboxHarness.start })
            let client = FacebookClient(environment: production)
            _ = await client.publish(post, credentials: credentials)
            let first = try #require(await exchanges.calls.first?.request)
            #expect(first.url.absoluteString == "https://graph-video.facebook.com/\(client.apiVersion)/102938475610293/videos")
            #expect(first.headers["Content-Type"]?.hasPrefix("multipart/form-data") == true)
        }
    }

    @Test func videosArePublishedOnTheGraphVideoHostInProductionAndUploadedThroughGraph() async throws {
        let exchanges = Exchanges()
        let post = Self.post(publicURL: false)
        let environment = ClientEnvironment(
            transport: CannedGraph(exchanges: exchanges, text: post.text), endpoints: .production,
            clock: { SandboxHarness.start })
        let client = FacebookClient(environment: environment)
        let version = client.apiVersion
        let outcome = await client.publish(post, credentials: Self.base.credentials)
        #expect(outcome.receipt != nil, "got \(outcome)")
        let calls = await exchanges.calls.map { "\($0.request.method) \($0.request.url.absoluteString)" }
        #expect(
            Array(calls.prefix(4)) == [
                "POST https://graph.facebook.com/\(version)/app/uploads?file_name=clip.mp4&file_length=10"
                    + "&file_type=video%2Fmp4",
                "POST https://graph.facebook.com/\(version)/upload:MTpjYW5uZWQ?sig=ARZcanned",
                "POST https://graph-video.facebook.com/\(version)/102938475610293/videos",
                "GET https://graph.facebook.com/\(version)/102938475610293/feed?fields=id%2Cmessage%2Cpermalink_url&limit=25",
            ])
        let publicPost = Self.post(publicURL: true)
        let fetched = Exchanges()
        let fetchedEnvironment = ClientEnvironment(
            transport: CannedGraph(exchanges: fetched, text: publicPost.text), endpoints: .production,
            clock: { SandboxHarness.start })
        _ = await FacebookClient(environment: fetchedEnvironment).publish(publicPost, credentials: Self.base.credentials)
        let first = try #require(await fetched.calls.first?.request)
        #expect(first.url.absoluteString == "https://graph-video.facebook.com/\(version)/102938475610293/videos")
        #expect(
            String(decoding: first.body ?? Data(), as: UTF8.self).hasPrefix(
                "file_url=https%3A%2F%2Fcdn.lumiere.example%2Fclip.mp4&description="))
    }
}
