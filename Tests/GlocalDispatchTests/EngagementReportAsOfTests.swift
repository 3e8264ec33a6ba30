import Foundation
import GlocalCore
import GlocalStore
import Testing

/// `glocal report --now T`: the report as it stood at T, from the store's publications, readings and approvals.
struct EngagementReportAsOfTests {
    @Test func theReportKnowsOnlyWhatWasReadByItsInstant() async throws {
        try await MetricsCollectorTests().withPublished { collector, store, sandbox, clock in
            await MetricsCollectorTests.advance(3_600, clock, sandbox)
            _ = try await collector.runOnce()
            await MetricsCollectorTests.advance(23 * 3_600, clock, sandbox)
            _ = try await collector.runOnce()
            let loader = EngagementReportLoader(store: store, workspace: nil)
            let variants = try store.allVariants()
            let id = "hydra/teaser/lum-fr-mastodon"
            let samples = try store.metrics.samples(variant: id)
            try #require(samples.map(\.checkpoint) == [3_600, 86_400])
            func post(asOf: Date?) throws -> ReportPost? {
                try loader.input(variants: variants, campaign: nil, asOf: asOf).posts.first { $0.variantID == id }
            }
            let slot = MetricsCollectorTests.slot
            // Now: the +24 h reading is the latest and scores the post.
            #expect(try post(asOf: nil)?.engagement == samples[1].engagement)
            #expect(try post(asOf: nil)?.scoringEngagement == samples[1].engagement)
            // Two hours after it went out, only the +1 h reading was known.
            let early = try #require(try post(asOf: slot.addingTimeInterval(7_200)))
            #expect(early.publishedAt == slot && early.engagement == samples[0].engagement && early.scoringEngagement == nil)
            // Before it went out, it had not.
            let before = try #require(try post(asOf: slot.addingTimeInterval(-60)))
            #expect(before.publishedAt == nil && before.engagement == nil)
        }
    }
}
