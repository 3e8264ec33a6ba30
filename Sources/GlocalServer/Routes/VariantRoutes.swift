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
        router.get(RouterPath(Self.path)) { request, context -> Response in
            let session = try guardian.session(context)
            let scope = environment.scope(of: session.user)
            let variant = try guardian.visibleVariant(try RequestGuard.variantID(context), scope: scope)
            guard let flash = context.flash else { return try page(variant, session: session, scope: scope) }
            return try page(variant, flash: flash, session: session, scope: scope)
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

    /// Runs an action and redirects to the variant's page (Post/Redirect/Get) with a flash: what happened, or why
    /// nothing was done with what the manager typed, so a reload of the page sends nothing again. A refusal whose flash
    /// does not fit in a cookie (a very long draft) is answered with the page itself (409, or 422 for an invalid edit),
    /// rendered from the flash as its GET would.
    private func act(
        _ request: Request, _ context: AppRequestContext,
        _ body: (StoredVariant, Session, ApprovalScope, FormBody, Date) throws -> String
    ) async throws -> Response {
        let guardian = RequestGuard(environment: environment)
        let session = try guardian.session(context)
        let form = try await guardian.form(request, context: context, session: session)
        let scope = environment.scope(of: session.user)
        let variant = try guardian.actionableVariant(try RequestGuard.variantID(context), scope: scope)
        let path = Layout.variantPath(variant.id)
        var flash = Flash(path: path)
        let status: HTTPResponse.Status
        do {
            flash.notice = Self.notice(try body(variant, session, scope, form, environment.now()))
            return flash.redirect(to: path, session: session, secure: environment.secureCookies) ?? Layout.redirect(to: path)
        } catch let error as ApprovalError {
            let text = (form["text"] ?? "").replacingOccurrences(of: "\r\n", with: "\n")
            switch error {
            case .forbidden: throw RequestGuard.forbidden(variant.accountID)
            case .variantNotFound: throw HTTPError(.notFound, message: error.description)
            case .invalidEdit:
                flash.text = text
                flash.linkPlacement = form["link_placement"]
                flash.invalid = true
                status = .unprocessableContent
            case .staleRevision(_, let shown, _):
                // Show what changed, with the current version and fresh forms; an edit keeps the text typed.
                flash.error = error.description
                flash.shown = shown
                flash.action = form["text"] != nil ? "saved" : "approved"
                if form["text"] != nil {
                    flash.text = text
                    flash.linkPlacement = form["link_placement"]
                }
                status = .conflict
            default:
                flash.error = error.description
                status = .conflict
            }
        }
        if let redirect = flash.redirect(to: path, session: session, secure: environment.secureCookies) { return redirect }
        let current = try environment.store.variant(variant.id) ?? variant
        return try page(current, flash: flash, session: session, scope: scope, status: status)
    }

    /// The page as a flash leaves it: its notice, or the refusal with the changes since the revision the form showed
    /// (read from the store now) and the text typed, checked again when it failed the checks.
    private func page(
        _ variant: StoredVariant, flash: Flash, session: Session, scope: ApprovalScope, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let changes = try flash.shown.flatMap { try environment.store.changes(of: variant.id, since: VariantRevision(of: $0)) }
        let current = changes?.current ?? variant
        let draft = try flash.text.map { text in
            let placement = flash.linkPlacement.flatMap(LinkPlacement.init(rawValue:)) ?? current.linkPlacement
            return VariantPage.Draft(
                text: text, linkPlacement: placement,
                diagnostics: flash.invalid == true
                    ? try environment.approvals.problems(
                        of: current, text: text, linkPlacement: placement, media: environment.media) : [])
        }
        return try page(
            current, session: session, scope: scope, draft: draft, notice: flash.notice,
            actionError: flash.error,
            changes: changes.map { RevisionChangesView.render($0, action: flash.action ?? "approved") } ?? .empty,
            status: status)
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
