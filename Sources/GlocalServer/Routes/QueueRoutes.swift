import Foundation
import GlocalCore
import GlocalStore
import GlocalUseCases
import Hummingbird

/// My queue (filtered, searched, paged), and bulk approve and bulk reject from it.
struct QueueRoutes {
    let environment: ServerEnvironment
    /// Whether this server serves the networks' sign-in (the reconnect warning's fix says so).
    var connects = false

    static func bulkNotice(verb: String, count: Int, skipped: Int) -> String {
        "\(verb) \(count) variant\(count == 1 ? "" : "s")."
            + (skipped > 0 ? " \(skipped) could not be \(verb.lowercased()) (past deadline or no longer pending)." : "")
    }

    /// The first value of each parameter of `query` (raw, as in the URL), decoded as a browser's GET form
    /// encodes it: `+` is a space, `%2B` a plus sign.
    static func parameters(query: String?) -> [String: String] {
        var values: [String: String] = [:]
        for pair in (query ?? "").split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decoded(_ text: Substring) -> String {
                let spaced = text.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            let name = decoded(parts[0])
            if values[name] == nil { values[name] = parts.count > 1 ? decoded(parts[1]) : "" }
        }
        return values
    }

    /// The filter a bulk form carried back (`back`: the queue's own query), re-read so only known values survive.
    static func filter(back: String?) -> QueueFilter {
        QueueFilter(query: parameters(query: back))
    }

