import Foundation
import GlocalCore
import Testing

/// When engagement is read, which reading scores a post, and the local bucket it counts in.
struct EngagementCheckpointsTests {
    @Test func theStandardScheduleReadsAfterAnHourADayAndAWeek() {
        #expect(EngagementCheckpoints.standardReadings == [3_600, 86_400, 604_800])
        #expect(EngagementCheckpoints.standard.readings == EngagementCheckpoints.standardReadings)
    }

    @Test(arguments: Network.allCases)
    func aPostIsScoredAfterADayAndAYouTubeVideoAfterAWeek(network: Network) {
        let expected = network == .youtube ? 604_800 : 86_400
        #expect(EngagementCheckpoints.standard.scoringCheckpoint(for: network) == expected)
    }

    @Test func aCustomScheduleKeepsTheYouTubeException() {
        let schedule = EngagementCheckpoints(readings: [600], scoring: 600, youtubeScoring: 7_200)
        #expect(schedule.scoringCheckpoint(for: .x) == 600)
        #expect(schedule.scoringCheckpoint(for: .youtube) == 7_200)
    }

    @Test func onlyCheckpointsAfterPublicationGetAJob() {
        #expect(EngagementCheckpoints.jobCheckpoints([0, 3_600, -5, 86_400]) == [3_600, 86_400])
    }

    @Test func aReadingIsGivenUpAfterItsAttemptsUnlessRateLimited() {
        let policy = MetricsRetryPolicy.standard
        #expect(policy.maxAttempts == 5)
        #expect(!policy.givesUp(attempts: 4, countsAsAttempt: true))
        #expect(policy.givesUp(attempts: 5, countsAsAttempt: true))
        #expect(!policy.givesUp(attempts: 9, countsAsAttempt: false))
    }

    /// 2026-11-30 (a Monday) 23:30 UTC is Tuesday 08:30 in Seoul and Monday 18:30 in New York.
    @Test func theBucketIsTheAccountsLocalWeekdayAndHours() {
        let instant = Date(timeIntervalSince1970: 1_796_081_400)
        #expect(TimingBucket.local(of: instant, timeZoneIdentifier: "UTC") == TimingBucket(weekday: 1, block: 11))
        #expect(TimingBucket.local(of: instant, timeZoneIdentifier: "Asia/Seoul") == TimingBucket(weekday: 2, block: 4))
        #expect(TimingBucket.local(of: instant, timeZoneIdentifier: "America/New_York") == TimingBucket(weekday: 1, block: 9))
    }

    @Test func anUnknownZoneCountsInUTC() {
        let instant = Date(timeIntervalSince1970: 1_796_081_400)
        #expect(TimingBucket.local(of: instant, timeZoneIdentifier: "Mars/Olympus") == TimingBucket(weekday: 1, block: 11))
    }
}
