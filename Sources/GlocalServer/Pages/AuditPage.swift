import Foundation
import GlocalCore
import GlocalStore

/// The audit log: who did what, when, from which state to which, the text before and after, why;
/// the variants' events and the accounts' (pauses, resumes, the global crisis pause, connections) in one table.
enum AuditPage {
    /// One row of the merged log.
    enum Entry {
        /// A variant's event.
        case variant(AuditEvent)
        /// An account's (or every account's) event.
        case account(AccountAuditEvent)
    }

    /// The newest `limit` of both logs (each given newest first), newest first; at equal instants an
    /// account event goes first.
    static func merged(_ events: [AuditEvent], _ accountEvents: [AccountAuditEvent], limit: Int) -> [Entry] {
        var entries: [Entry] = []
        var variants = events[...]
        var accounts = accountEvents[...]
        while entries.count < limit, variants.first != nil || accounts.first != nil {
            if let account = accounts.first, variants.first.map({ account.at >= $0.at }) ?? true {
                entries.append(.account(account))
                accounts = accounts.dropFirst()
            } else if let variant = variants.first {
                entries.append(.variant(variant))
                variants = variants.dropFirst()
            }
        }
        return entries
    }

    /// The log page; `networkOf` names a variant's network (so a webhook network's post reads "sent to webhook").
    static func render(
        events: [AuditEvent], accountEvents: [AccountAuditEvent], session: Session, limit: Int,
        networkOf: (String) -> Network?
    ) -> HTML {
        let entries = merged(events, accountEvents, limit: limit)
        let rows = entries.map { entry -> HTML in
            switch entry {
            case .variant(let event): return variantRow(event, showVariant: true, network: networkOf(event.variantID))
            case .account(let event): return accountRow(event)
            }
        }
        let table: HTML =
            entries.isEmpty
            ? "<p>No events.</p>"
            : """
            \(Layout.scroller("Audit log", """
            <table id="audit"><thead><tr><th scope="col">When</th><th scope="col">Who</th>
            <th scope="col">Variant or account</th><th scope="col">Action</th><th scope="col">State</th>
            <th scope="col">Before → after, why</th></tr></thead><tbody>\(rows)</tbody></table>
            """))
            """
        return Layout.page(
            title: "Audit log", session: session,
            """
            <h1>Audit log</h1>
            <p>Every state change and edit of a variant, every pause and resume of an account, the global crisis pause
            and its lifting, and every (re)connection of an account's credentials, newest first (the latest \(limit) you
            may see). The log is append-only: the database refuses to change or delete an entry.</p>
            \(table)
            """)
    }

    /// A variant's events as a table (its history on the variant page).
    static func table(_ events: [AuditEvent], showVariant: Bool, network: Network?) -> HTML {
        guard !events.isEmpty else { return "<p>No events.</p>" }
        let rows = events.map { variantRow($0, showVariant: showVariant, network: network) }
        let variantHeader: HTML = showVariant ? "<th scope=\"col\">Variant</th>" : .empty
        return Layout.scroller(
            "History",
            """
            <table id="audit"><thead><tr><th scope="col">When</th><th scope="col">Who</th>\(variantHeader)
            <th scope="col">Action</th><th scope="col">State</th><th scope="col">Before → after</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            """)
    }

    private static func variantRow(_ event: AuditEvent, showVariant: Bool, network: Network?) -> HTML {
        let link: HTML = "<td><a href=\"\(Layout.variantPath(event.variantID))\">\(event.variantID)</a></td>"
        let variant: HTML = showVariant ? link : .empty
        let from = event.fromState.map { Layout.stateLabel($0.rawValue, network: network) } ?? "—"
        let change = "\(from) → \(event.toState.map { Layout.stateLabel($0.rawValue, network: network) } ?? "—")"
        var detail: HTML = event.reason.map { "Reason: \($0)" } ?? .empty
        let before = event.before.flatMap(snapshot(of:))
        let after = event.after.flatMap(snapshot(of:))
        if event.action == .update, let before, let after, before.scheduledAt != after.scheduledAt {
            detail = "\(detail)<span class=\"slot-change\">Slot: \(slot(before)) → \(slot(after))</span>"
        }
        if event.action == .edit || event.action == .update, let beforeText = before?.text, let afterText = after?.text,
            beforeText != afterText
        {
            detail = "\(detail)<span class=\"post\">\(WordDiffHTML.inline(from: beforeText, to: afterText))</span>"
        }
        return """
            <tr><td>\(Layout.utc(event.at))</td><td>\(who(event.actor, node: event.node))</td>\(variant)<td>\(event.action.rawValue)</td>
            <td>\(change)</td><td>\(detail)</td></tr>
            """
    }

    /// Who wrote an event, and on which node when a dispatcher node did (`glocal run --node-id`).
    static func who(_ actor: String, node: String?) -> HTML {
        guard let node else { return "\(actor)" }
        return "\(actor) <span class=\"node\">on \(node)</span>"
    }

    private static func accountRow(_ event: AccountAuditEvent) -> HTML {
        let subject: HTML =
            event.accountID.map { "<a href=\"\(AccountsPage.path($0, "calendar"))\">\($0)</a>" }
            ?? "<strong>every account</strong>"
        let change: HTML
        switch event.action {
        case .pause, .pauseAll: change = "→ paused"
        case .resume, .resumeAll: change = "paused → resumed"
        case .connect, .reconnect: change = event.clearedHold == nil ? "—" : "needs reconnect → connected"
        case .needsReconnect: change = "→ needs reconnect"
        }
        var details: [HTML] = []
        if let reason = event.reason { details.append("Reason: \(reason)") }
        if let hold = event.clearedHold { details.append("Lifted the hold: \(hold)") }
        if event.action == .resume || event.action == .resumeAll {
            details.append("Slots that passed while paused stay missed.")
        }
        return """
            <tr class="account-event" id="account-event-\(String(event.id))"><td>\(Layout.utc(event.at))</td>
            <td>\(who(event.actor, node: event.node))</td><td>\(subject)</td><td>\(event.action.rawValue)</td><td>\(change)</td>
            <td>\(HTML.joined(details.map { detail -> HTML in "<div>\(detail)</div>" }))</td></tr>
            """
    }

    /// The fields of an audit snapshot the page shows.
    struct Snapshot: Decodable {
        var text: String
        var scheduledAt: String?
        var localTime: String?
        var timeZone: String?

        private enum CodingKeys: String, CodingKey {
            case text
            case scheduledAt = "scheduled_at"
            case localTime = "local_time"
            case timeZone = "time_zone"
        }
    }

    /// The snapshot's fields, or `nil` if it does not read.
    static func snapshot(of json: String) -> Snapshot? { try? JSONDecoder().decode(Snapshot.self, from: Data(json.utf8)) }

    /// The `text` of an audit snapshot.
    static func text(of snapshot: String) -> String? { self.snapshot(of: snapshot)?.text }

    /// A snapshot's slot: local time and zone when recorded, else the UTC instant, else "live".
    private static func slot(_ snapshot: Snapshot) -> String {
        if let local = snapshot.localTime, let zone = snapshot.timeZone { return "\(local) (\(zone))" }
        return snapshot.scheduledAt ?? "live"
    }
}
