import Foundation
import GlocalCore
import GlocalStore
import Hummingbird

/// The accounts page, pause and resume of one account (managers: their teams' accounts; admins:
/// any), and the global crisis pause (admins only). The holds are the ones `glocal account pause`,
/// `resume`, `pause-all` and `resume-all` set, through the same store calls: resuming never
/// bursts out a backlog, the dispatcher's next sync marks the slots that passed as missed.
struct AccountRoutes {
    let environment: ServerEnvironment
    /// Whether accounts connect from the page (the connect routes are served).
    var connects = false

    /// What an action did, in the page's words: the flash the action leaves carries them (``Flash``), never the URL.
    enum Done: String {
        case paused, resumed, pausedAll, resumedAll, connected
        /// A pause of a paused account or a resume of a running one: nothing changed, nothing was recorded.
        case alreadyPaused, notPaused

        var notice: String {
            switch self {
            case .paused: return "Paused. Nothing is sent for the account until it is resumed."
            case .resumed: return "Resumed. Slots that passed while it was paused stay missed; nothing is sent late."
            case .alreadyPaused: return "The account was already paused: nothing changed."
            case .notPaused: return "The account was not paused: nothing changed."
            case .pausedAll: return "Every account is paused."
            case .connected: return "Connected. The credentials are sealed in the store; posts go out at their slots."
            case .resumedAll:
                return "The global pause is lifted. Slots that passed while it held stay missed; nothing is sent late."
            }
        }
    }

    /// Back to the accounts page (at `fragment`) saying what was done.
    static func done(_ done: Done, session: Session, environment: ServerEnvironment, fragment: String = "") -> Response {
        var flash = Flash(path: "/accounts")
        flash.notice = done.notice
        return flash.redirect(to: "/accounts" + fragment, session: session, secure: environment.secureCookies)
            ?? Layout.redirect(to: "/accounts" + fragment)
    }

    func register(on router: Router<AppRequestContext>) {
        let guardian = RequestGuard(environment: environment)
        router.get("/accounts") { _, context -> Response in
            let session = try guardian.session(context)
            return try page(session: session, notice: context.flash?.notice)
        }
        router.post("/accounts/:account/pause") { request, context -> Response in
            try await setPaused(true, request, context)
        }
        router.post("/accounts/:account/resume") { request, context -> Response in
            try await setPaused(false, request, context)
        }
        router.post("/accounts/pause-all") { request, context -> Response in
            let session = try guardian.session(context)
            let form = try await guardian.form(request, context: context, session: session)
            try Self.requireAdmin(session)
            let typed = form["reason"] ?? ""
            let reason: CrisisPauseReason
            switch CrisisPauseReason.reading(typed) {
            case .success(let read): reason = read
            case .failure(let problem):
                let error: String
                switch problem {
                case .empty: error = "Give a reason: everyone sees it on every page while the pause holds."
                case .tooLong: error = "The reason is longer than \(CrisisPauseReason.maxLength) characters."
                case .control(let scalar):
                    error =
                        "The reason holds \(DiagnosticText.codePointName(scalar)), a control character: type it again without it."
                }
                let draft = AccountsPage.CrisisDraft(reason: typed, error: error)
                return try page(session: session, crisisDraft: draft, status: .unprocessableContent)
            }
            try environment.store.publishQueue.setGlobalPause(
                true, reason: reason.text, actor: session.user.email, now: environment.now())
            return Self.done(.pausedAll, session: session, environment: environment)
        }
        router.post("/accounts/resume-all") { request, context -> Response in
            let session = try guardian.session(context)
            _ = try await guardian.form(request, context: context, session: session)
            try Self.requireAdmin(session)
            try environment.store.publishQueue.setGlobalPause(
                false, reason: nil, actor: session.user.email, now: environment.now())
            return Self.done(.resumedAll, session: session, environment: environment)
        }
    }

    /// Pauses or resumes the route's account after the CSRF and scope checks: 404 for an account accounts.yaml does
    /// not declare (for every role), 403 outside the user's teams (or for a viewer).
    private func setPaused(_ paused: Bool, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let guardian = RequestGuard(environment: environment)
        let session = try guardian.session(context)
        _ = try await guardian.form(request, context: context, session: session)
        let scope = environment.scope(of: session.user)
        let raw = try context.parameters.require("account")
        let account = raw.removingPercentEncoding ?? raw
        // An account accounts.yaml does not declare is not found for anyone, whatever their teams.
        guard environment.accountsByID[account] != nil else { throw HTTPError(.notFound, message: "No account '\(account)'.") }
        guard scope.canSee(account: account) else { throw RequestGuard.forbidden(account) }
        guard scope.canAct(on: account) else {
            throw HTTPError(.forbidden, message: "You may not pause or resume accounts (role \(scope.role.rawValue)).")
        }
        let changed = try environment.store.publishQueue.setPaused(
            paused, account: account, actor: session.user.email, now: environment.now())
        let done: Done = changed ? (paused ? .paused : .resumed) : (paused ? .alreadyPaused : .notPaused)
        return Self.done(done, session: session, environment: environment)
    }

    /// The page, as `session`'s user may see it.
    private func page(
        session: Session, notice: String? = nil, crisisDraft: AccountsPage.CrisisDraft? = nil, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let scope = environment.scope(of: session.user)
        let statuses = try AccountHoldStatus.visible(to: scope, environment: environment, now: environment.now())
        return Layout.response(
            AccountsPage.render(
                statuses: statuses, session: session, scope: scope, globalPause: try environment.store.publishQueue.globalPause(),
                notice: notice, crisisDraft: crisisDraft,
                apiVersionNotices: environment.workspace.apiVersionNotices(at: environment.now()),
                connections: connects ? try AccountsPage.connections(environment.store, visibleTo: scope) : nil),
            status: status)
    }

    /// 403 unless `session`'s user is an admin: only the brand team stops or restarts everything.
    private static func requireAdmin(_ session: Session) throws {
        guard session.user.role == .admin else {
            throw HTTPError(.forbidden, message: "Only an admin may pause or resume every account.")
        }
    }
}
