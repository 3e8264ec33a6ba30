import Foundation

/// Something the sandbox stored: a post, a reply, a comment or a media upload.
public struct SandboxPost: Sendable, Codable, Equatable {
    /// `x`, `bluesky`, … or `webhook`.
    public var network: String
    /// The account key.
    public var account: String
    /// The id the network answered.
    public var id: String
    /// `post`, `reply`, `comment` or `media`.
    public var kind: String
    /// The text as the network keeps it (LinkedIn: the escaped commentary).
    public var text: String
    /// The request body exactly as received (JSON or form text).
    public var body: String
    /// The id of the post this replies to or comments on.
    public var parentID: String?
    /// The idempotency key or record key the client chose.
    public var key: String?
    /// When it was stored (sandbox clock).
    public var postedAt: Date
    /// A media item's description for people who cannot see it, as the network received it.
    public var altText: String?

    /// Creates a stored item.
    public init(
        network: String, account: String, id: String, kind: String, text: String, body: String, parentID: String? = nil,
        key: String? = nil, postedAt: Date
    ) {
        self.network = network
        self.account = account
        self.id = id
        self.kind = kind
        self.text = text
        self.body = body
        self.parentID = parentID
        self.key = key
        self.postedAt = postedAt
    }
}
