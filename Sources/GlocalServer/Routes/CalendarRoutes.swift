import Foundation
import GlocalCore
import GlocalStore
import Hummingbird

/// The calendar grids, the move form and its action, and the calendar's stylesheet and script.
struct CalendarRoutes {
    let environment: ServerEnvironment
    static let movePath = "/calendar/move/:campaign/:post/:account"

    func register(on router: Router<AppRequestContext>) {
        let guardian = RequestGuard(environment: environment)
        let scheduler = Scheduler(workspace: environment.workspace)
        router.get("/static/calendar.css") { _, _ -> Response in
            Self.asset(CalendarAssets.css, type: "text/css; charset=utf-8")
        }
        router.get("/static/calendar.js") { _, _ -> Response in
            Self.asset(CalendarAssets.script, type: "text/javascript; charset=utf-8")
        }
        // The older address of an account's calendar: the same month and week grids.
        router.get("/accounts/:account/calendar") { request, context -> Response in
            let session = try guardian.session(context)
            let account = try context.parameters.require("account")
            return Layout.response(CalendarPage.render(try calendar(request, session: session, account: account)))
        }
        router.get("/calendar") { request, context -> Response in
            let session = try guardian.session(context)
            var input = try calendar(request, session: session)
            input.notice = context.flash?.notice
            return Layout.response(CalendarPage.render(input))
        }
        router.get(RouterPath(Self.movePath)) { request, context -> Response in
            let session = try guardian.session(context)
            let scope = environment.scope(of: session.user)
            let variant = try guardian.visibleVariant(try RequestGuard.variantID(context), scope: scope)
            guard scope.canAct(on: variant.accountID) else { throw Self.mayNotMove(scope) }
            let back = Self.back(request.uri.queryParameters.get("back"), variant: variant)
            return Layout.response(MovePage.render(variant: variant, session: session, back: back))
        }
        router.post(RouterPath(Self.movePath)) { request, context -> Response in
            let session = try guardian.session(context)
            let form = try await guardian.form(request, context: context, session: session)
            let scope = environment.scope(of: session.user)
            let variant = try guardian.visibleVariant(try RequestGuard.variantID(context), scope: scope)
            guard scope.canAct(on: variant.accountID) else { throw Self.mayNotMove(scope) }
            return try move(variant, form: form, session: session, scope: scope, scheduler: scheduler)
        }
    }

