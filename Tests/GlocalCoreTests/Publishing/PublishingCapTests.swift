import Foundation
import GlocalCore
import Testing

/// The publishing cap rule alone: when the next post may go out, given what went out and what is in
/// flight, under one cap and under a network's set of caps.
struct PublishingCapTests {
    static let now = Date(timeIntervalSince1970: 1_796_115_600)
    let cap = PublishingCap(network: .instagram, limit: 3, window: 86_400)

    func hoursAgo(_ hours: Double) -> Date { Self.now.addingTimeInterval(-hours * 3_600) }
    func secondsAgo(_ seconds: Double) -> Date { Self.now.addingTimeInterval(-seconds) }

    @Test func eachNetworkHasItsDocumentedCaps() {
        func caps(_ network: Network) -> [String] { PublishingCap.caps(for: network).map { "\($0.limit)/\(Int($0.window))" } }
        #expect(caps(.x) == ["100/900"])
        #expect(caps(.mastodon) == ["300/10800"])
        #expect(caps(.bluesky) == ["1666/3600", "11666/86400"])
        #expect(caps(.threads) == ["250/86400"])
        #expect(caps(.instagram) == ["50/86400"])
        // YouTube: 100 videos.insert calls a day per project; TikTok: about 15 direct posts a day per creator.
        #expect(caps(.youtube) == ["100/86400"])
        #expect(caps(.tiktok) == ["15/86400"])
        for network in [Network.linkedin, .facebook] { #expect(caps(network).isEmpty) }
        for network in Network.allCases { #expect(PublishingCap.caps(for: network).allSatisfy { $0.network == network }) }
    }

    @Test func theReasonNamesTheNetworkTheLimitAndTheWindow() {
        #expect(
            PublishingCap.caps(for: .x)[0].deferralReason
                == "publishing cap reached: X allows 100 posts per 15 minutes per account")
        #expect(PublishingCap.caps(for: .mastodon)[0].summary == "Mastodon allows 300 posts per 3 hours per account")
        #expect(
            PublishingCap.caps(for: .bluesky).map(\.summary) == [
                "Bluesky allows 1666 posts per hour per account", "Bluesky allows 11666 posts per 24 hours per account",
            ])
        #expect(PublishingCap.caps(for: .instagram)[0].deferralReason.hasPrefix(PublishingCap.reason))
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
        #expect(next == Self.now.addingTimeInterval(PublishingCap.recheck))
    }

    @Test func theCountsAloneAdmitExactlyWhenTheInstantsWouldNotHoldThePostBack() {
        #expect(cap.admits(published: 2, inFlight: 0))
        #expect(cap.admits(published: 1, inFlight: 1))
        #expect(!cap.admits(published: 3, inFlight: 0))
        #expect(!cap.admits(published: 2, inFlight: 1))
    }

    /// X: 100 posts in any 15 minutes. A post published exactly 15 minutes ago has left the window.
    @Test func xsWindowEndsExactlyFifteenMinutesAfterAPost() throws {
        let x = try #require(PublishingCap.caps(for: .x).first)
        // 100 posts, the oldest 900 s ago (just left), the others 899 s ago and later.
        let edge = [900.0] + (0..<99).map { 899 - Double($0) }
        #expect(x.nextAllowed(recent: edge.map(secondsAgo), inFlight: 0, now: Self.now) == nil)
        // The same 100 posts one second earlier: all in the window, the 101st waits for the oldest.
        let full = (0..<100).map { 899 - Double($0) }
        #expect(x.nextAllowed(recent: full.map(secondsAgo), inFlight: 0, now: Self.now) == Self.now.addingTimeInterval(1))
        // 99 posts leave room for one more.
        #expect(x.nextAllowed(recent: full.dropLast().map(secondsAgo), inFlight: 0, now: Self.now) == nil)
    }

    /// Bluesky has two windows; the hour one and the day one are checked together and the later wins.
    @Test func blueskysTwoWindowsAreCheckedTogetherAndTheLatestWins() throws {
        let caps = PublishingCap.caps(for: .bluesky)
        let (hour, day) = (caps[0], caps[1])
        // 1 666 posts in the last half hour: the hour cap holds until the oldest is an hour old.
        let burst = (0..<1_666).map { secondsAgo(1_800 - Double($0) / 1_000) }
        let hourly = try #require(PublishingCap.nextAllowed(under: caps, recent: burst, inFlight: 0, now: Self.now))
        #expect(hourly.until == Self.now.addingTimeInterval(1_800) && hourly.cap == hour)
        // 11 666 posts spread over the day, none in the last hour: the day cap holds, the hour one does not.
        let spread = (0..<11_666).map { hoursAgo(23.5 - Double($0) * 22 / 11_666) }
        #expect(hour.nextAllowed(recent: spread, inFlight: 0, now: Self.now) == nil)
        let daily = try #require(PublishingCap.nextAllowed(under: caps, recent: spread, inFlight: 0, now: Self.now))
        #expect(daily.until == Self.now.addingTimeInterval(1_800) && daily.cap == day)
        // Both full: the day's window ends later than the hour's, so it is the one that counts.
        let both = spread.dropFirst(1_666) + burst
        let hourUntil = try #require(hour.nextAllowed(recent: Array(both), inFlight: 0, now: Self.now))
        let dayUntil = try #require(day.nextAllowed(recent: Array(both), inFlight: 0, now: Self.now))
        #expect(dayUntil > hourUntil)
        let latest = try #require(PublishingCap.nextAllowed(under: caps, recent: Array(both), inFlight: 0, now: Self.now))
        #expect(latest.until == dayUntil && latest.cap == day)
        // Under the limits: no wait.
        #expect(PublishingCap.nextAllowed(under: caps, recent: Array(burst.dropFirst()), inFlight: 0, now: Self.now) == nil)
    }

    @Test func noCapsNeverWait() {
        #expect(
            PublishingCap.nextAllowed(under: [], recent: (0..<10_000).map { secondsAgo(Double($0)) }, inFlight: 50, now: Self.now)
                == nil)
    }
}
