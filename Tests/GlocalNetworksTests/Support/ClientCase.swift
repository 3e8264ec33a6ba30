import Foundation
import GlocalCore
import GlocalNetworks
import Testing

/// One client under conformance test: how to build it, whose credentials, what post, and where the sandbox keeps it.
struct ClientCase: Sendable, CustomTestStringConvertible {
    var name: String
    let network: Network
    /// `x`, … or `webhook`.
    let sandboxNetwork: String
    /// The sandbox's account key for faults.
    let accountKey: String
    let credentials: AccountCredentials
    let linkPlacement: LinkPlacement
    let needsMedia: Bool
    /// Images the post carries besides the one a media-only network needs (Facebook and LinkedIn media cases).
    var imageCount = 0
    /// Whether refreshing calls the network (Mastodon and webhook tokens do not expire).
    let refreshCallsNetwork: Bool
    let make: @Sendable (ClientEnvironment) -> any NetworkClient

    var testDescription: String { name }

    static let link = "https://lumiere.example/fr/hydra?utm_source=glocal"
    /// The Pinterest case's board and the Google Business Profile case's location (its sandbox account key).
    static let pinterestBoard = "1022106146619306511"
    static let businessLocation = "accounts/1098765432101234567/locations/4567890123456789012"
    /// Accents, a skin-toned emoji, a hashtag and LinkedIn-reserved characters.
    static let baseText = "Votre peau a soif ? Découvrez Hydra 👋🏽 (nouveau) #HydraSerum"

    var post: OutgoingPost {
        let text = linkPlacement == .inline ? "\(Self.baseText) \(Self.link)" : Self.baseText
        let media =
            needsMedia
            ? [
                MediaFile(path: "assets/hydra/teaser-4x5.jpg", publicURL: URL(string: "https://cdn.lumiere.example/teaser.jpg")) {
                    Data([0xFF, 0xD8, 0xFF])
                }
            ]
            : Self.images(imageCount)
        var post = OutgoingPost(
            variantID: "hydra-launch/teaser/lum-fr-\(name)", network: network, accountID: "lum-fr-\(name)", handle: "lumiere.fr",
            locale: "fr-FR", text: text, title: "Hydra", link: Self.link, linkPlacement: linkPlacement, media: media)
        post.boardID = network == .pinterest ? Self.pinterestBoard : nil
        post.businessLocation = network == .googleBusiness ? Self.businessLocation : nil
        return post
    }

    /// One image with a public URL (Facebook fetches it), or several without (their bytes are uploaded), each with alt text.
    static func images(_ count: Int) -> [MediaFile] {
        guard count > 1 else {
            return (0..<count).map { _ in
                MediaFile(
                    path: "assets/hydra/teaser-4x5.jpg", publicURL: URL(string: "https://cdn.lumiere.example/teaser.jpg"),
                    altText: "Un flacon Hydra"
                ) { Data([0xFF, 0xD8, 0xFF]) }
            }
        }
        return (1...count).map { index in
            MediaFile(path: "assets/hydra/slide-\(index).png", altText: "Diapositive \(index)") {
                Data(repeating: UInt8(index), count: 4 + index)
            }
        }
    }

    /// The Facebook and LinkedIn cases again with one image and with three.
    static let withMedia: [ClientCase] = plain.filter { [.facebook, .linkedin].contains($0.network) }.flatMap { base in
        [1, 3].map { count in
            var copy = base
            copy.name = "\(base.name)-\(count)-image\(count == 1 ? "" : "s")"
            copy.imageCount = count
            return copy
        }
    }

    /// Every client, then the media cases.
    static let all: [ClientCase] = plain + withMedia

