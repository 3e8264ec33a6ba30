import Foundation

/// What the dispatcher does with a job once its attempt is over: the store applies it in one
/// transaction, guarded by the lease.
public enum JobResolution: Sendable, Equatable {
    /// The post is out (sent now, found by a look-up, or reported as a duplicate of one that is).
    case published(PublicationReceipt)
    /// Not sent, for sure (rate limited, transient error before the network took it): run again at
    /// `at`. `countsAsAttempt` is false for rate limits, which say nothing about the post.
    case retry(at: Date, reason: String, countsAsAttempt: Bool)
    /// Maybe sent (timeout, connection dropped): the variant becomes `unknown` and the next attempt
    /// looks the post up before sending anything.
    case reconcile(at: Date, reason: String)
    /// The account needs a new token: the job waits, untouched, until the account is reconnected.
    case hold(reason: String)
    /// Refused for good (invalid content, permanent error, attempts exhausted): dead letter.
    case fail(reason: String)
}

/// Where a published variant is on its network.
public struct PublicationReceipt: Sendable, Equatable, Codable {
    /// The network's id of the post.
    public var remoteID: String
    /// Its public address, when known.
    public var url: String?
    /// Other handles (container id, record key, first-comment id…).
    public var extra: [String: String]
    /// When the network's answer said the account's quota is spent: the instant it resets. The
    /// dispatcher holds the account until then, in the transaction that records the post; the
    /// store does not keep it with the receipt.
    public var quotaExhaustedUntil: Date?

    /// Creates a receipt.
    public init(remoteID: String, url: String? = nil, extra: [String: String] = [:], quotaExhaustedUntil: Date? = nil) {
        self.remoteID = remoteID
        self.url = url
        self.extra = extra
        self.quotaExhaustedUntil = quotaExhaustedUntil
    }
}
