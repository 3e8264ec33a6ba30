import Foundation
import GlocalCore
import Testing

/// Deadlines, campaign overrides, and login throttling, with injected instants.
struct ApprovalPolicyTests {
    let slot = Date(timeIntervalSince1970: 1_800_000_000)

    func variant(state: VariantState = .pendingApproval, slot: Date?) -> StoredVariant {
        StoredVariant(
            id: "c/p/a", campaignID: "c", postID: "p", accountID: "a", network: .x, locale: "en", kind: .informative, text: "Hi",
            title: nil, link: nil, linkPlacement: .inline, media: [], contentHash: "h", scheduledAt: slot, localTime: nil,
            timeZone: "UTC", live: slot == nil, state: state, explanation: [])
    }

    @Test func aPendingVariantMissesItsDeadlineOnlyAfterSlotMinusTheDeadline() {
        let policy = ApprovalPolicy(mode: .required, deadline: GlocalDuration(seconds: 12 * 3600))
        let due = slot - 12 * 3600
        #expect(policy.status(of: variant(slot: slot), now: due) == .open(due))
        #expect(policy.status(of: variant(slot: slot), now: due + 1) == .missed(due))
        #expect(
            policy.status(of: variant(slot: slot), now: due + 1).explanation(policy: policy)?.contains("12h before its slot")
                == true)
        #expect(policy.status(of: variant(state: .approved, slot: slot), now: due + 1) == .notApplicable)
        #expect(policy.status(of: variant(slot: nil), now: due + 1) == .notApplicable)
    }

    @Test func withoutADeadlineApprovalIsOpenUntilTheSlot() {
        let policy = ApprovalPolicy(mode: .required, deadline: nil)
        #expect(policy.status(of: variant(slot: slot), now: slot) == .open(slot))
        #expect(policy.status(of: variant(slot: slot), now: slot + 1).isMissed)
    }

    @Test func aCampaignOverridesTheWorkspacesModeAndDeadline() {
        let here = SourceLocation(file: "x", line: 1, column: 1)
        var settings = WorkspaceSettings(name: Located("w", at: here), defaultLocale: Located("en", at: here), location: here)
        settings.policy.approvalDeadline = GlocalDuration(seconds: 3600)
        let day = Located(LocalDate(daysSinceEpoch: 20_000), at: here)
        let campaign = Campaign(
            id: Located("c", at: here), kind: Located(.informative, at: here), window: CampaignWindow(start: day, end: day),
            targets: CampaignTargets(), approval: .auto, approvalDeadline: GlocalDuration(seconds: 7200), file: "c.yaml")
        let workspace = Workspace(settings: settings, campaigns: [campaign])
        #expect(
            ApprovalPolicy(campaignID: "c", in: workspace) == ApprovalPolicy(mode: .auto, deadline: GlocalDuration(seconds: 7200))
        )
        #expect(
            ApprovalPolicy(campaignID: "other", in: workspace)
                == ApprovalPolicy(mode: .required, deadline: GlocalDuration(seconds: 3600)))
    }

    @Test func theThrottleBlocksAfterFiveRecentFailures() {
        let throttle = LoginThrottle(maxFailures: 5, window: 900)
        let now = slot
        let failures = (0..<5).map { now - Double($0) * 60 }
        #expect(throttle.blockedUntil(failures: Array(failures.prefix(4)), now: now) == nil)
        #expect(throttle.blockedUntil(failures: failures, now: now) == now - 240 + 900)
        #expect(throttle.blockedUntil(failures: failures.map { $0 - 900 }, now: now) == nil)
    }
}
