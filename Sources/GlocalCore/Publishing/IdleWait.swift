import Foundation

/// How long an idle dispatcher node sleeps after a round that started nothing, from the queue's next wake-up (the
/// earliest waiting job's due instant or lease expiry) and the instant the round began (every claim of the round
/// looked at or after it).
///
/// A wake-up still ahead is slept until, at most a poll. One already past was either due at the round's claims and
/// not taken (its account is held: rate limit, pause, reconnect), so a full poll is right, or it fell due while the
/// round ran, after a claim had looked: then the node claims again at once rather than sleeping a poll past it. That
/// second case costs at most one extra round: the next round begins after the instant, so it reads as held.
public enum IdleWait {
    /// Seconds to sleep: 0 to claim again at once, at most `poll`.
    public static func seconds(nextWake: Date?, roundBegan: Date, now: Date, poll: TimeInterval) -> TimeInterval {
        guard let nextWake else { return poll }
        if nextWake > now { return min(nextWake.timeIntervalSince(now), poll) }
        return nextWake >= roundBegan ? 0 : poll
    }
}
