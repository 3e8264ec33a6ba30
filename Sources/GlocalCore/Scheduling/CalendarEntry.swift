import Foundation

/// What a calendar grid shows of a variant: who, where, when and its state — not its text or its
/// explanation, so a month of every account reads a few columns of a few thousand rows.
public struct CalendarEntry: Sendable, Equatable {
    /// `campaign/post/account`.
    public var id: String
    /// The campaign id.
    public var campaignID: String
    /// The post id.
    public var postID: String
    /// The account id.
    public var accountID: String
    /// The network.
    public var network: Network
    /// Lifecycle state.
    public var state: VariantState
    /// The content revision (what a move form names).
    public var contentHash: String
    /// The slot in UTC.
    public var scheduledAt: Date
    /// The slot's wall time in the account's zone, `YYYY-MM-DD HH:MM`.
    public var localTime: String?
    /// The account's time zone.
    public var timeZone: String

    /// Creates an entry.
    public init(
        id: String, campaignID: String, postID: String, accountID: String, network: Network, state: VariantState,
        contentHash: String, scheduledAt: Date, localTime: String?, timeZone: String
    ) {
        self.id = id
        self.campaignID = campaignID
        self.postID = postID
        self.accountID = accountID
        self.network = network
        self.state = state
        self.contentHash = contentHash
        self.scheduledAt = scheduledAt
        self.localTime = localTime
        self.timeZone = timeZone
    }
}
