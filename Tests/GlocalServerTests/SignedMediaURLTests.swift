import Foundation
import GlocalCore
import GlocalDispatch
import GlocalNetworks
import GlocalSandbox
import GlocalServer
import GlocalStore
import GlocalUseCases
import Hummingbird
import Logging
import Synchronization
import Testing

/// `/media/PATH?expires=…&sig=…` over real HTTP on loopback, as a network fetches it: the signed URL of a referenced
/// image gives its bytes to a client without a session; a tampered, expired, other-path or malformed signature gets
/// the same 403, whatever the file; the signature never reaches a log; and the `image_url` a dispatched Instagram post
/// carries is such a URL, fetchable by an anonymous client.
@Suite struct SignedMediaURLTests {
    static let signer = MediaURLSigner(key: [UInt8](repeating: 3, count: 32))
    static let path = "assets/hydra-launch/preview.png"
    /// Another image a campaign references.
    static let otherPath = "assets/holiday-gift-sets/gift-guide-4x5.png"

    /// An anonymous client that follows no redirect and keeps no cookie, like a network's fetcher; it waits as long as
    /// the other in-process server tests do (60 s), since a full run can keep the server off the CPU for over 10 s.
    static let anonymous = URLSessionTransport(timeout: 60)

    /// Hummingbird's own log, quiet (stopping the server at the end of a test is no error).
    static let quiet: Logger = {
        var logger = Logger(label: "glocal.test")
        logger.logLevel = .critical
        return logger
    }()

