import Foundation
import Testing

@testable import GlocalCore

/// The minutes a spring-forward night skips, read from the time-zone database (not from dates written here),
/// and what the schedule says of a window that falls inside them.
@Suite struct SpringForwardGapTests {
    typealias F = ScheduleFixture

    static func zone(_ identifier: String) -> TimeZone { TimeZone(identifier: identifier)! }

    @Test func theGapOfEachZoneComesFromTheDatabase() throws {
        let newYork = try #require(SpringForwardGap(on: F.date("2027-03-14"), in: Self.zone("America/New_York")))
        #expect(newYork.start == 120 && newYork.end == 180)
        #expect("\(newYork)" == "the clocks go forward from 02:00 to 03:00")
        #expect(newYork.contains(minute: 120) && newYork.contains(minute: 179) && !newYork.contains(minute: 180))
        #expect(newYork.covers(from: 120, to: 180) && !newYork.covers(from: 119, to: 180))
        // Paris goes forward two weeks later; Lord Howe Island by half an hour.
        let paris = try #require(SpringForwardGap(on: F.date("2027-03-28"), in: Self.zone("Europe/Paris")))
        #expect("\(paris)" == "the clocks go forward from 02:00 to 03:00")
        let lordHowe = try #require(SpringForwardGap(on: F.date("2027-10-03"), in: Self.zone("Australia/Lord_Howe")))
        #expect("\(lordHowe)" == "the clocks go forward from 02:00 to 02:30")
        // No gap the day before or after, on the fall-back day, or in a zone without daylight saving.
        #expect(SpringForwardGap(on: F.date("2027-03-13"), in: Self.zone("America/New_York")) == nil)
        #expect(SpringForwardGap(on: F.date("2027-03-15"), in: Self.zone("America/New_York")) == nil)
        #expect(SpringForwardGap(on: F.date("2027-11-07"), in: Self.zone("America/New_York")) == nil)
        #expect(SpringForwardGap(on: F.date("2027-03-14"), in: Self.zone("Asia/Kolkata")) == nil)
    }

    /// A window wholly inside the gap is said not to exist that day, never "full" with a minute outside it.
    @Test func aWindowInsideTheGapDoesNotExistThatDay() throws {
        var fixture = ScheduleFixture()
        fixture.quietHours = nil
        fixture.locale("en-US", zone: "America/New_York")
        fixture.account("us-x", .x, locale: "en-US")
        fixture.campaign("c", start: "2027-03-14", end: "2027-03-14", posts: [.init(id: "night")])
        fixture.profile(.x, preferred: ["Sun 02:00-03:00"], allowed: ["Sun 10:00-11:00"])
        let run = fixture.schedule(notBefore: F.utc("2027-03-01T00:00:00Z"))
        let item = try #require(run.variant("c/night/us-x"))
        let windows = item.explanation.filter { $0.rule == "window" }.map(\.detail)
        #expect(
            windows.first
                == "tier A window Sun 02:00-03:00 does not exist on 2027-03-14: the clocks go forward from 02:00 to 03:00",
            "\(windows)")
        #expect(!windows.contains { $0.contains("is full") }, "\(windows)")
        #expect(try #require(item.slot).time.minutes >= 10 * 60)
    }

    /// A window partly in the gap is full with a minute that exists, never one the clocks skipped.
    @Test func aFullWindowAcrossTheGapNamesAMinuteThatExists() throws {
        var fixture = ScheduleFixture()
        fixture.quietHours = QuietHours(start: F.time("00:00"), end: F.time("03:10"))
        fixture.locale("en-US", zone: "America/New_York")
        fixture.account("us-x", .x, locale: "en-US")
        fixture.campaign("c", start: "2027-03-14", end: "2027-03-14", posts: [.init(id: "night")])
        fixture.profile(.x, preferred: ["Sun 02:15-03:10"], allowed: ["Sun 10:00-11:00"])
        let run = fixture.schedule(notBefore: F.utc("2027-03-01T00:00:00Z"))
        let full = try #require(run.variant("c/night/us-x")?.explanation.first { $0.rule == "window" }?.detail)
        #expect(full == "tier A window Sun 02:15-03:10 is full on 2027-03-14: e.g. 03:01 is in quiet hours (00:00-03:10)")
    }

    /// A learned bucket whose every allowed minute falls in the gap is said not to exist that day, never "full".
    @Test func aLearnedBucketInsideTheGapDoesNotExistThatDay() throws {
        var fixture = ScheduleFixture()
        fixture.quietHours = nil
        fixture.locale("en-US", zone: "America/New_York")
        fixture.account("us-x", .x, locale: "en-US")
        fixture.campaign("c", start: "2027-03-14", end: "2027-03-14", posts: [.init(id: "night")])
        fixture.profile(.x, preferred: ["Sun 02:00-03:00"], allowed: ["Sun 10:00-11:00"])
        let now = F.utc("2027-03-01T00:00:00Z")
        // Sunday 02-04 did far better for this account than 10-12: it is the bucket ranked first.
        let observations = (0..<60).map { index in
            let night = index % 2 == 0
            return EngagementObservation(
                variantID: "old/p\(index)/us-x", accountID: "us-x", network: .x,
                bucket: TimingBucket(weekday: 7, block: night ? 1 : 5), score: night ? 1.5 : 0,
                publishedAt: now.addingTimeInterval(-Double(index) * 86_400))
        }
        let model = LearnedTimingEstimator().estimate(observations, table: fixture.timing, now: now, holdoutShare: 0)
        let scheduler = Scheduler(workspace: fixture.workspace, timing: fixture.timing, learned: model)
        let item = try #require(scheduler.schedule(fixture.variants(), notBefore: now).scheduled.first)
        let learned = try #require(item.explanation.first { $0.rule == "learned" }?.detail)
        #expect(learned.hasPrefix("bucket Sun 10-12 chosen"), "\(learned)")
        #expect(
            learned.hasSuffix(
                "; bucket Sun 02-04 does not exist on 2027-03-14: the clocks go forward from 02:00 to 03:00"),
            "\(learned)")
        #expect(!learned.contains("full"), "\(learned)")
        #expect(try #require(item.slot).time.minutes >= 10 * 60)
    }
}
