import Foundation
import GlocalCore
import GlocalNetworks

/// Builds what a client sends from a stored variant and its account: the text, link and media as
/// approved, the handle and locale from the workspace, media read from the workspace's files.
public struct OutgoingPostFactory: Sendable {
    /// The workspace's accounts by id.
    public var accounts: [String: Account]
    /// The workspace root, against which media paths resolve.
    public var root: URL
    /// Where networks that fetch media themselves find the workspace's files, if published somewhere.
    public var mediaBaseURL: URL?

    /// Creates a factory.
    public init(accounts: [Account], root: URL, mediaBaseURL: URL? = nil) {
        self.accounts = Dictionary(accounts.map { ($0.id.value, $0) }, uniquingKeysWith: { first, _ in first })
        self.root = root
        self.mediaBaseURL = mediaBaseURL
    }

    /// The post for `variant`.
    public func post(for variant: StoredVariant) -> OutgoingPost {
        let account = accounts[variant.accountID]
        let media = variant.media.map { path -> MediaFile in
            let file = root.appendingPathComponent(path)
            return MediaFile(
                path: path, publicURL: mediaBaseURL?.appendingPathComponent(path),
                loadBytes: { try Data(contentsOf: file) })
        }
        return OutgoingPost(
            variantID: variant.id, network: variant.network, accountID: variant.accountID,
            handle: account?.handle ?? variant.accountID, locale: account?.locale.value ?? variant.locale,
            text: variant.text, title: variant.title, link: variant.link, linkPlacement: variant.linkPlacement,
            media: media)
    }
}
