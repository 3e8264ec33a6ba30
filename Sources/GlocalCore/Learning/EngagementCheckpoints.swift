import Foundation

/// When engagement is read after a post goes out, and which reading scores it (docs/scheduling.md):
/// +1 h, +24 h and +7 d by default; a post is scored at +24 h, except on YouTube, where views and
/// likes keep coming for days, at +7 d.
public struct EngagementCheckpoints: Sendable, Equatable {
    /// The readings taken, in seconds after publication.
    public var readings: [Int]
    /// The reading that scores a post.
    public var scoring: Int
    /// The reading that scores a YouTube video.
    public var youtubeScoring: Int

    /// The readings taken by default: +1 h, +24 h and +7 d.
    public static let standardReadings = [3_600, 86_400, 604_800]

    /// The default schedule.
    public static let standard = EngagementCheckpoints(
        readings: standardReadings, scoring: 86_400, youtubeScoring: 604_800)

    /// How long a claimed reading stays hidden from other collectors, in seconds (a crashed
    /// collector's claim simply comes due again).
    public static let claimLease: TimeInterval = 300

    /// Creates a schedule.
    public init(readings: [Int], scoring: Int, youtubeScoring: Int) {
        self.readings = readings
        self.scoring = scoring
        self.youtubeScoring = youtubeScoring
    }

    /// The checkpoints of `readings` a job is made for: those after publication (a zero or negative
    /// one is ignored).
    public static func jobCheckpoints(_ readings: [Int]) -> [Int] { readings.filter { $0 > 0 } }

    /// The reading that scores a post on `network`.
    public func scoringCheckpoint(for network: Network) -> Int { network == .youtube ? youtubeScoring : scoring }
}
