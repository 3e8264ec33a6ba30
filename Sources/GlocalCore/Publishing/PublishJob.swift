import Foundation

/// One variant's publish job as the queue stores it.
public struct PublishJob: Sendable, Equatable {
    /// The row id.
    public var id: Int64
    /// The variant to publish (`campaign/post/account`).
    public var variantID: String
    /// The account, so pauses, holds and rate limits apply without reading the variant.
    public var accountID: String
    /// The network.
    public var network: Network
    /// Where the job is in the queue.
    public var state: JobState
    /// When it is due (the variant's slot, or the next retry).
    public var runAt: Date
    /// The slot the variant was scheduled for; lateness is measured from it.
    public var slotAt: Date
    /// How many times it has been claimed.
    public var attempt: Int
    /// Claims allowed before it is discarded.
    public var maxAttempts: Int
    /// The worker holding the lease, when running.
    public var lockedBy: String?
    /// When the lease runs out unless renewed.
    public var leaseExpiresAt: Date?
    /// The last failure, or why it was discarded or cancelled.
    public var lastError: String?
    /// How many times a worker died holding it (its lease ran out); not attempts.
    public var rescues: Int

    /// Creates a job value.
    public init(
        id: Int64, variantID: String, accountID: String, network: Network, state: JobState, runAt: Date, slotAt: Date,
        attempt: Int, maxAttempts: Int, lockedBy: String?, leaseExpiresAt: Date?, lastError: String?,
        rescues: Int = 0
    ) {
        self.id = id
        self.variantID = variantID
        self.accountID = accountID
        self.network = network
        self.state = state
        self.runAt = runAt
        self.slotAt = slotAt
        self.attempt = attempt
        self.maxAttempts = maxAttempts
        self.lockedBy = lockedBy
        self.leaseExpiresAt = leaseExpiresAt
        self.lastError = lastError
        self.rescues = rescues
    }
}
