import Foundation
import GlocalCore
import Testing

/// YouTube's tag count and upload budget.
@Suite struct VideoOptionsTests {
    @Test(
        arguments: [
            ([], 0),
            (["hydra"], 5),
            (["hydra", "serum"], 11),  // 5 + 5 + one comma
            (["winter skin"], 13),  // 11 characters and 2 for the quotes YouTube adds
            (["winter skin", "hydra"], 19),  // 13 + 5 + 1
            (["crème"], 5),  // characters, not bytes
        ] as [([String], Int)])
    func youtubeCountsTags(tags: [String], expected: Int) {
        #expect(YouTubeVideoOptions.countedLength(of: tags) == expected)
    }

    @Test func theStandardQuotaAdmitsAHundredUploadsADayPerProject() {
        let quota = YouTubeQuota.standard
        #expect(quota.uploadsPerDay == 100)
        #expect(quota.cap == PublishingCap(network: .youtube, limit: 100, window: 86_400))
        #expect(PublishingCap.caps(for: .youtube) == [quota.cap])
    }

    @Test func overBudgetDaysCountUploadsPerPacificDay() {
        // 2026-12-01 09:00 UTC is 01:00 in Los Angeles; 07:59 UTC the next day is still 2026-12-01 there.
        let start = Date(timeIntervalSince1970: 1_796_115_600)
        let first = (0..<100).map { start.addingTimeInterval(Double($0) * 60) }
        let lateSameDay = start.addingTimeInterval(22 * 3_600 + 59 * 60)
        let nextDay = start.addingTimeInterval(23 * 3_600)
        let days = YouTubeQuota.standard.overBudgetDays(first + [lateSameDay, nextDay])
        #expect(days.map(\.day) == ["2026-12-01"])
        #expect(days.map(\.uploads) == [101])
        #expect(YouTubeQuota.standard.overBudgetDays(first + [nextDay]).isEmpty)
    }
}
