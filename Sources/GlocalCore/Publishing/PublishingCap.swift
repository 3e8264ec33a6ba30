import Foundation

/// A network's documented cap on one account's publications over a rolling window (X 100 per
/// 15 minutes, Mastodon 300 per 3 hours, Bluesky 1 666 per hour and 11 666 per day, Threads 250
/// and Instagram 50 per 24 hours, YouTube 100 uploads and TikTok 15 posts per day;
/// docs/networks.md).
/// A network may have several caps, all of which must admit a post. Pure: the store brings what was published and what is in flight.
public struct PublishingCap: Sendable, Equatable {
    /// The network whose cap this is (for the reason a job waits).
    public var network: Network
    /// Publications allowed in any window.
    public var limit: Int
    /// The rolling window, in seconds.
    public var window: TimeInterval

    /// The stable start of the reason of a job put off by a cap, in the queue and the reports.
    public static let reason = "publishing cap reached"

    /// How long to wait before looking again when a cap is full of posts still in flight.
    public static let recheck: TimeInterval = 60

    /// Creates a cap.
    public init(network: Network, limit: Int, window: TimeInterval) {
        self.network = network
        self.limit = limit
        self.window = window
    }

    /// The documented caps of `network`, shortest window first; none for networks without one.
    /// Bluesky counts points (5 000 an hour, 35 000 a day, 3 per created record): whole posts only.
    public static func caps(for network: Network) -> [PublishingCap] {
        switch network {
        case .x: return [PublishingCap(network: .x, limit: 100, window: 900)]
        case .mastodon: return [PublishingCap(network: .mastodon, limit: 300, window: 10_800)]
        case .bluesky:
            return [
                PublishingCap(network: .bluesky, limit: 1_666, window: 3_600),
                PublishingCap(network: .bluesky, limit: 11_666, window: 86_400),
            ]
        case .threads: return [PublishingCap(network: .threads, limit: 250, window: 86_400)]
        case .instagram: return [PublishingCap(network: .instagram, limit: 50, window: 86_400)]
        case .youtube: return [YouTubeQuota.standard.cap]
        // TikTok caps direct posts per creator across all API clients at about 15 a day (Content Posting API).
        case .tiktok: return [PublishingCap(network: .tiktok, limit: 15, window: 86_400)]
        case .linkedin, .facebook, .pinterest, .googleBusiness: return []
        }
    }

    /// What the cap allows, in words: "X allows 100 posts per 15 minutes per account".
    public var summary: String {
        let whole = Int(window)
        let span: String
        switch whole {
        case 3_600: span = "hour"
        case let seconds where seconds % 3_600 == 0: span = "\(seconds / 3_600) hours"
        case let seconds where seconds % 60 == 0: span = seconds == 60 ? "minute" : "\(seconds / 60) minutes"
        default: span = "\(whole) seconds"
        }
        return "\(network.displayName) allows \(limit) posts per \(span) per account"
    }

    /// The reason recorded on a job this cap puts off: the stable ``reason`` and the ``summary``.
    public var deferralReason: String { "\(Self.reason): \(summary)" }

    /// Whether the cap surely admits one more post, from counts alone: `published` in the window and
    /// `inFlight`. When it does not, ``nextAllowed(recent:inFlight:now:)`` needs the instants.
    public func admits(published: Int, inFlight: Int) -> Bool { published + inFlight < limit }

    /// When one more post may go out: `nil` if now, else the instant enough of the `recent`
    /// publications (those of the last `window`) have left it. `inFlight` posts (sent, outcome not
    /// recorded yet) count as published. A publication at `t` leaves the window at `t + window`.
    public func nextAllowed(recent: [Date], inFlight: Int, now: Date) -> Date? {
        let inWindow = recent.filter { $0 > now.addingTimeInterval(-window) && $0 <= now }.sorted()
        let used = inWindow.count + inFlight
        guard used >= limit else { return nil }
        let mustLeave = used - limit + 1
        guard mustLeave <= inWindow.count else { return now.addingTimeInterval(Self.recheck) }
        return inWindow[mustLeave - 1].addingTimeInterval(window)
    }

    /// When one more post may go out under all of `caps`: `nil` if now, else the latest of their
    /// instants, with the cap that sets it (the first of them on a tie). `recent` must cover the
    /// longest window.
    public static func nextAllowed(
        under caps: [PublishingCap], recent: [Date], inFlight: Int, now: Date
    ) -> (until: Date, cap: PublishingCap)? {
        var latest: (until: Date, cap: PublishingCap)?
        for cap in caps {
            guard let until = cap.nextAllowed(recent: recent, inFlight: inFlight, now: now) else { continue }
            if latest == nil || until > latest!.until { latest = (until, cap) }
        }
        return latest
    }
}