    func register(on router: Router<AppRequestContext>) {
        let guardian = RequestGuard(environment: environment)
        let thumbnails = QueueThumbnails(workspace: environment.workspace)
        router.get("/static/queue.css") { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: QueueStylesheet.css)))
        }
        router.get("/static/queue.js") { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: QueueScript.script)))
        }
        router.get("/") { request, context -> Response in
            let session = try guardian.session(context)
            let scope = environment.scope(of: session.user)
            let filter = QueueFilter(query: Self.parameters(query: request.uri.query))
            return Layout.response(
                try page(
                    filter: filter, session: session, scope: scope, thumbnails: thumbnails, notice: context.flash?.notice,
                    warning: ReconnectWarning.render(
                        try AccountHoldStatus.needingReconnect(scope: scope, environment: environment), scope: scope,
                        connects: connects)))
        }
        router.post("/approve") { request, context -> Response in
            let session = try guardian.session(context)
            let form = try await guardian.form(request, context: context, session: session)
            let scope = environment.scope(of: session.user)
            let picks = form.all("id").map(Self.pick)
            try checkScope(picks.map(\.id), scope: scope, guardian: guardian)
            let filter = Self.filter(back: form["back"])
            // Enter in the reason field submits the form by its first button, *Approve selected*: a body carrying a
            // rejection reason was meant for *Reject selected*, and approves nothing.
            let reason = form["reason"] ?? ""
            let refusal: String? =
                picks.isEmpty
                ? "Select at least one variant to approve: nothing was approved."
                : (reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                    ? nil
                    : "You wrote a reason for rejecting: press “Reject selected” to reject the variants you ticked, "
                        + "or clear the reason to approve them. Nothing was approved.")
            if let refusal {
                return try refused(refusal, filter: filter, session: session, scope: scope, thumbnails: thumbnails)
            }
            let now = environment.now()
            let outcome = try environment.approvals.approveAll(
                picks, by: ApprovalActor(name: session.user.email, scope: scope), now: now)
            let notice = Self.bulkNotice(verb: "Approved", count: outcome.decided.count, skipped: outcome.refused.count)
            guard !outcome.stale.isEmpty else {
                var flash = Flash(path: "/")
                flash.notice = notice
                return flash.redirect(to: Self.location(filter), session: session, secure: environment.secureCookies)
                    ?? Layout.redirect(to: Self.location(filter))
            }
            // Not a redirect: the changed variants were not approved, and their list is this answer's alone (409).
            let changed = try outcome.stale.compactMap { stale in
                try environment.store.changes(of: stale.id, since: VariantRevision(of: stale.shown))
            }
            return Layout.response(
                try page(
                    filter: filter, session: session, scope: scope, thumbnails: thumbnails, notice: notice,
                    changed: QueuePage.changedList(changed)),
                status: .conflict)
        }
        router.post("/reject-selected") { request, context -> Response in
            let session = try guardian.session(context)
            let form = try await guardian.form(request, context: context, session: session)
            let scope = environment.scope(of: session.user)
            let ids = form.all("id").map { Self.pick($0).id }
            try checkScope(ids, scope: scope, guardian: guardian)
            let filter = Self.filter(back: form["back"])
            let reason = form["reason"] ?? ""
            let refusal: String? =
                ids.isEmpty
                ? "Select at least one variant to reject: nothing was rejected."
                : (reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                    ? "A rejection needs a reason: write it in “Reason for rejecting the selected”. Nothing was rejected."
                    : nil)
            if let refusal {
                return try refused(refusal, filter: filter, session: session, scope: scope, thumbnails: thumbnails)
            }
            let outcome: BulkApprovalOutcome
            do {
                outcome = try environment.approvals.rejectAll(
                    ids, reason: reason, by: ApprovalActor(name: session.user.email, scope: scope), now: environment.now())
            } catch let error as ApprovalError {
                // A reason the core refuses (too long, a control character in it) is the user's to fix, as on the
                // variant page.
                switch error {
                case .reasonControl, .reasonTooLong: break
                default: throw error
                }
                let text = error.description
                return try refused(
                    text.prefix(1).uppercased() + text.dropFirst() + ".", filter: filter, session: session, scope: scope,
                    thumbnails: thumbnails)
            }
            var flash = Flash(path: "/")
            flash.notice = Self.bulkNotice(verb: "Rejected", count: outcome.decided.count, skipped: outcome.refused.count)
            return flash.redirect(to: Self.location(filter), session: session, secure: environment.secureCookies)
                ?? Layout.redirect(to: Self.location(filter))
        }
    }

    /// The queue at `filter` (its page too), where a bulk action sends the browser back.
    static func location(_ filter: QueueFilter) -> String {
        let back = filter.query(page: filter.page)
        return back.isEmpty ? "/" : "/?" + back
    }

    /// The queue again, 409, with why a bulk action did nothing (in plain words, announced).
    private func refused(
        _ refusal: String, filter: QueueFilter, session: Session, scope: ApprovalScope, thumbnails: QueueThumbnails
    ) throws -> Response {
        Layout.response(
            try page(
                filter: filter, session: session, scope: scope, thumbnails: thumbnails, notice: nil,
                changed: "<p class=\"field-error\" id=\"bulk-error\" role=\"alert\">\(refusal)</p>"),
            status: .conflict)
    }

    /// Scope first, for every id: a request naming another team's variant changes nothing (403 or 404).
    private func checkScope(_ ids: [String], scope: ApprovalScope, guardian: RequestGuard) throws {
        // A viewer is told it is the role, as on the variant page; a manager, which account is not theirs.
        for id in ids { _ = try guardian.actionableVariant(id, scope: scope) }
    }

    private func page(
        filter: QueueFilter, session: Session, scope: ApprovalScope, thumbnails: QueueThumbnails, notice: String?,
        warning: HTML = .empty, changed: HTML = .empty
    ) throws -> HTML {
        let now = environment.now()
        let all = try environment.store.variants(in: filter.state, visible: scope.canSee(account:))
        let slice = filter.slice(of: all, deadline: { environment.policy(of: $0.campaignID).status(of: $0, now: now) }, now: now)
        return QueuePage.render(
            listing: QueuePage.Listing(all: all, filter: filter, slice: slice), session: session, scope: scope,
            environment: environment, thumbnails: thumbnails, now: now, notice: notice, warning: warning, changed: changed)
    }

    /// A ticked box's value, `ID@REVISION`: the id and the revision the queue showed (`nil` if absent).
    static func pick(_ value: String) -> (id: String, revision: VariantRevision?) {
        guard let at = value.lastIndex(of: "@") else { return (value, nil) }
        return (String(value[..<at]), VariantRevision(String(value[value.index(after: at)...])))
    }
}
