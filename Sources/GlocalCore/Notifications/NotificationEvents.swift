import Foundation

/// A post the dispatcher gave up on (or one that went out without its link), as the alert scan and the digest read it.
public struct FailedPost: Sendable, Equatable {
    /// The audit event that moved the variant to `failed` (0 when read for the digest).
    public var auditID: Int64
    /// The variant (`campaign/post/account`).
    public var variantID: String
    /// Its account.
    public var accountID: String
    /// Its network.
    public var network: String
    /// The start of its text.
    public var text: String
    /// Its slot, if it had one.
    public var scheduledAt: Date?
    /// Its account's time zone.
    public var timeZone: String
    /// Why it failed (the publish job's last error), if known.
    public var reason: String?
    /// When it failed.
    public var failedAt: Date?
    /// Whether the dispatcher gave up without learning if the network published it (its variant stays `unknown`):
    /// a person must look on the account before posting it again.
    public var outcomeUnknown: Bool
    /// Whether the post went out but its link reply or first comment failed (``LinkReplyFailure``; its variant stays
    /// `published`): a person adds the link by hand, and never posts it again.
    public var publishedWithoutLink: Bool

    /// Creates a failed post.
    public init(
        auditID: Int64, variantID: String, accountID: String, network: String, text: String, scheduledAt: Date?,
        timeZone: String, reason: String?, failedAt: Date?, outcomeUnknown: Bool = false, publishedWithoutLink: Bool = false
    ) {
        self.outcomeUnknown = outcomeUnknown
        self.publishedWithoutLink = publishedWithoutLink
        self.auditID = auditID
        self.variantID = variantID
        self.accountID = accountID
        self.network = network
        self.text = text
        self.scheduledAt = scheduledAt
        self.timeZone = timeZone
        self.reason = reason
        self.failedAt = failedAt
    }
}

/// An account the dispatcher holds until someone gives it a new token.
public struct ReconnectNeed: Sendable, Equatable {
    /// The account.
    public var accountID: String
    /// What the network said.
    public var reason: String
    /// When the hold was recorded.
    public var since: Date?

    /// Creates a need.
    public init(accountID: String, reason: String, since: Date?) {
        self.accountID = accountID
        self.reason = reason
        self.since = since
    }
}
