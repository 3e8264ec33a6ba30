import GlocalCore
import Testing

/// A campaign none of whose accounts a person sees is, to them, a campaign that does not exist.
struct CampaignVisibilityTests {
    let teams = [
        ApprovalScopeTests.team("france", ["lumiere-fr-*"], ["claire.martin@lumiere.example"]),
        ApprovalScopeTests.team("united-kingdom", ["lumiere-uk-*"], ["olivia.hughes@lumiere.example"]),
    ]
    var claire: ApprovalScope { ApprovalScope(email: "claire.martin@lumiere.example", role: .manager, teams: teams) }

    @Test func aManagerSeesACampaignWithAVariantOrATargetOfTheirTeams() {
        #expect(CampaignVisibility.isVisible(visibleVariants: 3, targetedAccounts: nil, scope: claire))
        #expect(
            CampaignVisibility.isVisible(visibleVariants: 0, targetedAccounts: ["lumiere-uk-x", "lumiere-fr-x"], scope: claire))
    }

    @Test func aManagerDoesNotSeeAnotherTeamsCampaignNorOneGoneFromTheWorkspace() {
        #expect(
            !CampaignVisibility.isVisible(visibleVariants: 0, targetedAccounts: ["lumiere-uk-x", "lumiere-kr-x"], scope: claire))
        #expect(!CampaignVisibility.isVisible(visibleVariants: 0, targetedAccounts: [], scope: claire))
        #expect(!CampaignVisibility.isVisible(visibleVariants: 0, targetedAccounts: nil, scope: claire))
    }

    @Test func adminsAndViewersSeeEveryCampaignOfTheWorkspaceOnly() {
        for role in [UserRole.admin, .viewer] {
            let scope = ApprovalScope(email: "a@lumiere.example", role: role, teams: teams)
            #expect(CampaignVisibility.isVisible(visibleVariants: 0, targetedAccounts: [], scope: scope))
            #expect(!CampaignVisibility.isVisible(visibleVariants: 0, targetedAccounts: nil, scope: scope))
        }
    }
}
