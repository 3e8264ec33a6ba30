import Foundation
import GlocalCore
import GlocalStore

/// The accounts the user may see with their holds (OK, paused, needs reconnect, rate limited) and
/// waiting posts; pause and resume for the accounts they act on; the global crisis pause for admins.
enum AccountsPage {
    /// What the crisis form shows after a refused submission.
    struct CrisisDraft {
        /// The reason as typed.
        var reason: String
        /// Why it was refused.
        var error: String
    }

    /// The page: a summary of the holds, the crisis card, one row per account in `statuses`.
    static func render(
        statuses: [AccountHoldStatus], session: Session, scope: ApprovalScope, globalPause: (paused: Bool, reason: String?),
        notice: String?, crisisDraft: CrisisDraft? = nil, apiVersionNotices: [APIVersionNotice] = [],
        connections: [String: AccountAuditEvent]? = nil
    ) -> HTML {
        let paused = statuses.filter { $0.paused || $0.crisisPaused }.count
        let reconnect = statuses.filter { $0.needsReconnect != nil }.count
        let limited = statuses.filter { $0.rateLimitedUntil != nil }.count
        let waiting = statuses.reduce(0) { $0 + $1.waiting }
        let needs = reconnect == 1 ? "needs" : "need"
        let posts = waiting == 1 ? "post" : "posts"
        let who: HTML =
            scope.role == .manager
            ? (scope.teams.isEmpty
                ? "\(ApprovalScopeWords.noTeam)"
                : "Accounts of your teams (\(scope.teams.joined(separator: ", "))); you may pause and resume them.")
            : (scope.role == .admin
                ? "Every account (brand admin); you may pause and resume any of them."
                : "Every account, read-only (viewer).")
        let rows = statuses.map { row($0, session: session, scope: scope, connections: connections) }
        let table: HTML =
            statuses.isEmpty
            ? "<p>You see no accounts.</p>"
            : """
            \(Layout.scroller("Accounts", """
            <table id="accounts"><thead><tr><th scope="col">Account</th><th scope="col" class="optional">Network</th>
            <th scope="col">Status</th><th scope="col">Posts waiting</th><th scope="col">Action</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            """))
            """
        return Layout.page(
            title: "Accounts", session: session, notice: notice,
            """
            <h1>Accounts <span class="progress">(\(statuses.count))</span></h1>
            <p>\(who) A paused account, one whose token the network refuses (needs reconnect) and a rate-limited one send
            nothing; their slots that pass meanwhile become <em>missed</em>, never sent late in a burst when the hold lifts.</p>
            <p id="accounts-summary">\(paused) paused · \(reconnect) \(needs) reconnect · \(limited) rate limited ·
            \(waiting) \(posts) waiting to be sent.</p>
            \(APIVersionWarning.render(apiVersionNotices))
            \(crisis(scope: scope, session: session, globalPause: globalPause, draft: crisisDraft))
            \(table)
            """)
    }

    private static func row(
        _ status: AccountHoldStatus, session: Session, scope: ApprovalScope, connections: [String: AccountAuditEvent]?
    ) -> HTML {
        var labels: [HTML] = []
        if status.crisisPaused {
            labels.append("<span class=\"hold hold-paused\">Paused</span> by the <a href=\"#crisis\">global crisis pause</a>")
        }
        if status.paused {
            let alone: HTML = status.crisisPaused ? " on its own too (stays paused when the global pause lifts)" : .empty
            labels.append("<span class=\"hold hold-paused\">Paused</span>\(alone)")
        }
        if let reason = status.needsReconnect {
            let fix: HTML =
                connections == nil
                ? """
                Fix: <code>glocal account connect \(status.id)</code> with the new token on standard input (or \
                <code>--browser</code>).
                """
                : scope.canAct(on: status.id)
                    ? "Fix: press Reconnect to sign in on the network again."
                    : "Fix: one of the account's managers or an admin reconnects it."
            labels.append("<span class=\"hold hold-reconnect\">Needs reconnect</span> \(reason). \(fix)")
        }
        if let until = status.rateLimitedUntil {
            let local = AccountHoldStatus.local(until, in: status.zone)
            labels.append("<span class=\"hold hold-limited\">Rate limited</span> until \(local)")
        }
        if status.isOK { labels.append("<span class=\"hold hold-ok\">OK</span>") }
        let action: HTML
        if scope.canAct(on: status.id) {
            let verb = status.paused ? "resume" : "pause"
            let label = status.paused ? "Resume" : "Pause"
            action = """
                <form method="post" action="\(path(status.id, verb))" class="inline">\(Layout.csrfField(session))
                <button type="submit" aria-label="\(label) \(status.id)">\(label)</button></form>
                \(connectButton(status, session, connections))
                """
        } else {
            action = "—"
        }
        if let connections { labels.append(connectionFacts(connections[status.id])) }
        let cell = HTML.joined(labels.map { label -> HTML in "<div>\(label)</div>" })
        let calendar = path(status.id, "calendar")
        return """
            <tr id="account-\(status.id)"><td><a href="\(calendar)">\(status.id)</a></td>
            <td class="optional">\(status.network)</td><td>\(cell)</td>
            <td>\(status.waiting)</td><td>\(action)</td></tr>
            """
    }

