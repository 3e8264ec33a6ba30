/// One account as the accounts CSV carries it (the columns `glocal accounts import` and `export` share): every key
/// accounts.yaml supports, the teams covering it too.
public struct AccountRecord: Sendable, Equatable {
    /// The account id (a lowercase slug).
    public var id: String
    /// The network.
    public var network: Network
    /// The handle on the network.
    public var handle: String
    /// The locale id.
    public var locale: String
    /// The IANA time zone, when the account has its own (else its locale's).
    public var timeZone: String?
    /// Tags.
    public var tags: [String]
    /// The teams whose account patterns cover it (glocal.yaml's `teams`; checked, not written).
    public var teams: [String]
    /// The city (`{city}`).
    public var city: String?
    /// The country or market (`{country}`).
    public var country: String?
    /// The secret-store entry's name (never a token).
    public var credentials: String?
    /// The Mastodon instance or Bluesky PDS base URL.
    public var instance: String?
    /// The account's own text limit.
    public var maxCharacters: Int?
    /// A Pinterest account's boards, in order (empty: none given).
    public var boards: [PinterestBoard]
    /// A Google Business Profile account's location name (`accounts/{a}/locations/{l}`).
    public var location: String?
    /// A TikTok account posting through an unaudited app; `nil` when the CSV leaves it empty.
    public var unaudited: Bool?

    /// Creates a record.
    public init(
        id: String, network: Network, handle: String, locale: String, timeZone: String? = nil, tags: [String] = [],
        teams: [String] = [], city: String? = nil, country: String? = nil, credentials: String? = nil,
        instance: String? = nil, maxCharacters: Int? = nil, boards: [PinterestBoard] = [], location: String? = nil,
        unaudited: Bool? = nil
    ) {
        self.id = id
        self.network = network
        self.handle = handle
        self.locale = locale
        self.timeZone = timeZone
        self.tags = tags
        self.teams = teams
        self.city = city
        self.country = country
        self.credentials = credentials
        self.instance = instance
        self.maxCharacters = maxCharacters
        self.boards = boards
        self.location = location
        self.unaudited = unaudited
    }

    /// The CSV's columns, in order (the first seven are the original ones, so older files still read).
    public static let columns = [
        "id", "network", "handle", "locale", "timezone", "tags", "team", "city", "country", "credentials", "instance",
        "max_characters", "boards", "location", "unaudited",
    ]
    /// The columns every file must have.
    public static let requiredColumns = ["id", "network", "handle", "locale"]

    /// Whether `text` is a Business Profile location name, `accounts/{digits}/locations/{digits}`.
    public static func isLocationName(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "accounts", parts[2] == "locations" else { return false }
        return [parts[1], parts[3]].allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }
}
