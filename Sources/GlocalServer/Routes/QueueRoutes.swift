import Foundation
import GlocalCore
import GlocalStore
import GlocalUseCases
import Hummingbird

/// My queue, and bulk approval from it.
struct QueueRoutes {
    let environment: ServerEnvironment

    /// Fixed messages shown after an action (the query names one; no text is reflected).
    static func notice(_ request: Request) -> String? {
        let query = request.uri.queryParameters
        switch query["notice"].map(String.init) {
        case "approved": return "Approved."
        case "rejected": return "Rejected."
        case "edited": return "Saved. The variant waits for approval."
        case "bulk":
            let count = query["count"].flatMap { Int($0) } ?? 0
            let skipped = query["skipped"].flatMap { Int($0) } ?? 0
            return "Approved \(count) variant\(count == 1 ? "" : "s")."
                + (skipped > 0 ? " \(skipped) could not be approved (past deadline or no longer pending)." : "")
        default: return nil
        }
    }

    func register(on router: Router<AppRequestContext>) {
        let guardian = RequestGuard(environment: environment)
        router.get("/") { request, context -> Response in
            let session = try guardian.session(context)
            let scope = environment.scope(of: session.user)
            let pending = try environment.store.variants(in: .pendingApproval, visible: scope.canSee(account:))
            return Layout.response(
                QueuePage.render(
                    variants: pending, session: session, scope: scope, environment: environment, now: environment.now(),
                    notice: Self.notice(request),
                    warning: ReconnectWarning.render(
                        try AccountHoldStatus.needingReconnect(scope: scope, environment: environment))))
        }
        router.post("/approve") { request, context -> Response in
            let session = try guardian.session(context)
            let form = try await guardian.form(request, context: context, session: session)
            let scope = environment.scope(of: session.user)
            let picks = form.all("id").map(Self.pick)
            // Scope first, for every id: a request naming another team's variant changes nothing.
            for (id, _) in picks {
                let variant = try guardian.visibleVariant(id, scope: scope)
                guard scope.canAct(on: variant.accountID) else { throw RequestGuard.forbidden(variant.accountID) }
            }
            let now = environment.now()
            var approved = 0, skipped = 0
            var changed: [RevisionChanges] = []
            for (id, revision) in picks {
                do {
                    guard let revision else { throw ApprovalError.revisionMissing(variantID: id) }
                    try environment.approvals.approve(
                        id, revision: revision, by: ApprovalActor(name: session.user.email, scope: scope), now: now)
                    approved += 1
                } catch let error as ApprovalError {
                    switch error {
                    case .staleRevision(_, let shown, _):
                        changed += [try environment.store.changes(of: id, since: VariantRevision(of: shown))].compactMap { $0 }
                    case .revisionMissing:
                        // A form without revisions: list the variant as changed, with all of its history.
                        changed += [try environment.store.changes(of: id, since: VariantRevision(of: ""))].compactMap { $0 }
                    default: skipped += 1
                    }
                }
            }
            guard !changed.isEmpty else { return Layout.redirect(to: "/?notice=bulk&count=\(approved)&skipped=\(skipped)") }
            // Not a redirect: the list of changed variants is this response's alone.
            let pending = try environment.store.variants(in: .pendingApproval, visible: scope.canSee(account:))
            let notice =
                "Approved \(approved) variant\(approved == 1 ? "" : "s")."
                + (skipped > 0 ? " \(skipped) could not be approved (past deadline or no longer pending)." : "")
            return Layout.response(
                QueuePage.render(
                    variants: pending, session: session, scope: scope, environment: environment, now: now, notice: notice,
                    changed: QueuePage.changedList(changed)),
                status: .conflict)
        }
    }

    /// A ticked box's value, `ID@REVISION`: the id and the revision the queue showed (`nil` if absent).
    static func pick(_ value: String) -> (id: String, revision: VariantRevision?) {
        guard let at = value.lastIndex(of: "@") else { return (value, nil) }
        return (String(value[..<at]), VariantRevision(String(value[value.index(after: at)...])))
    }
}
