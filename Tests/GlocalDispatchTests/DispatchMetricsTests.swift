import Foundation
import GlocalCore
import GlocalDispatch
import Testing

struct DispatchMetricsTests {
    @Test func outcomesLatenessAndQueueDepthAreExposedForPrometheus() {
        let metrics = DispatchMetrics()
        var published = JobReport(variantID: "c/p/a", accountID: "lum-fr-x", network: .x)
        published.resolution = .published(PublishReceipt(remoteID: "1"))
        published.lateness = 0.4
        var late = published
        late.lateness = 3
        var failed = JobReport(variantID: "c/p/b", accountID: "lum-\"b\"", network: .mastodon)
        failed.resolution = .fail(reason: "invalid content")
        [published, late, failed].forEach(metrics.record)
        metrics.recordRound()
        let text = metrics.prometheusText(queueDepth: [.scheduled: 7, .running: 1])
        #expect(text.contains("glocal_jobs{state=\"scheduled\"} 7\n"))
        #expect(text.contains("glocal_jobs{state=\"completed\"} 0\n"))
        #expect(text.contains("glocal_publish_outcomes_total{network=\"x\",account=\"lum-fr-x\",outcome=\"published\"} 2\n"))
        #expect(
            text.contains("glocal_publish_outcomes_total{network=\"mastodon\",account=\"lum-\\\"b\\\"\",outcome=\"failed\"} 1\n"))
        #expect(text.contains("glocal_publish_lateness_seconds_bucket{le=\"0.5\"} 1\n"))
        #expect(text.contains("glocal_publish_lateness_seconds_bucket{le=\"5\"} 2\n"))
        #expect(text.contains("glocal_publish_lateness_seconds_bucket{le=\"+Inf\"} 2\n"))
        #expect(text.contains("glocal_publish_lateness_seconds_sum 3.4\n"))
        #expect(text.contains("glocal_dispatch_rounds_total 1\n"))
    }

    @Test func aRoundThatFailedAfterWritingAnOutcomeStillCountsItsPost() {
        var published = JobReport(variantID: "c/p/a", accountID: "lum-fr-x", network: .x)
        published.resolution = .published(PublishReceipt(remoteID: "1"))
        published.lateness = 0.4
        // Its report was recorded as the outcome was written; the round, which never ended, is not counted.
        let failedRound = DispatchMetrics()
        failedRound.record(published)
        let text = failedRound.prometheusText(queueDepth: [:])
        #expect(text.contains("glocal_publish_outcomes_total{network=\"x\",account=\"lum-fr-x\",outcome=\"published\"} 1\n"))
        #expect(text.contains("glocal_dispatch_rounds_total 0\n"))
    }

    @Test func aQueueDepthThatCouldNotBeReadLeavesTheJobSamplesOut() {
        let metrics = DispatchMetrics()
        let unread = metrics.prometheusText(queueDepth: nil)
        // A store that is down must not read as a queue emptied to 0.
        #expect(!unread.contains("glocal_jobs{"))
        #expect(unread.contains("# TYPE glocal_jobs gauge\n"))
        let empty = metrics.prometheusText(queueDepth: [:])
        #expect(empty.contains("glocal_jobs{state=\"scheduled\"} 0\n"))
    }
}
