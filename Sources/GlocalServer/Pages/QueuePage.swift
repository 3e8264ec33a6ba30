import Foundation
import GlocalCore
import GlocalStore

/// "My queue": the variants waiting for the user, grouped by campaign, with their deadlines and a
/// bulk-approve form; above them, a warning for any of the user's accounts that needs reconnecting.
enum QueuePage {
    static func render(
        variants: [StoredVariant], session: Session, scope: ApprovalScope, environment: ServerEnvironment, now: Date,
        notice: String?, warning: HTML = .empty, changed: HTML = .empty
    ) -> HTML {
        var groups: [(String, [StoredVariant])] = []
        for variant in variants {
            if groups.last?.0 == variant.campaignID {
                groups[groups.count - 1].1.append(variant)
            } else {
                groups.append((variant.campaignID, [variant]))
            }
        }
        let canAct = scope.role != .viewer
        let who: HTML =
            scope.role == .manager
            ? "<p>Accounts of your teams: \(scope.teams.joined(separator: ", ")).</p>"
            : (scope.role == .admin
                ? "<p>You see every account (brand admin).</p>" : "<p>Read-only: you see every account (viewer).</p>")
        let sections = groups.map { campaign, items in
            section(campaign: campaign, items: items, canAct: canAct, environment: environment, now: now)
        }
        let list: HTML =
            variants.isEmpty
            ? "<p>Nothing is waiting for you.</p>"
            : (canAct
                ? """
                <form method="post" action="/approve">\(Layout.csrfField(session))
                \(sections)
                <p><button type="submit" class="primary" id="bulk-approve">Approve selected</button></p>
                </form>
                """
                : "\(sections)")
        return Layout.page(
            title: "My queue", session: session, notice: notice,
            """
            <h1>My queue <span class="progress">(\(variants.count) waiting)</span></h1>
            \(warning)
            \(changed)
            \(who)
            \(list)
            """)
    }

    /// The ticked variants that changed since the queue was loaded, each with who changed it: none of
    /// them was approved.
    static func changedList(_ changes: [RevisionChanges]) -> HTML {
        let items = changes.map { change -> HTML in
            let events = change.events.map { event -> HTML in
                " · \(event.action.rawValue) by \(event.actor) at \(Layout.utc(event.at))"
            }
            return "<li><a href=\"\(Layout.variantPath(change.current.id))\">\(change.current.id)</a>\(events)</li>"
        }
        return """
            <div class="card" id="changed" role="alert"><h2>Changed since you loaded the queue: not approved</h2>
            <p>These variants changed after the queue was shown, so they were not approved. Open each to see what changed
            and approve it as it is now.</p>
            <ul>\(items)</ul></div>
            """
    }

    private static func section(campaign: String, items: [StoredVariant], canAct: Bool, environment: ServerEnvironment, now: Date)
        -> HTML
    {
        let policy = environment.policy(of: campaign)
        let rows = items.map { variant -> HTML in
            let status = policy.status(of: variant, now: now)
            let deadline: HTML
            switch status {
            case .missed:
                deadline = "<span class=\"late\">Past deadline: \(status.explanation(policy: policy) ?? "")</span>"
            case .open(let due): deadline = "approve by \(Layout.utc(due))"
            case .notApplicable: deadline = variant.live ? "live: goes when approved" : "—"
            }
            let box: HTML =
                canAct && !status.isMissed
                ? """
                <td><input type="checkbox" name="id" value="\(variant.id)@\(variant.contentHash)" id="pick-\(variant.id)" \
                aria-label="Select \(variant.id)"></td>
                """
                : "<td></td>"
            return """
                <tr>\(box)<td><a href="\(Layout.variantPath(variant.id))">\(variant.postID)</a></td>
                <td>\(variant.accountID)</td><td class="optional">\(variant.network.displayName)</td>
                <td>\(variant.localTime ?? "live") <span class="optional">\(variant.timeZone)</span></td><td>\(deadline)</td></tr>
                """
        }
        return """
            <section class="card"><h2>\(campaign) <span class="progress">(\(items.count))</span></h2>
            <div class="table-wrap"><table><thead><tr><th scope="col"><span class="skip">Select</span></th><th scope="col">Post</th>
            <th scope="col">Account</th><th scope="col" class="optional">Network</th><th scope="col">Slot (local)</th><th scope="col">Deadline</th></tr></thead>
            <tbody>\(rows)</tbody></table></div></section>
            """
    }
}