    /// The web UI with `signer` (if any) and its access log written to `log`, on a free loopback port.
    static func withServer(
        _ fixture: ServerFixture, signer: MediaURLSigner? = signer, log: AccessLogTests.Captured = .init(),
        _ body: @Sendable (URL) async throws -> Void
    ) async throws {
        var environment = fixture.environment
        environment.mediaSigner = signer
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let application = Application(
            router: ApprovalServer.router(environment, accessLog: log.log),
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) }, logger: Self.quiet)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await application.run() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next(), port > 0 else { throw ConnectionFailure(message: "the server did not start") }
            defer { group.cancelAll() }
            try await body(URL(string: "http://127.0.0.1:\(port)/media/")!)
        }
    }

    static func get(_ url: URL) async throws -> GlocalNetworks.HTTPResponse {
        try await anonymous.send(GlocalNetworks.HTTPRequest(method: "GET", url: url))
    }

    /// `url` with its `sig` (or `expires`) replaced by `value`.
    static func replacing(_ name: String, in url: URL, with value: String) -> URL {
        var components = URLComponents(url: url, resolvingAgainstBaseURL: false)!
        components.queryItems = components.queryItems!.map { $0.name == name ? URLQueryItem(name: name, value: value) : $0 }
        return components.url!
    }

    @Test func aSignedURLGivesTheImageToAClientWithoutASession() async throws {
        let fixture = try ServerFixture()
        let image = try Data(contentsOf: ServerFixture.root.appendingPathComponent(Self.path))
        let now = fixture.clock.now
        try await Self.withServer(fixture) { base in
            let url = Self.signer.signedURL(base.appendingPathComponent(Self.path), path: Self.path, now: now)
            #expect(url.query?.contains("sig=") == true)
            let answer = try await Self.get(url)
            #expect(answer.status == 200)
            #expect(answer.body == image)
            #expect(answer.headers.first { $0.key.lowercased() == "content-type" }?.value == "image/png")
            // The same file under its percent-encoded name is the same path.
            let encoded = URL(
                string: url.absoluteString.replacingOccurrences(of: "preview.png", with: "preview%2Epng"))!
            #expect(try await Self.get(encoded).status == 200)
        }
    }

    @Test func aTamperedExpiredOtherPathOrMalformedSignatureIsRefusedAlike() async throws {
        let fixture = try ServerFixture()
        let clock = fixture.clock
        let now = clock.now
        try await Self.withServer(fixture) { base in
            let url = Self.signer.signedURL(base.appendingPathComponent(Self.path), path: Self.path, now: now)
            let sig = try #require(URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems?.last?.value)
            let expires = try #require(URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems?.first?.value)
            let flipped = String(sig.dropLast()) + (sig.hasSuffix("0") ? "1" : "0")
            let otherFile = URL(string: url.absoluteString.replacingOccurrences(of: Self.path, with: Self.otherPath))!
            let refused: [(String, URL)] = [
                ("tampered signature", Self.replacing("sig", in: url, with: flipped)),
                ("later expiry", Self.replacing("expires", in: url, with: String(Int64(expires)! + 86_400))),
                ("another path", otherFile),
                ("malformed signature", Self.replacing("sig", in: url, with: "zz")),
                ("empty signature", Self.replacing("sig", in: url, with: "")),
                ("signature without expiry", URL(string: base.appendingPathComponent(Self.path).absoluteString + "?sig=\(sig)")!),
                (
                    "a signature for a file no campaign references",
                    Self.signer.signedURL(base.appendingPathComponent(".glocal/secret.key"), path: ".glocal/secret.key", now: now)
                ),
            ]
            let first = try await Self.get(refused[0].1)
            #expect(first.status == 403)
            for (why, refusedURL) in refused.dropLast() {
                let answer = try await Self.get(refusedURL)
                #expect(answer.status == 403, "\(why): \(answer.status)")
                // Nothing tells one reason from another.
                #expect(answer.body == first.body, "\(why)")
            }
            // A valid signature for a file that may not be served is the 404 of any file that is not there.
            #expect(try await Self.get(refused.last!.1).status == 404)
            #expect(try await Self.get(url).status == 200)
            // Without a signature, a client without a session is sent to sign in, as for every page.
            let unsigned = try await Self.get(base.appendingPathComponent(Self.path))
            #expect(unsigned.status == 303)
            clock.advance(Double(Int64(expires)!) - now.timeIntervalSince1970)
            let expired = try await Self.get(url)
            #expect(expired.status == 403)
            #expect(expired.body == first.body)
        }
    }

    @Test func aServerWithoutTheKeyRefusesSignedURLs() async throws {
        let fixture = try ServerFixture()
        let now = fixture.clock.now
        try await Self.withServer(fixture, signer: nil) { base in
            let url = Self.signer.signedURL(base.appendingPathComponent(Self.path), path: Self.path, now: now)
            let answer = try await Self.get(url)
            #expect(answer.status == 403)
        }
        let otherKey = MediaURLSigner(key: [UInt8](repeating: 4, count: 32))
        try await Self.withServer(fixture, signer: otherKey) { base in
            let url = Self.signer.signedURL(base.appendingPathComponent(Self.path), path: Self.path, now: now)
            let answer = try await Self.get(url)
            #expect(answer.status == 403)
        }
    }

    @Test func theSignatureNeverReachesTheAccessLog() async throws {
        let fixture = try ServerFixture()
        let captured = AccessLogTests.Captured()
        let now = fixture.clock.now
        let sent = Mutex<[String]>([])
        try await Self.withServer(fixture, log: captured) { base in
            let url = Self.signer.signedURL(base.appendingPathComponent(Self.path), path: Self.path, now: now)
            let sig = URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems?.last?.value ?? ""
            let flipped = String(sig.dropLast()) + (sig.hasSuffix("0") ? "1" : "0")
            sent.withLock { $0 = [sig, flipped] }
            let (good, bad) = (try await Self.get(url), try await Self.get(Self.replacing("sig", in: url, with: flipped)))
            #expect(good.status == 200 && bad.status == 403)
        }
        let lines = captured.lines.withLock { $0 }
        #expect(lines.count == 2)
        for secret in sent.withLock({ $0 }) {
            #expect(secret.count == 64)
            #expect(!lines.joined().contains(secret))
        }
        let paths = captured.objects.compactMap { ($0["fields"] as? [String: Any])?["path"] as? String }
        #expect(
            paths.count == 2 && paths.allSatisfy { $0.hasPrefix("/media/\(Self.path)?expires=") && $0.hasSuffix("&sig=REDACTED") }
        )
    }

    /// An approved Instagram variant of the example workspace's first Instagram account, due a minute ago.
    static func instagramVariant(_ post: String, account: Account, now: Date) -> StoredVariant {
        let id = account.id.value
        return StoredVariant(
            id: "hydra-launch/\(post)/\(id)", campaignID: "hydra-launch", postID: post, accountID: id,
            network: .instagram, locale: account.locale.value, kind: .informative, text: "Hydra, en image", title: nil, link: nil,
            linkPlacement: .none, media: [Self.path], contentHash: "hash-\(post)", scheduledAt: now.addingTimeInterval(-60),
            localTime: nil, timeZone: "UTC", live: false, state: .approved, explanation: [])
    }

    static func add(_ variant: StoredVariant, to store: SQLiteVariantStore, now: Date) throws {
        try store.apply(
            Plan(changes: [
                PlanChange(
                    action: .create, id: variant.id, desired: variant, stored: nil, contentChanged: true, timeChanged: true)
            ]), actor: "test", now: now.addingTimeInterval(-3_600))
    }

    @Test func theImageURLOfADispatchedInstagramPostIsFetchableWithoutASession() async throws {
        let fixture = try ServerFixture()
        let clock = fixture.clock
        let account = try #require(ServerFixture.workspace.accounts.first { $0.network == .instagram })
        let id = account.id.value
        let credentials = StoredCredentials(
            secrets: fixture.store.accountSecrets(key: try SecretKey(bytes: Data(repeating: 7, count: 32))))
        try await credentials.store(
            AccountCredentials(accessToken: "\(id)~demo-token", remoteUserID: id, pageID: id), for: id)
        let image = try Data(contentsOf: ServerFixture.root.appendingPathComponent(Self.path))
        // The sandbox's Instagram fetches each image_url as Meta does.
        let state = SandboxState(now: clock.now)
        await state.setFetchesMedia(true)
        let store = fixture.store
        try await Self.withServer(fixture) { base in
            try await SandboxServer(state: state).withRunning { sandbox in
                let dispatcher: @Sendable (MediaURLSigner?) -> Dispatcher = { signer in
                    DispatcherSetup.dispatcher(
                        configuration: DispatchConfiguration(worker: "signed-media-test", concurrency: 1),
                        workspace: ServerFixture.workspace, root: ServerFixture.root, store: store, credentials: credentials,
                        endpoints: .sandbox(baseURL: sandbox), mediaBaseURL: base, mediaSigner: signer, clock: { clock.now })
                }
                // Unsigned, the web UI sends Meta's fetcher to sign in: the container is refused as Meta refuses it.
                try Self.add(Self.instagramVariant("unsigned", account: account, now: clock.now), to: store, now: clock.now)
                let refused = try await dispatcher(nil).runOnce()
                #expect(refused.map(\.outcome) == ["failed"], "\(refused)")
                #expect("\(refused)".contains("9004/2207052"), "\(refused)")
                #expect(await state.storedPosts(network: "instagram").isEmpty)
                try Self.add(Self.instagramVariant("signed", account: account, now: clock.now), to: store, now: clock.now)
                let reports = try await dispatcher(Self.signer).runOnce()
                #expect(reports.map(\.outcome) == ["published"], "\(reports)")
                let post = try #require(await state.storedPosts(network: "instagram").first)
                let form = URLComponents(string: "?" + post.body)?.queryItems ?? []
                let imageURL = try #require(form.first { $0.name == "image_url" }?.value.flatMap(URL.init(string:)))
                #expect(imageURL.path == "/media/" + Self.path)
                #expect(imageURL.query?.contains("sig=") == true)
                let fetched = try await Self.get(imageURL)
                #expect(fetched.status == 200)
                #expect(fetched.body == image)
            }
        }
    }
}
