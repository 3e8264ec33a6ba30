import Foundation
import GlocalCore
import GlocalDispatch
import GlocalNetworks
import Synchronization
import Testing

/// The media URLs the dispatcher gives networks that fetch: signed for exactly their path, valid from the dispatcher's
/// clock for the signer's lifetime; unsigned under a base given without a signer (a CDN).
@Suite struct OutgoingPostSignedMediaTests {
    static let signer = MediaURLSigner(key: [UInt8](repeating: 5, count: 32))
    static let base = URL(string: "https://glocal.example.com/media/")!
    static let start = Date(timeIntervalSince1970: 1_796_115_600)

    static func variant(media: [String]) -> StoredVariant {
        StoredVariant(
            id: "hydra/teaser/lum-fr-ig", campaignID: "hydra", postID: "teaser", accountID: "lum-fr-ig", network: .instagram,
            locale: "fr-FR", kind: .promotional, text: "Bonjour", title: nil, link: nil, linkPlacement: .none, media: media,
            contentHash: "h", scheduledAt: nil, localTime: nil, timeZone: "Europe/Paris", live: false, state: .approved,
            explanation: [])
    }

    @Test func eachMediaURLIsSignedForItsPathAtTheDispatchersClock() throws {
        let now = Mutex(Self.start)
        let factory = OutgoingPostFactory(
            accounts: [], root: URL(fileURLWithPath: "/nonexistent"), mediaBaseURL: Self.base, mediaSigner: Self.signer,
            clock: { now.withLock { $0 } })
        let paths = ["assets/hydra/teaser 4x5.jpg", "assets/hydra/b.png"]
        let post = factory.post(for: Self.variant(media: paths))
        for (path, media) in zip(paths, post.media) {
            let url = try #require(media.publicURL)
            let components = try #require(URLComponents(url: url, resolvingAgainstBaseURL: false))
            #expect(components.path == "/media/" + path)
            let query = Dictionary(uniqueKeysWithValues: (components.queryItems ?? []).map { ($0.name, $0.value) })
            #expect(query["expires"] == String(Self.signer.expiry(signedAt: Self.start)))
            #expect(
                Self.signer.check(path: path, expires: query["expires"]!, signature: query["sig"]!, now: Self.start) == .valid)
            let other = paths.first { $0 != path }!
            #expect(
                Self.signer.check(path: other, expires: query["expires"]!, signature: query["sig"]!, now: Self.start) == .mismatch
            )
        }
        // A post built two days later carries a URL valid from then on.
        now.withLock { $0 = Self.start.addingTimeInterval(2 * 86_400) }
        let later = try #require(factory.post(for: Self.variant(media: [paths[1]])).media.first?.publicURL?.query)
        #expect(later.contains("expires=\(Self.signer.expiry(signedAt: Self.start.addingTimeInterval(2 * 86_400)))&sig="))
    }

    @Test func withoutASignerTheURLIsThePlainPathAndWithoutABaseThereIsNone() {
        let plain = OutgoingPostFactory(accounts: [], root: URL(fileURLWithPath: "/nonexistent"), mediaBaseURL: Self.base)
        #expect(
            plain.post(for: Self.variant(media: ["assets/a.jpg"])).media.first?.publicURL?.absoluteString
                == "https://glocal.example.com/media/assets/a.jpg")
        let none = OutgoingPostFactory(accounts: [], root: URL(fileURLWithPath: "/nonexistent"), mediaSigner: Self.signer)
        #expect(none.post(for: Self.variant(media: ["assets/a.jpg"])).media.first?.publicURL == nil)
    }
}