    /// Moves `variant` as the form asks and redirects back to the calendar, which says so (a ``Flash``); when the slot
    /// breaks a rule or the page was stale, answers in place, 409, with the form again, the reason and the slot asked for.
    private func move(
        _ variant: StoredVariant, form: FormBody, session: Session, scope: ApprovalScope, scheduler: Scheduler
    ) throws -> Response {
        let back = Self.back(form["back"], variant: variant)
        let dateText = (form["date"] ?? "").trimmingCharacters(in: .whitespaces)
        let timeText = (form["time"] ?? "").trimmingCharacters(in: .whitespaces)
        let note = String((form["note"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(500))
        func refused(_ rule: String, _ message: String, collidesWith: String? = nil, current: StoredVariant? = nil) -> Response {
            let refusal = MovePage.Refusal(
                date: dateText, time: timeText, note: note, message: message, rule: rule, collidesWith: collidesWith)
            return Layout.response(
                MovePage.render(variant: current ?? variant, session: session, back: back, refusal: refusal), status: .conflict)
        }
        guard let date = LocalDate(iso: dateText), let time = LocalTime(text: timeText) else {
            return refused("form", "Give the day as YYYY-MM-DD and the time as HH:MM.")
        }
        guard let revision = form["revision"].flatMap(VariantRevision.init) else {
            return refused("stale-revision", ApprovalError.revisionMissing(variantID: variant.id).description)
        }
        let planned = environment.workspace.campaigns.first { $0.id.value == variant.campaignID }
            .flatMap { campaign in
                VariantExpander(workspace: environment.workspace).expand(campaign).variants.first { $0.id == variant.id }
            }
        guard let planned else {
            return refused("campaign", "This post is no longer in the campaign's YAML: it cannot move.")
        }
        let now = environment.now()
        let check = SlotMoveCheck(scheduler: scheduler)
        let target = LocalInstant(date: date, time: time, zone: scheduler.timeZone(of: variant.accountID)).instant
        let request = SlotMoveRequest(
            id: variant.id, revision: revision, shownSlot: form["slot"].flatMap(UTCTimestamp.date(from:)),
            note: note.isEmpty ? nil : note, actor: session.user.email)
        // Moving a post edits its slot: the same permit as an edit (the account's team or the admin, no deadline).
        let permit = environment.approvals.permit(for: scope, action: .edit, now: now)
        do {
            let moved = try environment.store.move(request, around: target, now: now, permit: permit) { current, others in
                switch check.check(planned, current: current, to: date, at: time, others: others, now: now) {
                case .success(let slot):
                    let explanation = SlotMoveCheck.explanation(
                        after: current.explanation, actor: session.user.email, at: now, from: current.localTime, to: slot,
                        note: request.note)
                    return (slot, explanation)
                case .failure(let refusal):
                    throw refusal
                }
            }
            var flash = Flash(path: "/calendar")
            flash.notice =
                "Moved \(moved.id) to \(moved.localTime ?? "?") (\(moved.timeZone))."
                + (try spreadNotice(moved, approval: scope) ?? "")
            return flash.redirect(to: back, session: session, secure: environment.secureCookies) ?? Layout.redirect(to: back)
        } catch let refusal as SlotMoveRefusal {
            let current = try environment.store.variant(variant.id)
            return refused(refusal.rule, refusal.message, collidesWith: refusal.collidesWith, current: current)
        } catch let error as ApprovalError {
            switch error {
            case .forbidden: throw RequestGuard.forbidden(variant.accountID)
            case .variantNotFound: throw HTTPError(.notFound, message: error.description)
            case .staleRevision:
                let current = try environment.store.variant(variant.id)
                return refused(
                    "stale-revision",
                    "This post changed since the page was shown; nothing was written. Look at it again and move it from here.",
                    current: current)
            case .wrongState(_, let state):
                return refused("state", "A \(Layout.stateLabel(state.rawValue, network: variant.network)) post cannot move.")
            default:
                return refused("refused", error.description)
            }
        }
    }

    /// The grid the request asks for.
    private func calendar(_ request: Request, session: Session, account fixed: String? = nil) throws -> CalendarPage.Input {
        let query = request.uri.queryParameters
        var account = fixed ?? query.get("account"), team = fixed == nil ? query.get("team") : nil
        if fixed == nil, let show = query.get("show") {
            if show.hasPrefix("account:") {
                account = String(show.dropFirst("account:".count))
                team = nil
            } else if show.hasPrefix("team:") {
                team = String(show.dropFirst("team:".count))
                account = nil
            }
        }
        let approval = environment.scope(of: session.user)
        let scope = try CalendarScope.resolve(account: account, team: team, scope: approval, workspace: environment.workspace)
        let now = environment.now()
        let today = LocalInstant(instant: now, zone: scope.zone).date
        let kind = query.get("view").flatMap(CalendarPeriod.Kind.init(rawValue:)) ?? .month
        var anchor = today
        if let text = query.get("date"), !text.isEmpty {
            guard let date = LocalDate(iso: text) else {
                throw HTTPError(.badRequest, message: "The date '\(text)' is not a day written YYYY-MM-DD.")
            }
            anchor = date
        }
        let period = CalendarPeriod(kind: kind, anchor: anchor)
        let days = period.days
        let midnight = LocalTime(hour: 0, minute: 0)!
        let from = LocalInstant(date: days.first!, time: midnight, zone: scope.zone).instant
        let to = LocalInstant(date: days.last!.adding(days: 1), time: midnight, zone: scope.zone).instant
        let entries = try environment.store.calendarEntries(from: from, to: to, visible: scope.accounts.contains)
        let teams =
            approval.seesEverything ? environment.workspace.settings.teams.map(\.id.value) : approval.teams
        let accounts = environment.workspace.accounts.map(\.id.value).filter(approval.canSee(account:))
        return CalendarPage.Input(
            scope: scope, period: period, entries: entries, session: session, approval: approval, today: today,
            accounts: accounts, teams: teams, notice: nil)
    }

    /// What the moved `variant` now breaks of the spread rules (a post in its minute, a sibling too close), read
    /// from the store around its slot: the move stands, and the other posts keep their slots. A post of an account
    /// the user may not see is not named.
    private func spreadNotice(_ variant: StoredVariant, approval: ApprovalScope) throws -> String? {
        guard let instant = variant.scheduledAt else { return nil }
        let workspace = environment.workspace
        let timing = workspace.settings.timing
        let reach = Double(max(timing.siblingGap.seconds, timing.fleetBucket.seconds, timing.networkSpacing.seconds, 60))
        let near = try environment.store.calendarEntries(
            from: instant.addingTimeInterval(-reach), to: instant.addingTimeInterval(reach + 1), visible: { _ in true })
        let posts = near.filter { SlotMoveCheck.occupyingStates.contains($0.state) }.map { entry in
            SpreadStanding.Post(
                id: approval.canSee(account: entry.accountID) ? entry.id : "of an account outside your teams",
                accountID: entry.accountID, network: entry.network, instant: entry.scheduledAt,
                spacingKey: nil, moved: entry.id == variant.id)
        }
        let me = SpreadStanding.Post(
            id: variant.id, accountID: variant.accountID, network: variant.network, instant: instant, spacingKey: nil,
            moved: true)
        let standing = SpreadStanding(of: me, among: posts, timing: timing, siblings: SiblingGroups(workspace: workspace))
        guard !standing.holds else { return nil }
        let zone = TimeZone(identifier: variant.timeZone) ?? TimeZone(identifier: "UTC")!
        return " It \(standing.describe(zone: zone, timing: timing)): a move is not bound by the spread rules, and the "
            + "other posts keep their slots."
    }

    /// Where to go after a move: a calendar page, never another site; by default the account's month.
    static func back(_ asked: String?, variant: StoredVariant) -> String {
        if let asked, asked == "/calendar" || asked.hasPrefix("/calendar?"), !asked.contains("\\"),
            !asked.contains("\n"), !asked.contains("\r")
        {
            return asked
        }
        let month = variant.localTime.flatMap { LocalDate(iso: String($0.prefix(10))) }.map { "&date=\($0)" } ?? ""
        return "/calendar?account=" + CalendarScope.encode(variant.accountID) + month
    }

    static func mayNotMove(_ scope: ApprovalScope) -> HTTPError {
        HTTPError(.forbidden, message: "You may not move posts (role \(scope.role.rawValue)).")
    }

    static func asset(_ text: String, type: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: type, .cacheControl: "max-age=3600"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
