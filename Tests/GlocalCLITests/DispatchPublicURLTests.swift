import Foundation
import GlocalCore
import GlocalStore
import Testing

/// `glocal dispatch --public-url`: a node without the web UI gives Instagram (which downloads a post's images) the
/// image's address under the web UI's public URL; without it such a post is refused before any call, as it was for
/// every `glocal dispatch` before the option existed.
@Suite(.serialized)
struct DispatchPublicURLTests {
    @Test func instagramGetsItsImageFromThePublicURLAndFailsClearlyWithoutOne() async throws {
        // Pinterest's image is written into the workspace by the harness; the Instagram posts carry the same file.
        let harness = try DispatchHarness(networks: [.instagram, .pinterest], perNetwork: 1)
        defer { harness.tearDown() }
        let account = try #require(harness.accounts.first { $0.network == .instagram })
        let slot = Date().addingTimeInterval(-60)
        let variants = ["without", "with"].map { name in
            StoredVariant(
                id: "media/\(name)/\(account.id)", campaignID: "media", postID: name, accountID: account.id,
                network: .instagram, locale: "en", kind: .informative, text: "An image \(name) a public URL", title: nil,
                link: nil, linkPlacement: .none, media: ["assets/crash-pin.png"], contentHash: "hash-\(name)",
                scheduledAt: slot, localTime: nil, timeZone: "UTC", live: false, state: .approved, explanation: [])
        }
        let store = try SQLiteVariantStore(path: harness.database)
        try store.apply(
            Plan(changes: [
                PlanChange(
                    action: .create, id: variants[0].id, desired: variants[0], stored: nil, contentChanged: true,
                    timeChanged: true)
            ]), actor: "test", now: slot.addingTimeInterval(-3_600))
        try harness.connectAccounts()
        try harness.startSandbox()
        let sandbox = harness.sandboxURL!.absoluteString
        let dispatch = ["dispatch", "--once", "--database", harness.database, "--sandbox", sandbox]
        let without = try GlocalProcess.run(dispatch, in: harness.root)
        #expect(without.0 == 0, "\(without.2)")
        #expect(
            without.1.contains(
                "failed: instagram/\(account.id) \(variants[0].id) — invalid content: Instagram needs a public URL"),
            "\(without.1)")
        try store.apply(
            Plan(changes: [
                PlanChange(
                    action: .create, id: variants[1].id, desired: variants[1], stored: nil, contentChanged: true,
                    timeChanged: true)
            ]), actor: "test", now: slot.addingTimeInterval(-3_600))
        let with = try GlocalProcess.run(dispatch + ["--public-url", "https://glocal.example.com"], in: harness.root)
        #expect(with.0 == 0, "\(with.2)")
        #expect(with.1.contains("published: instagram/\(account.id) \(variants[1].id)"), "\(with.1)")
        #expect(try store.variant(variants[1].id)?.state == .published)
        let bodies = try await harness.sandboxPosts().compactMap { $0["body"] as? String }
        #expect(
            bodies.contains {
                $0.contains("https%3A%2F%2Fglocal.example.com%2Fmedia%2Fassets%2Fcrash-pin.png")
                    || $0.contains("https://glocal.example.com/media/assets/crash-pin.png")
            },
            "the sandbox received: \(bodies)")
        let refused = try GlocalProcess.run(dispatch + ["--public-url", "glocal.example.com"], in: harness.root)
        #expect(
            refused.0 != 0 && refused.2.contains("--public-url / GLOCAL_PUBLIC_URL 'glocal.example.com' is not an http(s) URL"),
            "\(refused.2)")
    }
}
