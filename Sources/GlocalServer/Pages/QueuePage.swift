import Foundation
import GlocalCore
import GlocalStore

/// "My queue": the user's variants as cards (text, thumbnail, network, local slot and deadline), a filter and
/// search form (plain GET, works without JavaScript), pages of `QueueFilter.pageSize`, and bulk approve and
/// reject; above them, a warning for any of the user's accounts that needs reconnecting.
enum QueuePage {
    /// What the page lists: the state's visible variants, the filter, and the page of them shown.
    struct Listing {
        /// Every visible variant in the filter's state (for the counts and the filter's choices).
        var all: [StoredVariant]
        /// The filter and search asked for.
        var filter: QueueFilter
        /// The page shown.
        var slice: QueueSlice
    }

    static func render(
        listing: Listing, session: Session, scope: ApprovalScope, environment: ServerEnvironment, thumbnails: QueueThumbnails,
        now: Date, notice: String?, warning: HTML = .empty, changed: HTML = .empty
    ) -> HTML {
        let filter = listing.filter, slice = listing.slice
        let canAct = scope.role != .viewer
        let who: HTML =
            scope.role == .manager
            ? (scope.teams.isEmpty
                ? "<p>\(ApprovalScopeWords.noTeam)</p>"
                : "<p>Accounts of your teams: \(scope.teams.joined(separator: ", ")).</p>")
            : (scope.role == .admin
                ? "<p>You see every account (brand admin).</p>" : "<p>Read-only: you see every account (viewer).</p>")
        let rows = slice.items.map { variant -> HTML in
            let policy = environment.policy(of: variant.campaignID)
            return QueueRow(
                variant: variant, status: policy.status(of: variant, now: now), policy: policy, canAct: canAct, now: now,
                search: filter.search
            )
            .html(thumbnails: thumbnails)
        }
        let problems: HTML =
            filter.problems.isEmpty
            ? .empty : "<p class=\"warning\" id=\"filter-problems\">\(filter.problems.joined(separator: " "))</p>"
        let list: HTML
        if listing.all.isEmpty {
            list = filter.state == .pendingApproval ? "<p>Nothing is waiting for you.</p>" : "<p>No variant in this state.</p>"
        } else if slice.items.isEmpty {
            list = "<p id=\"no-match\">No variant matches these filters. <a href=\"/\">Show all</a></p>"
        } else {
            let items: HTML = "<ul class=\"q-list\">\(rows)</ul>"
            list =
                canAct && filter.state == .pendingApproval
                ? """
                <form method="post" action="/approve" class="q-form">\(Layout.csrfField(session))
                <input type="hidden" name="back" value="\(filter.query(page: slice.page))">
                \(items)
                <div class="q-actions card">
                <p><button type="submit" class="primary" id="bulk-approve">Approve selected</button></p>
                <label for="bulk-reason">Reason for rejecting the selected</label>
                <input type="text" id="bulk-reason" name="reason" maxlength="\(ApprovalError.maxReasonLength)">
                <p><button type="submit" class="danger" id="bulk-reject" formaction="/reject-selected">\
                Reject selected</button></p>
                </div></form>
                """
                : items
        }
        let heading: HTML =
            filter.state == .pendingApproval
            ? "(\(listing.all.count) waiting)"
            : "(\(listing.all.count) \(Layout.stateLabel(filter.state.rawValue, network: nil)))"
        return Layout.page(
            title: "My queue", session: session, notice: notice,
            """
            <link rel="stylesheet" href="/static/queue.css"><script src="/static/queue.js" defer></script>
            <h1>My queue <span class="progress">\(heading)</span></h1>
            \(warning)
            \(changed)
            \(who)
            \(QueueFilterForm.html(filter: filter, variants: listing.all))
            \(problems)
            \(summary(slice))
            \(list)
            \(pager(slice, filter: filter))
            """)
    }

    /// "Showing 51–100 of 312 matching".
    static func summary(_ slice: QueueSlice) -> HTML {
        guard slice.total > 0 else { return .empty }
        let first = (slice.page - 1) * QueueFilter.pageSize + 1
        let last = first + slice.items.count - 1
        return """
            <p class="q-summary" id="queue-total" role="status">Showing \(first)–\(last) of \(slice.total) matching</p>
            """
    }

    /// Previous and next links (keeping the filters) and the page number.
    static func pager(_ slice: QueueSlice, filter: QueueFilter) -> HTML {
        guard slice.pageCount > 1 else { return .empty }
        func link(_ page: Int, _ label: String, rel: String) -> HTML {
            let query = filter.query(page: page)
            return "<a href=\"/\(query.isEmpty ? "" : "?" + query)\" rel=\"\(rel)\">\(label)</a>"
        }
        let previous: HTML = slice.page > 1 ? link(slice.page - 1, "← Previous", rel: "prev") : .empty
        let next: HTML = slice.page < slice.pageCount ? link(slice.page + 1, "Next →", rel: "next") : .empty
        return """
            <nav class="q-pager" aria-label="Pages">\(previous) \
            <span>Page \(slice.page) of \(slice.pageCount)</span> \(next)</nav>
            """
    }

    /// The ticked variants that changed since the queue was loaded, each with who changed it: none of
    /// them was approved.
    static func changedList(_ changes: [RevisionChanges]) -> HTML {
        let items = changes.map { change -> HTML in
            // A box without `@REVISION` (a queue from an older version) names nothing to compare: its history since
            // creation would read as changes that never happened after the page was shown.
            let events: [HTML] =
                change.shown.value.isEmpty
                ? [" · no revision named (a queue page from an older version): open it and approve what it shows"]
                : change.events.map { event -> HTML in
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
}
