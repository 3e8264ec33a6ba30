import Foundation

/// The line `glocal collect-metrics` prints when a round had no reading to take: no published post yet,
/// every reading taken, or when the next one comes due and for which post.
public struct MetricsIdleLine: Sendable, Equatable {
    /// How many posts went out (each gets a reading per checkpoint).
    public var publishedPosts: Int
    /// The waiting reading that comes due first, if any.
    public var next: MetricsJob?
    /// The round's instant, for "in 3h".
    public var now: Date

    /// Describes an idle round at `now`.
    public init(publishedPosts: Int, next: MetricsJob?, now: Date) {
        self.publishedPosts = publishedPosts
        self.next = next
        self.now = now
    }

    /// One line, without a newline.
    public var text: String {
        if let next {
            let minutes = max(0, Int(next.runAt.timeIntervalSince(now)) / 60)
            let wait = minutes == 0 ? "under a minute" : GlocalDuration(seconds: minutes * 60).description
            return "nothing due: next reading at \(Self.instant(next.runAt)) (in \(wait)), "
                + "\(CheckpointLabel(seconds: next.checkpoint)) after \(next.variantID) went out"
        }
        if publishedPosts == 0 { return "nothing due: no published posts to measure" }
        let posts = publishedPosts == 1 ? "1 published post" : "\(publishedPosts) published posts"
        return "nothing due: every reading of the \(posts) is taken (or given up)"
    }

    /// `2026-12-16T02:14:00Z`: whole seconds, as `--now` is written.
    static func instant(_ date: Date) -> String {
        let text = UTCTimestamp.string(from: date)
        return text.hasSuffix(".000Z") ? String(text.dropLast(5)) + "Z" : text
    }
}
