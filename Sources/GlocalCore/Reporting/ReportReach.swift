/// People reached by a post, from the counters its network reports: `reach` when there is one,
/// else impressions, else views (each network names them its own way: `impression_count`,
/// `views` …). `nil` when the counters glocal reads hold none of them (Bluesky and Mastodon have
/// none; glocal's Facebook and LinkedIn clients read interactions only): such a post counts toward
/// engagement but not toward reach or the engagement rate.
public enum ReportReach {
    /// The reach in `counters`, or `nil`.
    public static func of(_ counters: [String: Int]) -> Int? {
        for word in ["reach", "impression", "view"] {
            let values = counters.filter { $0.key.lowercased().contains(word) }.map { max(0, $0.value) }
            if let best = values.max() { return best }
        }
        return nil
    }
}
