import Foundation
import GlocalCore
import GlocalDispatch
import GlocalNetworks
import GlocalStore
import Testing

/// The dispatcher reads a post's media only from inside the workspace: a symbolic link leading out, or to the store's
/// hidden folder, is refused unread, so a campaign cannot upload a secret file to a network as "media".
@Suite struct OutgoingPostContainmentTests {
    /// A workspace with one real image, a link to a secret outside it and a link into `.glocal/`.
    struct Layout {
        let base: URL
        let root: URL

        init() throws {
            let fm = FileManager.default
            base = fm.temporaryDirectory.appendingPathComponent("glocal-media-out-\(UUID().uuidString)")
            root = base.appendingPathComponent("workspace")
            try fm.createDirectory(at: root.appendingPathComponent("assets"), withIntermediateDirectories: true)
            try fm.createDirectory(at: root.appendingPathComponent(".glocal"), withIntermediateDirectories: true)
            try Data("SECRET_TOKEN=outside".utf8).write(to: base.appendingPathComponent("secret.jpg"))
            try Data("KEY".utf8).write(to: root.appendingPathComponent(".glocal/secret.key"))
            try Data([0xFF, 0xD8, 0xFF, 0xD9]).write(to: root.appendingPathComponent("assets/real.jpg"))
            try fm.createSymbolicLink(
                atPath: root.appendingPathComponent("assets/leak.jpg").path, withDestinationPath: "../../secret.jpg")
            try fm.createSymbolicLink(
                atPath: root.appendingPathComponent("assets/key.jpg").path, withDestinationPath: "../.glocal/secret.key")
        }

        func remove() { try? FileManager.default.removeItem(at: base) }
    }

    static func variant(media: [String]) -> StoredVariant {
        StoredVariant(
            id: "hydra/teaser/lum-x", campaignID: "hydra", postID: "teaser", accountID: "lum-x", network: .x, locale: "fr-FR",
            kind: .promotional, text: "Hydra", title: nil, link: nil, linkPlacement: .none, media: media, contentHash: "h",
            scheduledAt: nil, localTime: nil, timeZone: "Europe/Paris", live: false, state: .approved, explanation: [])
    }

    @Test func aFileInsideTheWorkspaceIsRead() async throws {
        let layout = try Layout()
        defer { layout.remove() }
        let post = OutgoingPostFactory(accounts: [], root: layout.root).post(for: Self.variant(media: ["assets/real.jpg"]))
        let bytes = try await post.media[0].loadBytes()
        #expect(bytes == Data([0xFF, 0xD8, 0xFF, 0xD9]))
    }

    @Test(arguments: ["assets/leak.jpg", "assets/key.jpg", "../secret.jpg"])
    func aFileLeadingOutOrIntoTheStoreIsRefusedUnread(_ path: String) async throws {
        let layout = try Layout()
        defer { layout.remove() }
        let post = OutgoingPostFactory(accounts: [], root: layout.root).post(for: Self.variant(media: [path]))
        do {
            let bytes = try await post.media[0].loadBytes()
            Issue.record("read \(bytes.count) bytes from \(path)")
        } catch let refused as MediaFileRefused {
            #expect(refused.reason.hasPrefix(path))
            #expect(refused.reason.contains("was not read"))
            #expect(!refused.reason.contains("SECRET") && !refused.reason.contains("KEY"))
        }
    }
}
