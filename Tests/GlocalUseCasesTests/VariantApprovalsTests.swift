import Foundation
import GlocalCore
import GlocalStore
import GlocalUseCases
import GlocalYAML
import Testing

/// The approval use case the command line and the web UI share: actors, the permit, edit checks.
struct VariantApprovalsTests {
    static let root = WorkspaceAccessTests.repositoryRoot
    static let workspace: Workspace = WorkspaceLoader(root: root).load().workspace!
    static let start = try! Date("2026-11-21T09:00:00Z", strategy: .iso8601)
    static let france = "claire.martin@lumiere.example"
    static let uk = "olivia.hughes@lumiere.example"

    let approvals: VariantApprovals

    init() throws {
        let store = try SQLiteVariantStore.inMemory()
        let variants = [Self.variant("lumiere-fr-x", .x), Self.variant("lumiere-uk-x", .x, text: "Thirsty skin? Meet Hydra.")]
        try store.apply(
            Plan(
                changes: variants.map {
                    PlanChange(action: .create, id: $0.id, desired: $0, stored: nil, contentChanged: true, timeChanged: true)
                }), actor: "test", now: Self.start)
        let users = UserStore(store: store, bcryptCost: 4)
        for (email, role) in [(Self.france, UserRole.manager), (Self.uk, .manager), ("viewer@lumiere.example", .viewer)] {
            _ = try users.add(email: email, role: role, password: "a long enough password", now: Self.start)
        }
        approvals = VariantApprovals(workspace: Self.workspace, store: store)
    }

    /// A pending variant of `hydra-launch`, slot on 1 December 2026 08:00 UTC (deadline 12 h before).
    static func variant(_ account: String, _ network: Network, text: String = "Votre peau a soif ? Découvrez Hydra.")
        -> StoredVariant
    {
        StoredVariant(
            id: "hydra-launch/launch/\(account)", campaignID: "hydra-launch", postID: "launch", accountID: account,
            network: network, locale: "fr-FR", kind: .promotional, text: text, title: nil,
            link: "https://lumiere.example/fr-FR/hydra", linkPlacement: .reply, media: [], contentHash: "hash:\(account)",
            scheduledAt: try! Date("2026-12-01T08:00:00Z", strategy: .iso8601), localTime: "2026-12-01 09:00",
            timeZone: "Europe/Paris", live: false, state: .pendingApproval, explanation: [])
    }

    func state(_ account: String) throws -> VariantState? {
        try approvals.store.variant("hydra-launch/launch/\(account)")?.state
    }

    @Test func withoutAUserTheOperatorActsOnEverythingAndAnUnknownUserIsAnError() throws {
        let operatorActor = try approvals.actor(named: nil, environment: ["USER": "ops"])
        #expect(operatorActor.name == "cli:ops")
        // Under a systemd unit or in a container USER may be unset or empty: LOGNAME, else "operator".
        #expect(VariantApprovals.operatorActor(environment: ["USER": "", "LOGNAME": "svc"]).name == "cli:svc")
        #expect(VariantApprovals.operatorActor(environment: ["LOGNAME": "svc"]).name == "cli:svc")
        #expect(VariantApprovals.operatorActor(environment: ["USER": ""]).name == "cli:operator")
        #expect(operatorActor.scope.canAct(on: "lumiere-uk-x") && operatorActor.scope.canAct(on: "lumiere-fr-x"))
        #expect(try approvals.actor(named: nil, environment: [:]).name == "cli:operator")
        #expect(throws: UseCaseError.unknownUser("nobody@lumiere.example")) {
            try approvals.actor(named: "nobody@lumiere.example", environment: [:])
        }
        let manager = try approvals.actor(named: Self.france, environment: [:])
        #expect(manager.scope.teams == ["france"])
    }

    @Test func aManagerApprovesTheirTeamsVariantAndNotAnotherTeams() throws {
        let manager = try approvals.actor(named: Self.france, environment: [:])
        let now = Self.start
        try approvals.approve(
            "hydra-launch/launch/lumiere-fr-x", revision: VariantRevision(of: "hash:lumiere-fr-x"), by: manager, now: now)
        #expect(try state("lumiere-fr-x") == .approved)
        #expect(throws: ApprovalError.forbidden(variantID: "hydra-launch/launch/lumiere-uk-x")) {
            try approvals.approve(
                "hydra-launch/launch/lumiere-uk-x", revision: VariantRevision(of: "hash:lumiere-uk-x"), by: manager, now: now)
        }
        #expect(try state("lumiere-uk-x") == .pendingApproval)
        let viewer = try approvals.actor(named: "viewer@lumiere.example", environment: [:])
        #expect(throws: ApprovalError.forbidden(variantID: "hydra-launch/launch/lumiere-uk-x")) {
            try approvals.reject("hydra-launch/launch/lumiere-uk-x", reason: "no", by: viewer, now: now)
        }
    }

    @Test func pastTheDeadlineAVariantCanBeRejectedButNotApproved() throws {
        let manager = try approvals.actor(named: Self.uk, environment: [:])
        let late = try Date("2026-11-30T20:00:01Z", strategy: .iso8601)
        let deadline = try Date("2026-11-30T20:00:00Z", strategy: .iso8601)
        #expect(approvals.policy(of: "hydra-launch").deadline?.seconds == 12 * 3600)
        #expect(throws: ApprovalError.pastDeadline(variantID: "hydra-launch/launch/lumiere-uk-x", deadline: deadline)) {
            try approvals.approve(
                "hydra-launch/launch/lumiere-uk-x", revision: VariantRevision(of: "hash:lumiere-uk-x"), by: manager, now: late)
        }
        try approvals.reject("hydra-launch/launch/lumiere-uk-x", reason: "too late", by: manager, now: late)
        #expect(try state("lumiere-uk-x") == .rejected)
    }

    @Test func anEditIsCheckedAgainstTheRevisionAndTheNetworksRulesBeforeItIsWritten() throws {
        let manager = try approvals.actor(named: Self.france, environment: [:])
        let variant = Self.variant("lumiere-fr-x", .x)
        let media = FileMediaInspector(root: Self.root)
        #expect(
            throws: ApprovalError.staleRevision(
                variantID: variant.id, shown: VariantRevision(of: "old").value, current: "hash:lumiere-fr-x")
        ) {
            try approvals.edit(
                variant, text: "Nouveau", linkPlacement: .reply, basedOn: VariantRevision(of: "old"), by: manager, media: media,
                now: Self.start)
        }
        do {
            try approvals.edit(
                variant, text: String(repeating: "a", count: 400), linkPlacement: .reply,
                basedOn: VariantRevision(of: variant.contentHash), by: manager, media: media, now: Self.start)
            Issue.record("a 400-character post on X was accepted")
        } catch ApprovalError.invalidEdit(let problems) {
            #expect(!problems.isEmpty && problems.allSatisfy { $0.severity == .error })
        }
        #expect(try approvals.store.variant(variant.id)?.text == variant.text)
        try approvals.edit(
            variant, text: "Hydra arrive ce matin.", linkPlacement: .reply, basedOn: VariantRevision(of: variant.contentHash),
            by: manager, media: media, now: Self.start)
        #expect(try approvals.store.variant(variant.id)?.text == "Hydra arrive ce matin.")
    }
}
