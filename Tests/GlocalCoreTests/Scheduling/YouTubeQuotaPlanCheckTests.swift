import Foundation
import Testing

@testable import GlocalCore

/// `glocal plan` warns when one YouTube account has more uploads on one Pacific day than the daily quota admits.
@Suite struct YouTubeQuotaPlanCheckTests {
    typealias F = ScheduleFixture

    /// `count` posts at explicit times on 2026-11-03 for one YouTube account in Los Angeles, with room for all of them.
    static func run(posts count: Int) -> ScheduleRun {
        var fixture = ScheduleFixture()
        fixture.quietHours = nil
        fixture.locale("en-US", zone: "America/Los_Angeles")
        fixture.account("yt", .youtube, locale: "en-US")
        fixture.profile(.youtube, allowed: ["daily 00:00-23:59"], minGap: F.hours(0), maxPerDay: 20, maxPerWeek: .some(nil))
        let posts = (0..<count).map { F.PostSpec(id: "p\($0)", day: 0, at: String(format: "%02d:00", 8 + $0)) }
        fixture.campaign("camp", start: "2026-11-03", end: "2026-11-03", posts: posts)
        return fixture.schedule()
    }

    @Test func sevenUploadsOnOneDayAreOneWarningSixAreNone() throws {
        let seven = Self.run(posts: 7)
        #expect(seven.scheduled.compactMap(\.slot).count == 7)
        let warnings = YouTubeQuotaPlanCheck().warnings(seven.scheduled)
        #expect(warnings.count == 1)
        let warning = try #require(warnings.first)
        #expect(warning.rule == "youtube.quota")
        #expect(warning.severity == .warning)
        #expect(warning.message == "youtube/yt: 7 uploads planned on 2026-11-03 (Pacific time), the daily quota admits 6")
        #expect(YouTubeQuotaPlanCheck().warnings(Self.run(posts: 6).scheduled).isEmpty)
    }
}
