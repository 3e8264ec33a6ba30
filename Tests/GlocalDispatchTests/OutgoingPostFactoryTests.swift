import Foundation
import GlocalCore
import GlocalDispatch
import GlocalNetworks
import Testing

/// Building an outgoing post from what the store keeps, with the builder the dispatcher uses.
@Suite struct OutgoingPostFactoryTests {
    static let here = SourceLocation(file: "accounts.yaml", line: 1, column: 1)

    @Test func aStoredVariantBecomesAnOutgoingPost() async throws {
        let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("glocal-outgoing-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: workspace.appendingPathComponent("assets"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: workspace) }
        try Data([1, 2, 3]).write(to: workspace.appendingPathComponent("assets/a.jpg"))
        let variant = StoredVariant(
            id: "hydra/teaser/lum-fr-li", campaignID: "hydra", postID: "teaser", accountID: "lum-fr-li", network: .linkedin,
            locale: "fr-FR", kind: .promotional, text: "Bonjour", title: nil, link: "https://l.example",
            linkPlacement: .firstComment,
            media: ["assets/a.jpg"], contentHash: "h", scheduledAt: nil, localTime: nil, timeZone: "Europe/Paris", live: false,
            state: .approved, explanation: [])
        let account = Account(
            id: Located("lum-fr-li", at: Self.here), network: .linkedin, networkLocation: Self.here, handle: "lumiere",
            locale: Located("fr-FR", at: Self.here))
        let factory = OutgoingPostFactory(accounts: [account], root: workspace, mediaBaseURL: URL(string: "https://cdn.example"))
        let post = factory.post(for: variant)
        #expect(post.handle == "lumiere")
        #expect(post.idempotencyKey == VariantIdentity.idempotencyKey(for: "hydra/teaser/lum-fr-li"))
        #expect(post.separateLink == "https://l.example")
        #expect(post.media.first?.publicURL?.absoluteString == "https://cdn.example/assets/a.jpg")
        #expect(try await post.media.first?.loadBytes() == Data([1, 2, 3]))
    }
}
