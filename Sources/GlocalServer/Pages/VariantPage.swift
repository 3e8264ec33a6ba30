import Foundation
import GlocalCore
import GlocalStore

/// One variant: status and deadline, the preview as its network shows it, the default-locale text for
/// reference and the local text against the one glocal generated, the edit form (a live count and problems
/// next to the field with the script, errors after saving without it), approve and reject, and its history.
enum VariantPage {
    /// What the edit form shows: the submitted values and their diagnostics after a failed edit.
    struct Draft {
        var text: String
        var linkPlacement: LinkPlacement
        var diagnostics: [Diagnostic]
    }

    static func render(
        variant: StoredVariant, session: Session, scope: ApprovalScope, environment: ServerEnvironment, history: [AuditEvent],
        now: Date, draft: Draft? = nil, notice: String? = nil, actionError: String? = nil, changes: HTML = .empty
    ) -> HTML {
        let account = environment.accountsByID[variant.accountID]
        let policy = environment.policy(of: variant.campaignID)
        let status = policy.status(of: variant, now: now)
        let preview = PostPreview(
            network: variant.network, text: draft?.text ?? variant.text, link: variant.link,
            linkPlacement: draft?.linkPlacement ?? variant.linkPlacement, media: variant.media,
            maxCharacters: account?.maxCharacters, title: variant.title)
        let global = CampaignText.global(
            campaignID: variant.campaignID, postID: variant.postID, network: variant.network, in: environment.workspace)
        var deadline: HTML
        // The deadline in the account's local time, as the slot and the queue show it, with the UTC instant.
        func local(_ due: Date) -> HTML {
            let label = LocalTimeLabel(due, zoneID: variant.timeZone, now: now)
            return "<time datetime=\"\(QueueRow.iso(due))\">\(label.local)</time> (\(label.relative); \(Layout.utc(due)))"
        }
        switch status {
        case .missed(let due):
            deadline =
                "<p class=\"late\" id=\"deadline\"><strong>Will not be published:</strong> \(status.explanation(policy: policy) ?? "") (deadline \(local(due))).</p>"
        case .open(let due):
            deadline =
                "<p id=\"deadline\">Approve by <strong>\(local(due))</strong>, \(policy.deadline.map { "\($0)" } ?? "0m") before the slot.</p>"
        case .notApplicable: deadline = .empty
        }
        if policy.mode == .auto {
            deadline =
                "\(deadline)<p>This campaign's approval policy is <strong>auto</strong>: its variants are approved when planned.</p>"
        }
        let canAct = scope.canAct(on: variant.accountID)
        let editing = actions(variant: variant, session: session, status: status, draft: draft, measurement: preview.measurement)
        let previewAccount = PreviewAccount(account: account, id: variant.accountID, workspace: environment.workspace)
        let problem: HTML = actionError.map { "<p class=\"field-error\" role=\"alert\" id=\"action-error\">\($0)</p>" } ?? .empty
        return Layout.page(
            title: variant.id, session: session, notice: notice,
            """
            <p><a href="/">← My queue</a> · <a href="/campaigns/\(variant.campaignID)">Campaign \(variant.campaignID)</a> ·
            <a href="/accounts/\(variant.accountID)/calendar">Calendar of \(variant.accountID)</a></p>
            <h1>\(variant.postID) → \(variant.accountID)</h1>
            <p>State: <span class="state state-\(variant.state.rawValue)" id="state">\(Layout.stateLabel(variant.state.rawValue, network: variant.network))</span> ·
            \(variant.network.displayName) · \(variant.locale) · slot \(variant.localTime ?? "live") \(variant.timeZone)</p>
            \(deadline)\(Self.givenUp(variant, history: history))\(problem)\(changes)
            \(PreviewView.stylesheetLink)
            <h2>Preview</h2>
            <div lang="\(variant.locale)">\(PreviewView.render(preview, account: previewAccount))</div>
            <h2>Local text</h2>
            <div lang="\(variant.locale)">\(PreviewView.localChanges(generated: GeneratedText.of(history), local: draft?.text ?? variant.text))</div>
            \(PreviewView.reference(global: global, locale: environment.workspace.settings.defaultLocale.value))
            \(canAct ? editing : HTML("<p>You can read this variant but not change it.</p>"))
            <h2>History</h2>
            \(AuditPage.table(history, showVariant: false, network: variant.network))
            """)
    }

