import Foundation
import Testing

/// The report's tables view carries the per-account learned-timing table (best hours with their
/// uncertainty, lift measured on the holdout) of the engagement report, in the reader's scope.
struct ReportLearnedTimingTests {
    @Test func theTablesViewShowsLearnedTimingPerAccount() async throws {
        let fixture = try ReportRoutesTests.publishedFixture()
        try await fixture.test { client in
            var admin = try await ReportRoutesTests.signedIn(client, ServerFixture.admin)
            let tables = try await admin.get("/report?view=tables&" + ReportRoutesTests.december)
            #expect(tables.status == .ok)
            #expect(tables.body.contains("<h2>Learned timing per account</h2>"))
            #expect(tables.body.contains("best hours (score ± uncertainty)") || tables.body.contains("None."))
            // One measured post per account: no score yet, so the holdout has nothing to compare.
            #expect(tables.body.contains("Lift measured on the holdout, every account: – (0 learned vs 0 holdout posts)"))
        }
    }
}
