/// What one YouTube Data API call spends: its bucket and cost (*Quota calculator*,
/// https://developers.google.com/youtube/v3/determine_quota_cost).
public struct YouTubeQuotaCharge: Sendable, Equatable {
    /// The bucket the call draws on.
    public var bucket: YouTubeQuotaBucket
    /// What it takes from the bucket.
    public var cost: Int

    /// Creates a charge.
    public init(_ bucket: YouTubeQuotaBucket, _ cost: Int) {
        self.bucket = bucket
        self.cost = cost
    }

    /// The documented charge of the methods glocal and its sandbox call, and their neighbours; the table's other
    /// methods cost 1 (lists) or 50 (writes) units.
    static let table: [String: YouTubeQuotaCharge] = [
        "videos.insert": YouTubeQuotaCharge(.uploads, 1),
        "search.list": YouTubeQuotaCharge(.searches, 1),
        "videos.list": YouTubeQuotaCharge(.units, 1),
        "videos.update": YouTubeQuotaCharge(.units, 50),
        "videos.delete": YouTubeQuotaCharge(.units, 50),
        "videos.getRating": YouTubeQuotaCharge(.units, 1),
        "thumbnails.set": YouTubeQuotaCharge(.units, 50),
        "channels.list": YouTubeQuotaCharge(.units, 1),
        "playlistItems.list": YouTubeQuotaCharge(.units, 1),
        "playlistItems.insert": YouTubeQuotaCharge(.units, 50),
        "captions.insert": YouTubeQuotaCharge(.units, 400),
        "captions.update": YouTubeQuotaCharge(.units, 450),
    ]

    /// The charge of `method` (`resource.method`, as `videos.insert`), or `nil` for a method not in the table.
    public static func of(_ method: String) -> YouTubeQuotaCharge? { table[method] }
}
