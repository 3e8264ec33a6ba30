import Foundation
import GlocalCore
import GlocalNetworks

/// Turns what a network answered into what the queue does next: the one place where the closed set
/// of outcomes meets the retry policy. Pure: time and randomness come in as arguments.
public struct OutcomeResolver: Sendable {
    /// Backoff and attempt limit.
    public var policy: RetryPolicy

    /// Creates a resolver.
    public init(policy: RetryPolicy = .standard) { self.policy = policy }

    /// The resolution of `outcome` for a job on `network` on its `attempt`-th claim at `now`; `random` is uniform in 0..<1.
    ///
    /// `.duplicate` without a receipt and `.reconnectRequired` are not final here: the dispatcher
    /// looks the post up, or refreshes the token, first (see `Dispatcher`).
    public func resolve(_ outcome: PublishOutcome, on network: Network, attempt: Int, now: Date, random: Double) -> JobResolution
    {
        let backoff = policy.nextRun(afterAttempt: attempt, now: now, networkReset: nil, random: random)
        switch outcome {
        case .published(let receipt), .duplicate(.some(let receipt)):
            return .published(receipt)
        case .duplicate(.none):
            // The network has it but we could not find it: look again later. A look-up that still finds nothing lets
            // the post be sent again, which the network's own duplicate check refuses again (it said it has it), so it
            // cannot go out twice; each round spends an attempt, and the last leaves it unknown for a person to check.
            return .reconcile(at: backoff, reason: "the network reports a duplicate that the look-up did not find yet")
        case .rateLimited(let until):
            // A bare 429 (no reset) spends an attempt and backs off: it was re-sent every 30 s for ever.
            let wait = RateLimitWait.after(
                on: network, attempt: attempt, now: now, networkReset: until, policy: policy, random: random)
            return .retry(at: wait.until, reason: wait.reason, countsAsAttempt: wait.countsAsAttempt)
        case .reconnectRequired(let reason):
            return .hold(reason: reason)
        case .invalidContent(let reason):
            return .fail(reason: "invalid content: \(reason)")
        case .permanent(let reason):
            return .fail(reason: reason)
        case .transient(let reason):
            return .retry(at: backoff, reason: reason, countsAsAttempt: true)
        case .unknown(let reason):
            return .reconcile(at: backoff, reason: reason)
        }
    }

    /// The resolution when a look-up (reconciling an unsure attempt) itself failed: the variant stays
    /// unsure, whatever the failure, except that a dead token holds the account.
    public func resolveFailedLookUp(
        _ outcome: PublishOutcome, on network: Network, attempt: Int, now: Date, random: Double
    ) -> JobResolution {
        switch outcome {
        case .reconnectRequired(let reason): return .hold(reason: reason)
        case .rateLimited(let until):
            let wait = RateLimitWait.after(
                "look-up", on: network, attempt: attempt, now: now, networkReset: until, policy: policy, random: random)
            return .reconcile(at: wait.until, reason: wait.reason)
        default:
            return .reconcile(
                at: policy.nextRun(afterAttempt: attempt, now: now, networkReset: nil, random: random),
                reason: "look-up failed: \(outcome)")
        }
    }
}
