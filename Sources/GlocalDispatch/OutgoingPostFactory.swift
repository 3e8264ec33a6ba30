import Foundation
import GlocalCore
import GlocalNetworks

/// Builds what a client sends from a stored variant and its account: the text, link and media as
/// approved, the handle and locale from the workspace, media read from the workspace's files with their alt text
/// (the `alt` of the post's media, or of its network override's media, looked up by path at dispatch time).
public struct OutgoingPostFactory: Sendable {
    /// The workspace's accounts by id.
    public var accounts: [String: Account]
    /// The workspace root, against which media paths resolve.
    public var root: URL
    /// Where networks that fetch media themselves find the workspace's files, if published somewhere.
    public var mediaBaseURL: URL?
    /// Signs those URLs (`?expires=…&sig=…`) so glocal's web server serves them to a network without a session;
    /// `nil` for a base that serves anyone.
    public var mediaSigner: MediaURLSigner?
    /// The instant a signed URL's validity counts from (the dispatcher's clock).
    public var clock: @Sendable () -> Date
    /// The workspace's campaigns by id, where media alt text is found.
    public var campaigns: [String: Campaign]

    /// Creates a factory; `campaigns` give the media's alt text; media URLs under `mediaBaseURL` are signed by
    /// `mediaSigner` at `clock`'s instant.
    public init(
        accounts: [Account], root: URL, mediaBaseURL: URL? = nil, mediaSigner: MediaURLSigner? = nil,
        clock: @escaping @Sendable () -> Date = { Date() }, campaigns: [Campaign] = []
    ) {
        self.accounts = Dictionary(accounts.map { ($0.id.value, $0) }, uniquingKeysWith: { first, _ in first })
        self.root = root
        self.mediaBaseURL = mediaBaseURL
        self.mediaSigner = mediaSigner
        self.clock = clock
        self.campaigns = Dictionary(campaigns.map { ($0.id.value, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Where the media of the posts built now are fetched from, if anywhere.
    var mediaURLs: MediaFilePublicURLs? {
        mediaBaseURL.map { MediaFilePublicURLs(base: $0, signer: mediaSigner, clock: clock) }
    }

    /// The alt text of each media path of the variant's post on its network (the override's media if it has some).
    func altTexts(for variant: StoredVariant) -> [String: String] {
        guard let post = campaigns[variant.campaignID]?.posts.first(where: { $0.id.value == variant.postID }) else { return [:] }
        let media = post.overrides.first { $0.network.value == variant.network }?.media ?? post.media
        var texts: [String: String] = [:]
        for reference in media {
            if let alt = reference.alt, !alt.isEmpty, texts[reference.path.value] == nil { texts[reference.path.value] = alt }
        }
        return texts
    }

    /// The post for `variant`.
    public func post(for variant: StoredVariant) -> OutgoingPost {
        let account = accounts[variant.accountID]
        let alts = altTexts(for: variant)
        let urls = mediaURLs
        let media = variant.media.map { path in
            MediaFile(workspacePath: path, workspace: root, publicURLs: urls, altText: alts[path])
        }
        let post = OutgoingPost(
            variantID: variant.id, network: variant.network, accountID: variant.accountID,
            handle: account?.handle ?? variant.accountID, locale: account?.locale.value ?? variant.locale,
            text: variant.text, title: variant.title, link: variant.link, linkPlacement: variant.linkPlacement,
            media: media)
        return addingNetworkOptions(post, variant: variant, account: account)
    }
}
