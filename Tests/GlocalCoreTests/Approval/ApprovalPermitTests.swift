import Foundation
import GlocalCore
import Testing

/// Who may approve, reject or edit which variant, and when the deadline stops an approval.
struct ApprovalPermitTests {
    static let here = SourceLocation(file: "glocal.yaml", line: 1, column: 1)
    let slot = Date(timeIntervalSince1970: 1_800_000_000)
    let policy = ApprovalPolicy(mode: .required, deadline: GlocalDuration(seconds: 3600))
    let teams = [
        Team(
            id: Located("france", at: here), accountPatterns: [Located("lumiere-fr-*", at: here)],
            managers: [Located("claire@lumiere.example", at: here)])
    ]

    func variant(account: String = "lumiere-fr-x", state: VariantState = .pendingApproval, slot: Date?) -> StoredVariant {
        StoredVariant(
            id: "c/p/\(account)", campaignID: "c", postID: "p", accountID: account, network: .x, locale: "fr",
            kind: .informative, text: "Salut", title: nil, link: nil, linkPlacement: .inline, media: [], contentHash: "h",
            scheduledAt: slot, localTime: nil, timeZone: "UTC", live: slot == nil, state: state, explanation: [])
    }

    func scope(_ email: String, _ role: UserRole) -> ApprovalScope { ApprovalScope(email: email, role: role, teams: teams) }

    @Test func aManagerActsOnTheirTeamsAccountsOnly() {
        let manager = scope("claire@lumiere.example", .manager)
        for action in ApprovalAction.allCases {
            let permit = ApprovalPermit(scope: manager, action: action, now: slot - 7200)
            #expect(permit.refusal(for: variant(slot: slot), policy: policy) == nil, "\(action)")
            #expect(permit.refusal(for: variant(account: "lumiere-uk-x", slot: slot), policy: policy) == .outsideScope)
        }
    }

    @Test func aViewerActsOnNothingAndAnAdminOnEverything() {
        for action in ApprovalAction.allCases {
            let viewer = ApprovalPermit(scope: scope("v@lumiere.example", .viewer), action: action, now: slot - 7200)
            #expect(viewer.refusal(for: variant(slot: slot), policy: policy) == .outsideScope)
            let admin = ApprovalPermit(scope: scope("a@lumiere.example", .admin), action: action, now: slot - 7200)
            #expect(admin.refusal(for: variant(account: "lumiere-uk-x", slot: slot), policy: policy) == nil)
        }
    }

    @Test func onlyAnApprovalIsRefusedPastTheDeadline() {
        let admin = scope("a@lumiere.example", .admin)
        let due = slot - 3600
        #expect(
            ApprovalPermit(scope: admin, action: .approve, now: due).refusal(for: variant(slot: slot), policy: policy) == nil)
        #expect(
            ApprovalPermit(scope: admin, action: .approve, now: due + 1).refusal(for: variant(slot: slot), policy: policy)
                == .pastDeadline(due))
        for action in [ApprovalAction.reject, .edit] {
            let late = ApprovalPermit(scope: admin, action: action, now: due + 1)
            #expect(late.refusal(for: variant(slot: slot), policy: policy) == nil, "\(action)")
        }
        // A live post has no deadline.
        #expect(
            ApprovalPermit(scope: admin, action: .approve, now: slot + 1).refusal(for: variant(slot: nil), policy: policy) == nil)
    }

    @Test func scopeIsDecidedBeforeTheDeadline() {
        let manager = scope("claire@lumiere.example", .manager)
        let late = ApprovalPermit(scope: manager, action: .approve, now: slot)
        #expect(late.refusal(for: variant(account: "lumiere-uk-x", slot: slot), policy: policy) == .outsideScope)
    }
}
