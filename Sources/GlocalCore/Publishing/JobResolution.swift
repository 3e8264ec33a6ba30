import Foundation

/// What the dispatcher does with a job once its attempt is over: the store applies it in one
/// transaction, guarded by the lease.
public enum JobResolution: Sendable, Equatable {
    /// The post is out (sent now, found by a look-up, or reported as a duplicate of one that is).
    case published(PublishReceipt)
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