    static let plain: [ClientCase] = [
        ClientCase(
            name: "x", network: .x, sandboxNetwork: "x", accountKey: "2244994945",
            credentials: AccountCredentials(
                accessToken: "2244994945~secret-access-x", refreshToken: "2244994945~secret-refresh-x",
                remoteUserID: "2244994945",
                clientID: "client-x"),
            linkPlacement: .reply, needsMedia: false, refreshCallsNetwork: true, make: { XClient(environment: $0) }),
        ClientCase(
            name: "bluesky", network: .bluesky, sandboxNetwork: "bluesky", accountKey: "did:plc:ewvi7nxzyoun6zhxrhs64oiz",
            credentials: AccountCredentials(
                accessToken: "did:plc:ewvi7nxzyoun6zhxrhs64oiz~secret-access-b",
                refreshToken: "did:plc:ewvi7nxzyoun6zhxrhs64oiz~secret-refresh-b",
                remoteUserID: "did:plc:ewvi7nxzyoun6zhxrhs64oiz"),
            linkPlacement: .inline, needsMedia: false, refreshCallsNetwork: true, make: { BlueskyClient(environment: $0) }),
        ClientCase(
            name: "mastodon", network: .mastodon, sandboxNetwork: "mastodon", accountKey: "42",
            credentials: AccountCredentials(accessToken: "42~secret-access-m", remoteUserID: "42"),
            linkPlacement: .inline, needsMedia: false, refreshCallsNetwork: false, make: { MastodonClient(environment: $0) }),
        ClientCase(
            name: "threads", network: .threads, sandboxNetwork: "threads", accountKey: "7162534839201746",
            credentials: AccountCredentials(accessToken: "7162534839201746~secret-access-t", remoteUserID: "7162534839201746"),
            linkPlacement: .reply, needsMedia: false, refreshCallsNetwork: true,
            make: { ThreadsClient(environment: $0, pollInterval: .milliseconds(1)) }),
        ClientCase(
            name: "linkedin", network: .linkedin, sandboxNetwork: "linkedin", accountKey: "urn:li:organization:99",
            credentials: AccountCredentials(
                accessToken: "li~secret-access-l", refreshToken: "li~secret-refresh-l", authorURN: "urn:li:organization:99",
                clientID: "client-l", clientSecret: "li-client-secret"),
            linkPlacement: .firstComment, needsMedia: false, refreshCallsNetwork: true,
            make: { LinkedInClient(environment: $0) }),
        ClientCase(
            name: "facebook", network: .facebook, sandboxNetwork: "facebook", accountKey: "102938475610293",
            credentials: AccountCredentials(
                accessToken: "102938475610293~secret-access-f", pageID: "102938475610293", clientID: "app",
                clientSecret: "fb-app-secret"),
            linkPlacement: .firstComment, needsMedia: false, refreshCallsNetwork: true,
            make: { FacebookClient(environment: $0) }),
        ClientCase(
            name: "instagram", network: .instagram, sandboxNetwork: "instagram", accountKey: "17841405822304914",
            credentials: AccountCredentials(accessToken: "17841405822304914~secret-access-i", remoteUserID: "17841405822304914"),
            linkPlacement: .firstComment, needsMedia: true, refreshCallsNetwork: true,
            make: { InstagramClient(environment: $0, pollInterval: .milliseconds(1)) }),
        ClientCase(
            name: "pinterest", network: .pinterest, sandboxNetwork: "pinterest", accountKey: "lumierefr",
            credentials: AccountCredentials(
                accessToken: "lumierefr~secret-access-p", refreshToken: "lumierefr~secret-refresh-p", clientID: "client-p",
                clientSecret: "pinterest-app-secret"),
            linkPlacement: .inline, needsMedia: true, refreshCallsNetwork: true,
            make: { PinterestClient(environment: $0, pollInterval: .milliseconds(1)) }),
        ClientCase(
            name: "google-business", network: .googleBusiness, sandboxNetwork: "google_business", accountKey: businessLocation,
            credentials: AccountCredentials(
                accessToken: "gbp-lumiere~secret-access-g", refreshToken: "gbp-lumiere~secret-refresh-g",
                clientID: "client-g.apps.googleusercontent.com", clientSecret: "google-client-secret"),
            linkPlacement: .inline, needsMedia: false, refreshCallsNetwork: true,
            make: { GoogleBusinessClient(environment: $0) }),
        ClientCase(
            name: "webhook", network: .youtube, sandboxNetwork: "webhook", accountKey: "lum-fr-webhook",
            credentials: AccountCredentials(accessToken: "wh~secret-access-w"),
            linkPlacement: .inline, needsMedia: false, refreshCallsNetwork: false,
            make: { WebhookClient(network: .youtube, environment: $0) }),
    ]
}
