/// One of the daily quota buckets of a YouTube Data API project (``YouTubeQuota``).
public enum YouTubeQuotaBucket: String, Sendable, CaseIterable {
    /// `videos.insert` calls, 1 per call.
    case uploads
    /// `search.list` calls, 1 per call (each page a call).
    case searches
    /// Every other method, at its unit cost.
    case units

    /// The sandbox's window of this bucket (`youtube/uploads`, `youtube/searches`, `youtube/units`), the name
    /// `/_sandbox/limits` takes.
    public var window: String { "youtube/\(rawValue)" }
}
