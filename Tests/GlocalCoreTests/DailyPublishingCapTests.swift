import Foundation
import GlocalCore
import Testing

/// The daily cap rule alone: when the next post may go out, given what went out and what is in flight.
struct DailyPublishingCapTests {
    static let now = Date(timeIntervalSince1970: 1_796_115_600)
    let cap = DailyPublishingCap(limit: 3, window: 86_400)

    func hoursAgo(_ hours: Double) -> Date { Self.now.addingTimeInterval(-hours * 3_600) }

    @Test func instagramAndThreadsHaveCapsOthersDoNot() {
        #expect(DailyPublishingCap.forNetwork(.instagram)?.limit == 50)
        #expect(DailyPublishingCap.forNetwork(.threads)?.limit == 250)
        #expect(DailyPublishingCap.forNetwork(.instagram)?.window == 86_400)
        for network in [Network.x, .bluesky, .mastodon, .linkedin, .facebook] {
            #expect(DailyPublishingCap.forNetwork(network) == nil)
        }
    }

    @Test(arguments: [
        // (published hours ago, in flight, expected wait in hours from now; nil: now)
        ([Double](), 0, Double?.none),
        ([20, 10], 0, nil),
        ([20, 10, 1], 0, 4),  // the oldest (20 h ago) leaves in 4 h
        ([1, 20, 10], 0, 4),  // order does not matter
        ([30, 25, 10, 1], 0, nil),  // publications older than the window do not count
        ([20, 10], 1, 4),  // a post in flight counts as out
        ([20, 10, 5, 1], 0, 14),  // two must leave: the second oldest leaves in 14 h
        ([24, 10, 1], 0, nil),  // exactly 24 h ago has left
    ])
    func nextAllowed(publishedHoursAgo: [Double], inFlight: Int, waitHours: Double?) {
        let next = cap.nextAllowed(recent: publishedHoursAgo.map(hoursAgo), inFlight: inFlight, now: Self.now)
        #expect(next == waitHours.map { Self.now.addingTimeInterval($0 * 3_600) })
    }

    @Test func aCapFullOfPostsInFlightLooksAgainSoon() {
        let next = cap.nextAllowed(recent: [], inFlight: 3, now: Self.now)
        #expect(next == Self.now.addingTimeInterval(DailyPublishingCap.recheck))
    }
}