    /// Who connected the account, when, as whom, with which scopes, until when (its latest connect event).
    private static func connectionFacts(_ event: AccountAuditEvent?) -> HTML {
        guard let event else { return "<span class=\"connection\">Not connected from this page yet.</span>" }
        let verb = event.action == .reconnect ? "Reconnected" : "Connected"
        let note: HTML = event.reason.map { ": \($0)" } ?? .empty
        return "<span class=\"connection\">\(verb) by \(event.actor) on \(Layout.utc(event.at))\(note)</span>"
    }

    /// The Connect (or Reconnect) form, when the connect routes are served.
    private static func connectButton(
        _ status: AccountHoldStatus, _ session: Session, _ connections: [String: AccountAuditEvent]?
    ) -> HTML {
        guard let connections else { return .empty }
        let label = connections[status.id] == nil && status.needsReconnect == nil ? "Connect" : "Reconnect"
        return """
            <form method="post" action="\(path(status.id, "connect"))" class="inline">\(Layout.csrfField(session))
            <button type="submit" aria-label="\(label) \(status.id)" id="connect-\(status.id)">\(label)</button></form>
            """
    }

    /// The latest connect or reconnect event of each account `scope` sees.
    static func connections(_ store: any AuditTrail, visibleTo scope: ApprovalScope) throws -> [String: AccountAuditEvent] {
        var latest: [String: AccountAuditEvent] = [:]
        for event in try store.recentAccountAuditEvents(limit: 100_000, visible: scope.canSee(account:))
        where event.action == .connect || event.action == .reconnect {
            if let account = event.accountID, latest[account] == nil { latest[account] = event }
        }
        return latest
    }

    /// The crisis pause: its state for everyone, its form for admins.
    private static func crisis(
        scope: ApprovalScope, session: Session, globalPause: (paused: Bool, reason: String?), draft: CrisisDraft?
    ) -> HTML {
        let state: HTML =
            globalPause.paused
            ? "<p><strong>On</strong>: every account is paused. Reason: \(globalPause.reason ?? "no reason given").</p>"
            : "<p>Off.</p>"
        guard scope.role == .admin else {
            return globalPause.paused
                ? "<section class=\"card\" id=\"crisis\"><h2>Global crisis pause</h2>\(state)<p>Only an admin can lift it.</p></section>"
                : .empty
        }
        let form: HTML
        if globalPause.paused {
            form = """
                <form method="post" action="/accounts/resume-all">\(Layout.csrfField(session))
                <button type="submit" class="primary" id="resume-all">Lift the global pause</button></form>
                <p>Slots that passed while it held stay missed; accounts paused one by one stay paused.</p>
                """
        } else {
            let error: HTML = draft.map { "<p class=\"field-error\" id=\"reason-error\">\($0.error)</p>" } ?? .empty
            let described: HTML = draft == nil ? .empty : " aria-describedby=\"reason-error\""
            form = """
                <form method="post" action="/accounts/pause-all">\(Layout.csrfField(session))
                <label for="crisis-reason">Reason (shown on every page, to everyone)</label>\(error)
                <input type="text" id="crisis-reason" name="reason" required maxlength="\(CrisisPauseReason.maxLength)"
                value="\(draft?.reason ?? "")"\(described)>
                <p><button type="submit" class="danger" id="pause-all">Pause every account</button></p></form>
                """
        }
        return "<section class=\"card\" id=\"crisis\"><h2>Global crisis pause</h2>\(state)\(form)</section>"
    }

    /// `/accounts/ID/ACTION`, the id percent-encoded.
    static func path(_ account: String, _ action: String) -> String {
        "/accounts/" + (account.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? account) + "/"
            + action
    }
}
