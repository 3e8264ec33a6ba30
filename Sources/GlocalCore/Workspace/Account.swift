/// One social account that campaigns publish to (an entry of accounts.yaml).
public struct Account: Sendable {
    /// Unique id, a lowercase slug such as `lumiere-fr-instagram`.
    public var id: Located<String>
    /// The network; `nil` when the file names an unknown one (already reported).
    public var network: Network?
    /// Where the network was written.
    public var networkLocation: SourceLocation
    /// The handle on the network, used by templates as `{handle}`.
    public var handle: String
    /// The account's locale id, which must have a file under locales/.
    public var locale: Located<String>
    /// IANA time zone; `nil` means the locale's time zone.
    public var timeZone: Located<String>?
    /// City, used by templates as `{city}`.
    public var city: String?
    /// Country or market name, used by templates as `{country}`.
    public var country: String?
    /// Free-form tags that campaigns target.
    public var tags: [Located<String>]
    /// The secret-store entry holding this account's tokens (never the tokens themselves).
    public var credentials: String?
    /// The instance or PDS base URL (Mastodon, Bluesky).
    public var instance: String?
    /// A character limit that replaces the network's default (a Mastodon instance with 1000, say).
    public var maxCharacters: Int?
    /// A Pinterest account's boards (`boards:`), the first being where pins go by default.
    public var boards: [PinterestBoard] = []
    /// A Google Business Profile account's location (`location: accounts/{a}/locations/{l}`).
    public var businessLocation: Located<String>? = nil
    /// A TikTok account posting through an app TikTok has not audited yet: only `SELF_ONLY` posts are allowed.
    public var unaudited: Bool

    /// Creates an account.
    public init(
        id: Located<String>, network: Network?, networkLocation: SourceLocation, handle: String,
        locale: Located<String>, timeZone: Located<String>? = nil, city: String? = nil, country: String? = nil,
        tags: [Located<String>] = [], credentials: String? = nil, instance: String? = nil,
        maxCharacters: Int? = nil, unaudited: Bool = false
    ) {
        self.id = id
        self.network = network
        self.networkLocation = networkLocation
        self.handle = handle
        self.locale = locale
        self.timeZone = timeZone
        self.city = city
        self.country = country
        self.tags = tags
        self.credentials = credentials
        self.instance = instance
        self.maxCharacters = maxCharacters
        self.unaudited = unaudited
    }

    /// Whether the account carries `tag`.
    public func hasTag(_ tag: String) -> Bool { tags.contains { $0.value == tag } }
}
