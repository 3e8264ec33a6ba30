import Foundation
import Testing

@testable import GlocalCore

@Suite struct FeedArrivalTests {
    @Test func aSteadyAudienceGivesTheDecaysOwnFirstHourShare() {
        for halfLife in [0.4, 1, 24] {
            let share = FeedArrival(halfLife: halfLife).earlyShare(hour: 10) { _ in 0.7 }
            let exact = (1 - pow(0.5, 1 / halfLife)) / (1 - pow(0.5, 24 / halfLife))
            #expect(abs(share - exact) < 0.002 * exact, "half-life \(halfLife) h: \(share) against \(exact)")
        }
    }

    @Test func aPostAtTheAudiencesPeakGetsMoreOfItsDayInItsFirstHourThanOneBeforeIt() {
        let arrival = FeedArrival(halfLife: 2)
        let activity: (Double) -> Double = { 0.3 + 0.7 * exp(-($0 - 12) * ($0 - 12) / (2 * 2.5 * 2.5)) }
        let atPeak = arrival.earlyShare(hour: 12, activity: activity)
        let before = arrival.earlyShare(hour: 8, activity: activity)
        #expect(atPeak > 1.3 * before)
    }

    @Test func withASlowFeedTheShareFollowsTheActivityAtTheHour() {
        // A day-long half-life spreads the rest over the whole day, so the first hour's share is the hour's activity
        // over the day's: a post at the busy hour gets about three times the share of one at the quiet hour.
        let arrival = FeedArrival(halfLife: 24)
        let activity: (Double) -> Double = { hour in
            let ofDay = hour.truncatingRemainder(dividingBy: 24)
            return ofDay >= 12 && ofDay < 13 ? 3 : 1
        }
        let busy = arrival.earlyShare(hour: 12, activity: activity)
        let quiet = arrival.earlyShare(hour: 14, activity: activity)
        #expect(busy / quiet > 2.7 && busy / quiet < 3.3)
        #expect(arrival.earlyShare(hour: 3) { _ in 0 } == 0)
    }
}
