import Foundation
import GlocalCore
import GlocalDispatch
import GlocalStore
import Synchronization
import Testing

/// `runOnce(onReport:)`: each job's report is handed over while the round goes on, once its outcome is written, so that
/// `glocal dispatch` prints a post's line at once and a round that fails later (or a SIGKILL) loses none.
struct DispatcherReportHookTests {
    @Test func eachReportIsHandedOverDuringTheRoundOnceItsOutcomeIsWritten() async throws {
        let attempts = Mutex(0)
        try await DispatchHarness.run(
            perAccount: 8, spacing: 10, concurrency: 1, onAttempt: { _ in attempts.withLock { $0 += 1 } }
        ) {
            dispatcher, store, _, clock, variants in
            clock.advance(by: 120)  // every slot is due, within the grace period
            // For each report handed over: the attempts finished by then, and the variant's state in the store then.
            let heard = Mutex<[(report: JobReport, attempts: Int, state: VariantState?)]>([])
            let reports = try await dispatcher.runOnce(onReport: { report in
                let state = try? store.variant(report.variantID)?.state
                heard.withLock { $0.append((report, attempts.withLock { $0 }, state)) }
            })
            let handed = heard.withLock { $0 }
            #expect(reports.count == variants.count)
            #expect(handed.map(\.report) == reports, "the same reports, in the same order")
            #expect(handed.allSatisfy { $0.report.outcome == "published" && $0.state == .published })
            // The first report came long before the round's last post went out.
            #expect(handed.first.map { $0.attempts < variants.count / 2 } == true, "\(handed.map(\.attempts))")
        }
    }
}
