import GlocalCore
import Testing

/// One definition of "approved" for the campaigns list and a campaign's page.
struct CampaignProgressTests {
    @Test func approvedScheduledPublishingUnknownAndPublishedCountAsApproved() {
        let progress = CampaignProgress(states: [
            .approved, .scheduled, .scheduled, .publishing, .unknown, .published, .pendingApproval, .rejected,
        ])
        #expect(progress.approved == 6)
        #expect(progress.total == 8)
        #expect(progress.pending == 1)
        #expect(progress.rejected == 1)
        #expect(progress.count(.scheduled) == 2)
    }

    /// The case: 145 variants scheduled or published and one pending is 145 of 146, not 0.
    @Test func aCampaignWhoseApprovedVariantsWereScheduledIsNotAtZero() {
        let progress = CampaignProgress(counts: [.scheduled: 100, .published: 45, .pendingApproval: 1])
        #expect(progress.approved == 145)
        #expect(progress.total == 146)
    }

    @Test(arguments: VariantState.allCases)
    func everyStateIsDecided(state: VariantState) {
        let expected: Set<VariantState> = [.approved, .scheduled, .publishing, .unknown, .published]
        #expect(CampaignProgress.countsAsApproved(state) == expected.contains(state))
        #expect(CampaignProgress(states: [state]).approved == (expected.contains(state) ? 1 : 0))
        #expect(CampaignProgress(states: [state]).total == 1)
    }

    @Test func noVariantsIsNothingApproved() {
        let progress = CampaignProgress(states: [])
        #expect(progress.total == 0 && progress.approved == 0 && progress.pending == 0)
    }
}
