import Foundation
import GlocalCore
import GlocalStore
import GlocalUseCases
import Hummingbird

/// A variant's page, and approve, reject and edit on it.
struct VariantRoutes {
    let environment: ServerEnvironment
    static let path = "/variants/:campaign/:post/:account"

    func register(on router: Router<AppRequestContext>) {
        let guardian = RequestGuard(environment: environment)
        router.get(RouterPath(Self.path)) { _, context -> Response in
            let session = try guardian.session(context)
            let scope = environment.scope(of: session.user)
            let variant = try guardian.visibleVariant(try RequestGuard.variantID(context), scope: scope)
            return try page(variant, session: session, scope: scope, notice: context.flash?.notice)
        }
        router.post(RouterPath(Self.path + "/approve")) { request, context -> Response in
            try await act(request, context) { variant, session, scope, form, now in
                try environment.approvals.approve(
                    variant.id, revision: try Self.revision(form, of: variant),
                    by: ApprovalActor(name: session.user.email, scope: scope), now: now)
                return "approved"
            }
        }
        router.post(RouterPath(Self.path + "/reject")) { request, context -> Response in
            try await act(request, context) { variant, session, scope, form, now in
                try environment.approvals.reject(
                    variant.id, reason: form["reason"] ?? "", by: ApprovalActor(name: session.user.email, scope: scope), now: now)
                return "rejected"
            }
        }
        router.post(RouterPath(Self.path + "/edit")) { request, context -> Response in
            try await act(request, context) { variant, session, scope, form, now in
                try environment.approvals.edit(
                    variant, text: (form["text"] ?? "").replacingOccurrences(of: "\r\n", with: "\n"),
                    linkPlacement: form["link_placement"].flatMap(LinkPlacement.init(rawValue:)) ?? variant.linkPlacement,
                    basedOn: try Self.revision(form, of: variant), by: ApprovalActor(name: session.user.email, scope: scope),
                    media: environment.media, now: now)
                return "edited"
            }
        }
    }

    /// The revision the form says its page showed; a form without one (a page from an older version)
    /// is refused like a stale one.
    static func revision(_ form: FormBody, of variant: StoredVariant) throws -> VariantRevision {
        guard let revision = form["revision"].flatMap(VariantRevision.init) else {
            throw ApprovalError.revisionMissing(variantID: variant.id)
        }
        return revision
    }

    /// Runs an action; on success redirects to the page (Post/Redirect/Get) with what it did in a ``Flash``, on a
    /// refusal answers in place, 409 (422 for an invalid edit), with the page, the reason and, for an edit, the text
    /// typed (a reload sends the same form again, which is refused again and changes nothing).
    private func act(
        _ request: Request, _ context: AppRequestContext,
        _ body: (StoredVariant, Session, ApprovalScope, FormBody, Date) throws -> String
    ) async throws -> Response {
        let guardian = RequestGuard(environment: environment)
        let session = try guardian.session(context)
        let form = try await guardian.form(request, context: context, session: session)
        let scope = environment.scope(of: session.user)
        let variant = try guardian.actionableVariant(try RequestGuard.variantID(context), scope: scope)
        do {
            let path = Layout.variantPath(variant.id)
            var flash = Flash(path: path)
            flash.notice = Self.notice(try body(variant, session, scope, form, environment.now()))
            return flash.redirect(to: path, session: session, secure: environment.secureCookies) ?? Layout.redirect(to: path)
        } catch let error as ApprovalError {
            switch error {
            case .forbidden: throw RequestGuard.forbidden(variant.accountID)
            case .variantNotFound: throw HTTPError(.notFound, message: error.description)
            case .invalidEdit(let diagnostics):
                let draft = VariantPage.Draft(
                    text: (form["text"] ?? "").replacingOccurrences(of: "\r\n", with: "\n"),
                    linkPlacement: form["link_placement"].flatMap(LinkPlacement.init(rawValue:)) ?? variant.linkPlacement,
                    diagnostics: diagnostics)
                return try page(variant, session: session, scope: scope, draft: draft, status: .unprocessableContent)
            case .staleRevision(_, let shown, _):
                // Show what changed, with the current version and fresh forms; an edit keeps the text typed.
                let changes = try environment.store.changes(of: variant.id, since: VariantRevision(of: shown))
                let current = changes?.current ?? variant
                let editing = form["text"] != nil
                let draft =
                    editing
                    ? VariantPage.Draft(
                        text: (form["text"] ?? "").replacingOccurrences(of: "\r\n", with: "\n"),
                        linkPlacement: form["link_placement"].flatMap(LinkPlacement.init(rawValue:)) ?? current.linkPlacement,
                        diagnostics: [])
                    : nil
                return try page(
                    current, session: session, scope: scope, draft: draft, actionError: error.description,
                    changes: changes.map { RevisionChangesView.render($0, action: editing ? "saved" : "approved") } ?? .empty,
                    status: .conflict)
            default:
                // A refused edit (no revision, past its deadline, no longer editable) keeps the text typed, as a
                // stale one does: the manager loses nothing by reloading.
                let current = try environment.store.variant(variant.id) ?? variant
                let draft =
                    form["text"] != nil
                    ? VariantPage.Draft(
                        text: (form["text"] ?? "").replacingOccurrences(of: "\r\n", with: "\n"),
                        linkPlacement: form["link_placement"].flatMap(LinkPlacement.init(rawValue:)) ?? current.linkPlacement,
                        diagnostics: [])
                    : nil
                return try page(
                    current, session: session, scope: scope, draft: draft, actionError: error.description, status: .conflict)
            }
        }
    }

    /// The words of what an action did.
    static func notice(_ action: String) -> String? {
        switch action {
        case "approved": return "Approved."
        case "rejected": return "Rejected."
        case "edited": return "Saved. The variant waits for approval."
        default: return nil
        }
    }

    private func page(
        _ variant: StoredVariant, session: Session, scope: ApprovalScope, draft: VariantPage.Draft? = nil, notice: String? = nil,
        actionError: String? = nil, changes: HTML = .empty, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let history = try environment.store.auditEvents(variant: variant.id).reversed()
        return Layout.response(
            VariantPage.render(
                variant: variant, session: session, scope: scope, environment: environment, history: Array(history),
                now: environment.now(), draft: draft, notice: notice, actionError: actionError, changes: changes),
            status: status)
    }
}
