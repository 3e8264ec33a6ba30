import Foundation
import Testing

@testable import GlocalCore

/// `glocal plan` warns when the YouTube uploads of one Pacific day, all accounts together (they share the app's
/// client id, so one Google Cloud project), need more than the project's 100 `videos.insert` calls.
@Suite struct YouTubeQuotaPlanCheckTests {
    typealias F = ScheduleFixture

    /// `count` posts every 5 minutes from 00:00 on 2026-11-03 to each of `accounts` (YouTube, Los Angeles).
    static func run(posts count: Int, accounts: [String]) -> ScheduleRun {
        var fixture = ScheduleFixture()
        fixture.quietHours = nil
        fixture.locale("en-US", zone: "America/Los_Angeles")
        for account in accounts { fixture.account(account, .youtube, locale: "en-US") }
        fixture.profile(.youtube, allowed: ["daily 00:00-23:59"], minGap: F.hours(0), maxPerDay: 300, maxPerWeek: .some(nil))
        let posts = (0..<count).map {
            F.PostSpec(id: "p\($0)", day: 0, at: String(format: "%02d:%02d", $0 * 5 / 60, $0 * 5 % 60))
        }
        fixture.campaign("camp", start: "2026-11-03", end: "2026-11-03", posts: posts)
        return fixture.schedule()
    }

    @Test func aHundredAndOneUploadsOfOneAccountAreOneWarningAHundredAreNone() throws {
        let over = Self.run(posts: 101, accounts: ["yt"])
        #expect(over.scheduled.compactMap(\.slot).count == 101)
        let warnings = YouTubeQuotaPlanCheck().warnings(over.scheduled)
        #expect(warnings.count == 1)
        let warning = try #require(warnings.first)
        #expect(warning.rule == "youtube.quota")
        #expect(warning.severity == .warning)
        #expect(warning.account == "yt")
        #expect(
            warning.message
                == "youtube/yt: 101 uploads planned on 2026-11-03 (Pacific time), the project's daily quota admits 100")
        #expect(YouTubeQuotaPlanCheck().warnings(Self.run(posts: 100, accounts: ["yt"]).scheduled).isEmpty)
    }

    @Test func accountsSharingTheClientIDCountTogether() throws {
        let shared = Self.run(posts: 51, accounts: ["yt-a", "yt-b"])
        #expect(shared.scheduled.compactMap(\.slot).count == 102)
        let warning = try #require(YouTubeQuotaPlanCheck().warnings(shared.scheduled).first)
        #expect(
            warning.message
                == "youtube (2 accounts): 102 uploads planned on 2026-11-03 (Pacific time), the project's daily quota admits 100")
        #expect(warning.account == nil)
        #expect(warning.notes.first?.contains("(yt-a, yt-b)") == true)
        #expect(YouTubeQuotaPlanCheck().warnings(Self.run(posts: 50, accounts: ["yt-a", "yt-b"]).scheduled).isEmpty)
    }
}
