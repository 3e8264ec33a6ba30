import Foundation
import Testing

@testable import GlocalCore

/// What `glocal collect-metrics` says when a round had nothing to read.
struct MetricsIdleLineTests {
    static let now = try! Date("2026-12-16T09:00:00Z", strategy: .iso8601)

    static func job(runAt: Date, checkpoint: Int = 86_400) -> MetricsJob {
        MetricsJob(
            id: 7, variantID: "shop-winter-events/winter-routine/lumiere-fr-x", accountID: "lumiere-fr-x", network: .x,
            checkpoint: checkpoint, dueAt: runAt, runAt: runAt, attempts: 0, state: "scheduled")
    }

    @Test func noPublishedPostSaysSo() {
        #expect(MetricsIdleLine(publishedPosts: 0, next: nil, now: Self.now).text == "nothing due: no published posts to measure")
    }

    @Test func everyReadingTakenSaysHowManyPosts() {
        #expect(
            MetricsIdleLine(publishedPosts: 784, next: nil, now: Self.now).text
                == "nothing due: every reading of the 784 published posts is taken (or given up)")
        #expect(
            MetricsIdleLine(publishedPosts: 1, next: nil, now: Self.now).text
                == "nothing due: every reading of the 1 published post is taken (or given up)")
    }

    @Test func theNextReadingIsNamedWithItsInstantAndWait() {
        let next = Self.job(runAt: Self.now.addingTimeInterval(3 * 3600 + 14 * 60 + 30), checkpoint: 604_800)
        #expect(
            MetricsIdleLine(publishedPosts: 3, next: next, now: Self.now).text
                == "nothing due: next reading at 2026-12-16T12:14:30Z (in 3h14m), "
                + "+7d after shop-winter-events/winter-routine/lumiere-fr-x went out")
        let soon = Self.job(runAt: Self.now.addingTimeInterval(20), checkpoint: 3_600)
        #expect(
            MetricsIdleLine(publishedPosts: 3, next: soon, now: Self.now).text
                == "nothing due: next reading at 2026-12-16T09:00:20Z (in under a minute), "
                + "+1h after shop-winter-events/winter-routine/lumiere-fr-x went out")
    }

    /// docs/operations.md: `nothing due: next reading at … (in 3h14m), +24h after …`, as the `fetched:` lines
    /// write the day's reading (``CheckpointLabel``), not `+1d`.
    @Test func theDaysReadingIsWrittenAsTheFetchedLinesWriteIt() {
        let day = Self.job(runAt: Self.now.addingTimeInterval(3 * 3600 + 14 * 60 + 30), checkpoint: 86_400)
        #expect(
            MetricsIdleLine(publishedPosts: 3, next: day, now: Self.now).text
                == "nothing due: next reading at 2026-12-16T12:14:30Z (in 3h14m), "
                + "+24h after shop-winter-events/winter-routine/lumiere-fr-x went out")
        let halfHour = Self.job(runAt: Self.now.addingTimeInterval(600), checkpoint: 5_400)
        #expect(
            MetricsIdleLine(publishedPosts: 3, next: halfHour, now: Self.now).text.hasSuffix(
                ", +1h30m after shop-winter-events/winter-routine/lumiere-fr-x went out"))
    }
}
