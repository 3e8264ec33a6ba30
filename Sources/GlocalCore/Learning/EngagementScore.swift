import Foundation

/// How a post did, comparable across accounts of any size (docs/scheduling.md): the log of its engagement
/// over the account's trailing median.
public enum EngagementScore {
    /// Counters that count people who saw a post rather than people who acted on it.
    private static let exposureWords = ["view", "impression", "reach"]

    /// The engagement of a sample: every interaction counter (likes, replies, reposts, shares …),
    /// not views, impressions or reach, and not a network's own total (it would count twice).
    public static func total(_ counters: [String: Int]) -> Int {
        counters.reduce(0) { sum, item in
            let name = item.key.lowercased()
            if exposureWords.contains(where: { name.contains($0) }) || name == "total_interactions" { return sum }
            return sum + max(0, item.value)
        }
    }

    /// `log((engagement + 1) / (median + 1))`: 0 for a typical post, +0.69 for twice the usual.
    /// The +1 keeps a post with no interactions finite.
    public static func logRatio(engagement: Double, median: Double) -> Double {
        log((max(0, engagement) + 1) / (max(0, median) + 1))
    }

    /// The median of `values`, or `nil` when empty.
    public static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// Scores each post against the median of the same account's `window` posts before it (by
    /// publication time). An account's first post has no median yet and gets no score.
    public static func scores(_ posts: [EngagementRecord], window: Int = 20) -> [EngagementObservation] {
        var history: [String: [Double]] = [:]
        var result: [EngagementObservation] = []
        for post in posts.sorted(by: { ($0.publishedAt, $0.variantID) < ($1.publishedAt, $1.variantID) }) {
            let key = post.accountID + "|" + post.network.rawValue
            let before = history[key, default: []]
            if let median = median(Array(before.suffix(window))) {
                result.append(
                    EngagementObservation(
                        variantID: post.variantID, accountID: post.accountID, network: post.network, bucket: post.bucket,
                        score: logRatio(engagement: post.engagement, median: median), publishedAt: post.publishedAt,
                        region: post.region, logEngagement: log(max(0, post.engagement) + 1),
                        earlyEngagement: post.earlyEngagement))
            }
            history[key, default: []].append(post.engagement)
        }
        return result
    }
}
