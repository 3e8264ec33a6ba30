/// One account as the accounts CSV carries it (the columns `glocal accounts import` and `export` share).
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

    /// Creates a record.
    public init(
        id: String, network: Network, handle: String, locale: String, timeZone: String? = nil, tags: [String] = [],
        teams: [String] = []
    ) {
        self.id = id
        self.network = network
        self.handle = handle
        self.locale = locale
        self.timeZone = timeZone
        self.tags = tags
        self.teams = teams
    }

    /// The CSV's columns, in order.
    public static let columns = ["id", "network", "handle", "locale", "timezone", "tags", "team"]
    /// The columns every file must have.
    public static let requiredColumns = ["id", "network", "handle", "locale"]
}
