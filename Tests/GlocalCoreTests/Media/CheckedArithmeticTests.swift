import Foundation
import Testing

@testable import GlocalCore

/// Numbers from input cannot make date or duration arithmetic trap, and the 80/20 check costs posts, not days.
@Suite struct CheckedArithmeticTests {
    @Test func addingDaysSaturatesInsteadOfOverflowing() {
        let date = LocalDate(year: 2026, month: 12, day: 1)!
        #expect(date.adding(days: Int.max) == LocalDate(year: 9999, month: 12, day: 31))
        #expect(date.adding(days: Int.min) == LocalDate(year: 1, month: 1, day: 1))
        #expect(date.adding(days: 14) == LocalDate(year: 2026, month: 12, day: 15))
        #expect(LocalDate(daysSinceEpoch: 0) == LocalDate(year: 1970, month: 1, day: 1))
        #expect(LocalDate(daysSinceEpoch: Int.max).description == "9999-12-31")
    }

    @Test func epochDayRangeMatchesTheCalendarBounds() {
        #expect(LocalDate(year: 1, month: 1, day: 1)!.daysSinceEpoch == LocalDate.epochDayRange.lowerBound)
        #expect(LocalDate(year: 9999, month: 12, day: 31)!.daysSinceEpoch == LocalDate.epochDayRange.upperBound)
    }

    @Test func durationsStopAtTheCapInsteadOfOverflowing() {
        #expect(GlocalDuration(text: String(repeating: "1000000w", count: 10_000)) == nil)
        #expect(GlocalDuration(text: "1000000w") == nil)  // 19 000 years, over the 100-year cap
        #expect(GlocalDuration(text: "5000w")?.seconds == 5000 * 604_800)
        #expect(GlocalDuration(text: "99999999999999999999d") == nil)
        #expect(GlocalDuration(text: "1d12h")?.seconds == 129_600)
    }

    private func post(_ day: Int, _ kind: PostKind, id: String = "p") -> PlannedPost {
        PlannedPost(
            accountID: "acc", network: .x, date: LocalDate(daysSinceEpoch: day), kind: kind, campaignID: "c", postID: id,
            postLocation: SourceLocation(file: "c.yaml", line: 1, column: 1))
    }

    private func check(_ posts: [PlannedPost], maxShare: Double = 0.2, windowDays: Int = 28) -> [Diagnostic] {
        var policy = PromotionalSharePolicy()
        policy.maxShare = maxShare
        policy.window = GlocalDuration(seconds: windowDays * 86_400)
        var diagnostics: [Diagnostic] = []
        PromotionalShareChecker(policy: policy, campaignKindLocations: [:]).check(posts, into: &diagnostics)
        return diagnostics
    }

    @Test func postsMillionsOfDaysApartCostNothing() {
        let start = Date()
        let posts = [post(20_000, .promotional), post(20_001, .informative), post(2_900_000, .promotional)]
        let diagnostics = check(posts)
        #expect(Date().timeIntervalSince(start) < 1)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.contains("1 of 1 posts") == true, "\(diagnostics)")
    }

    /// The reference: every start day of the span measured with prefix sums (the former implementation).
    private func referenceWorst(_ posts: [PlannedPost], maxShare: Double, windowDays: Int) -> (Int, Int, Int, String)? {
        let days = posts.map(\.date.daysSinceEpoch)
        let first = days.min()!, span = days.max()! - first + 1
        var totals = [Int](repeating: 0, count: span + 1), promotions = totals
        for (index, day) in days.enumerated() {
            totals[day - first + 1] += 1
            if posts[index].kind == .promotional { promotions[day - first + 1] += 1 }
        }
        for i in 1...span { totals[i] += totals[i - 1]; promotions[i] += promotions[i - 1] }
        var worst: (Double, Int, Int, Int, String)? = nil
        var seen = Set<Int>()
        for post in posts where post.kind == .promotional && seen.insert(post.date.daysSinceEpoch).inserted {
            let day = post.date.daysSinceEpoch - first
            let highest = span > windowDays ? min(day, span - windowDays) : 0
            for start in min(max(0, day - windowDays + 1), highest)...highest {
                let end = min(span - 1, start + windowDays - 1)
                let total = totals[end + 1] - totals[start], promotional = promotions[end + 1] - promotions[start]
                let share = Double(promotional) / Double(total)
                if share > maxShare + 1e-9, worst == nil || share > worst!.0 {
                    worst = (share, promotional, total, first + start, post.postID)
                }
            }
        }
        return worst.map { ($0.1, $0.2, $0.3, $0.4) }
    }

    @Test func agreesWithMeasuringEveryStartDay() {
        var seed: UInt64 = 0x9E37_79B9
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        for round in 0..<300 {
            let count = 1 + next(30)
            let spread = 1 + next(120)
            let window = 1 + next(40)
            let posts = (0..<count).map { index in
                post(20_000 + next(spread), next(3) == 0 ? .promotional : .informative, id: "p\(index)")
            }
            let expected = referenceWorst(posts, maxShare: 0.2, windowDays: window)
            let found = check(posts, windowDays: window).first
            #expect((found == nil) == (expected == nil), "round \(round)")
            if let expected, let found {
                let start = LocalDate(daysSinceEpoch: expected.2)
                #expect(
                    found.message.contains("\(expected.0) of \(expected.1) posts from \(start)"),
                    "round \(round): \(found.message)")
                #expect(found.notes.contains { $0.contains("post '\(expected.3)'") }, "round \(round)")
            }
        }
    }
}
