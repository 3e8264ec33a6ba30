import Foundation
import GlocalCore
import GlocalStore

/// Who may do what to which variant, applied to the store: the approval use case that the command line
/// (`pending`, `approve`, `reject`, `user`) and the web UI both call. The actor's scope comes from the
/// workspace's teams, the permit is `ApprovalPermit`'s decision, and an edit is checked against the
/// network's rules before it is written.
public struct VariantApprovals: Sendable {
    /// The workspace: teams, accounts and campaigns' policies.
    public let workspace: Workspace
    /// The store the decisions are written to.
    public let store: any WorkspaceStore
    private let policies: [String: ApprovalPolicy]
    private let defaultPolicy: ApprovalPolicy

    /// The approvals of `workspace`'s variants in `store`.
    public init(workspace: Workspace, store: any WorkspaceStore) {
        self.workspace = workspace
        self.store = store
        policies = Dictionary(
            workspace.campaigns.map { ($0.id.value, ApprovalPolicy(campaignID: $0.id.value, in: workspace)) },
            uniquingKeysWith: { first, _ in first })
        defaultPolicy = ApprovalPolicy(
            mode: workspace.settings.policy.approval, deadline: workspace.settings.policy.approvalDeadline)
    }

    /// The approvals of `access`'s workspace (loaded, not validated: teams and policies are enough) in its
    /// store, which must exist unless `storeNeed` says otherwise.
    public init(access: WorkspaceAccess, storeNeed: WorkspaceAccess.StoreNeed = .existing) throws {
        let workspace = try access.loadWorkspace()
        self.init(workspace: workspace, store: try access.openStore(storeNeed))
    }

    /// The approval policy of `campaignID` (the workspace's for an unknown campaign).
    public func policy(of campaignID: String) -> ApprovalPolicy { policies[campaignID] ?? defaultPolicy }

    /// What `user` may see and do.
    public func scope(of user: User) -> ApprovalScope {
        ApprovalScope(email: user.email, role: user.role, teams: workspace.settings.teams)
    }

    /// The operator at the command line, who owns the store file and so acts on every account, as `cli:$USER`
    /// (`$LOGNAME` where `USER` is unset or empty, as under a systemd unit; else `cli:operator`).
    public static func operatorActor(environment: [String: String]) -> ApprovalActor {
        let login = [environment["USER"], environment["LOGNAME"]].compactMap { $0 }.first { !$0.isEmpty }
        let name = "cli:" + (login ?? "operator")
        return ApprovalActor(name: name, scope: ApprovalScope(email: name, role: .admin, teams: []))
    }

    /// The user named `email` (their role and teams apply), or the operator when `email` is `nil`.
    public func actor(named email: String?, environment: [String: String]) throws -> ApprovalActor {
        guard let email else { return Self.operatorActor(environment: environment) }
        guard let user = try store.users.user(email) else { throw UseCaseError.unknownUser(email) }
        return ApprovalActor(name: user.email, scope: scope(of: user))
    }

    /// The check the store runs on the variant inside its write transaction: `ApprovalPermit`'s decision.
    public func permit(for scope: ApprovalScope, action: ApprovalAction, now: Date) -> ApprovalCheck {
        let permit = ApprovalPermit(scope: scope, action: action, now: now)
        let policies = self
        return { variant in
            switch permit.refusal(for: variant, policy: policies.policy(of: variant.campaignID)) {
            case nil: return
            case .outsideScope: throw ApprovalError.forbidden(variantID: variant.id)
            case .pastDeadline(let due): throw ApprovalError.pastDeadline(variantID: variant.id, deadline: due)
            }
        }
    }

    /// Approves `id` if its content is still `revision`; throws `ApprovalError` when refused.
    public func approve(_ id: String, revision: VariantRevision, by actor: ApprovalActor, now: Date) throws {
        try refuseAmbiguous(revision, of: id)
        try store.approve(
            id, revision: revision, actor: actor.name, now: now, permit: permit(for: actor.scope, action: .approve, now: now))
    }

    /// Throws `ApprovalError.ambiguousRevision` when `revision` is a prefix of `id`'s current content hash and of an
    /// earlier one in its audit history: approving then might approve content the person was not shown.
    private func refuseAmbiguous(_ revision: VariantRevision, of id: String) throws {
        guard let current = try store.variant(id)?.contentHash, revision.value != current, revision.names(current) else {
            return
        }
        let earlier = try store.auditEvents(variant: id).flatMap { [$0.before, $0.after] }.compactMap { snapshot in
            snapshot.flatMap { (JSONParser.parse($0) as? [String: Any])?["content_hash"] as? String }
        }
        if earlier.contains(where: { $0 != current && $0.hasPrefix(revision.value) }) {
            throw ApprovalError.ambiguousRevision(variantID: id, revision: revision.value)
        }
    }

    /// Rejects `id` with `reason`; throws `ApprovalError` when refused.
    public func reject(_ id: String, reason: String, by actor: ApprovalActor, now: Date) throws {
        try store.reject(
            id, reason: reason, actor: actor.name, now: now, permit: permit(for: actor.scope, action: .reject, now: now))
    }

    /// The errors an edit of `variant` to `text` and `linkPlacement` is refused for: its network's rules (with every
    /// account's variant of the post: X's distinct-text rule spans teams) and a control character but a line break or
    /// a tab (``EditedTextControls``).
    private func problems(
        of variant: StoredVariant, text: String, linkPlacement: LinkPlacement, media: any MediaInspector
    ) throws -> [Diagnostic] {
        let account = workspace.accounts.filter { $0.id.value == variant.accountID }
        let siblings = try store.variants(campaign: variant.campaignID, visible: { _ in true }).filter {
            $0.postID == variant.postID
        }
        return
            (VariantEditCheck(accounts: account, media: media)
            .check(variant, text: text, linkPlacement: linkPlacement, siblings: siblings)
            + EditedTextControls.diagnostics(in: text, network: variant.network, account: variant.accountID))
            .filter { $0.severity == .error }
    }

    /// Replaces `variant`'s text and link placement if it still shows `revision` and the new text obeys its
    /// network's rules (with every account's variant of the post: X's distinct-text rule spans teams) and holds no
    /// control character but a line break or a tab (``EditedTextControls``);
    /// throws `ApprovalError.staleRevision` or `.invalidEdit` before writing anything otherwise.
    public func edit(
        _ variant: StoredVariant, text: String, linkPlacement: LinkPlacement, basedOn revision: VariantRevision,
        by actor: ApprovalActor, media: any MediaInspector, now: Date
    ) throws {
        // Refused early (the store checks again in its transaction): a stale edit is not worth validating.
        guard revision.names(variant.contentHash) else {
            throw ApprovalError.staleRevision(variantID: variant.id, shown: revision.value, current: variant.contentHash)
        }
        let problems = try problems(of: variant, text: text, linkPlacement: linkPlacement, media: media)
        if !problems.isEmpty { throw ApprovalError.invalidEdit(problems) }
        _ = try store.edit(
            variant.id, text: text, linkPlacement: linkPlacement, basedOn: revision, actor: actor.name, now: now,
            permit: permit(for: actor.scope, action: .edit, now: now))
    }
}