    private static func actions(
        variant: StoredVariant, session: Session, status: ApprovalDeadlineStatus, draft: Draft?, measurement: TextMeasurement
    ) -> HTML {
        let path = Layout.variantPath(variant.id)
        let rules = NetworkRules.forNetwork(variant.network)
        let placements = LinkPlacement.allCases.filter {
            rules.allowedLinkPlacements.contains($0) || $0 == (draft?.linkPlacement ?? variant.linkPlacement)
        }
        let chosen = draft?.linkPlacement ?? variant.linkPlacement
        let options = placements.map { placement -> HTML in
            "<option value=\"\(placement.rawValue)\"\(placement == chosen ? HTML(" selected") : .empty)>\(placement.rawValue)</option>"
        }
        let errors = draft?.diagnostics ?? []
        func fieldErrors(_ field: String) -> HTML {
            let mine = errors.filter { VariantEditCheck.field(of: $0) == field }
            guard !mine.isEmpty else { return .empty }
            return
                "<div class=\"field-error\" id=\"\(field)-errors\" role=\"alert\">\(mine.map { problem($0, measurement: measurement) })</div>"
        }
        let described: HTML =
            errors.contains { VariantEditCheck.field(of: $0) == "text" }
            ? " aria-invalid=\"true\" aria-describedby=\"text-errors\"" : ""
        let decide: HTML =
            variant.state == .pendingApproval && !status.isMissed
            ? """
            <div class="card"><h2>Decide</h2>
            <form method="post" action="\(path)/approve" class="inline">\(Layout.csrfField(session))\(revisionField(variant))
            <button type="submit" class="primary" id="approve">Approve</button></form>
            <form method="post" action="\(path)/reject">\(Layout.csrfField(session))
            <label for="reason">Reason for rejecting</label><input type="text" id="reason" name="reason" required maxlength="\(ApprovalError.maxReasonLength)">
            <p><button type="submit" class="danger" id="reject">Reject</button></p></form></div>
            """
            : .empty
        let editable = [VariantState.pendingApproval, .approved, .scheduled, .rejected].contains(variant.state)
        let edit: HTML =
            editable
            ? """
            <div class="card"><h2>Edit the local text</h2>
            <form method="post" action="\(path)/edit">\(Layout.csrfField(session))\(revisionField(variant))
            <label for="text">Text</label>
            \(fieldErrors("text"))
            <textarea id="text" name="text" lang="\(variant.locale)"\(described) data-count-url="\(path)/count">\(draft?.text ?? variant.text)</textarea>
            <div class="live-count" id="live-count" aria-live="polite" hidden></div>
            <label for="link_placement">Link placement</label>
            \(fieldErrors("link_placement"))
            <select id="link_placement" name="link_placement">\(options)</select>
            \(fieldErrors("media"))
            <p><button type="submit" id="save">Check and save</button> (checked with the same rules as <code>glocal validate</code>; saving does not approve)</p>
            </form></div>
            <script src="/static/editor.js" defer></script>
            """
            : .empty
        return "\(decide)\(edit)"
    }

    /// A problem in plain words, with the validator's own line (severity, rule id, message) one click away.
    /// The dispatcher's give-up of this post with its outcome unknown, and what to check (none otherwise).
    static func givenUp(_ variant: StoredVariant, history: [AuditEvent]) -> HTML {
        guard variant.state == .unknown, let giveUp = UnknownOutcomeGiveUp.latest(in: history) else { return .empty }
        let advice = UnknownOutcomeGiveUp.advice(accountID: variant.accountID, network: variant.network)
        return "<p class=\"field-error\" role=\"alert\" id=\"given-up\">Given up: \(giveUp.reason). \(advice).</p>"
    }

    static func problem(_ diagnostic: Diagnostic, measurement: TextMeasurement?) -> HTML {
        """
        <div class="problem"><p>\(ProblemWording.plain(diagnostic, measurement: measurement))</p><details><summary>Rule \(diagnostic.rule)</summary>
        <code>\(diagnostic.severity.rawValue)[\(diagnostic.rule)]: \(diagnostic.message)</code></details></div>
        """
    }

    /// The revision this page shows, carried by approve and edit so the server acts only on it.
    static func revisionField(_ variant: StoredVariant) -> HTML {
        "<input type=\"hidden\" name=\"revision\" value=\"\(variant.contentHash)\">"
    }
}
