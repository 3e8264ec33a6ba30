import Foundation
import GlocalCore

/// One variant in the manager's queue, as a card: box to select it, thumbnail, network badge, account and
/// campaign, the start of the text, and the slot and deadline in the account's local time with a hint.
struct QueueRow {
    /// Characters of text shown before "…".
    static let excerptLength = 140

    let variant: StoredVariant
    let status: ApprovalDeadlineStatus
    let policy: ApprovalPolicy
    let canAct: Bool
    let now: Date

    /// The start of `text` on one line, whole characters (and a whole word when one ends near the cut), "…" when cut.
    static func excerpt(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        guard flat.count > excerptLength else { return flat }
        var cut = flat.prefix(excerptLength)
        // End on a whole word when one ends in the last 20 characters.
        if let space = cut.lastIndex(of: " "), cut.distance(from: space, to: cut.endIndex) <= 20 { cut = cut[..<space] }
        return String(cut).trimmingCharacters(in: .whitespaces) + "…"
    }

    /// An instant for a `<time datetime>`: ISO 8601 in UTC.
    static func iso(_ date: Date) -> String { date.ISO8601Format() }

    /// The row's markup.
    func html(thumbnails: QueueThumbnails) -> HTML {
        let selectable = canAct && variant.state == .pendingApproval && !status.isMissed
        let box: HTML =
            selectable
            ? """
            <input type="checkbox" name="id" value="\(variant.id)@\(variant.contentHash)" id="pick-\(variant.id)" \
            aria-label="Select \(variant.id)">
            """
            : "<span class=\"q-nobox\"></span>"
        let title: HTML = variant.title.map { "<strong>\($0)</strong> " } ?? .empty
        return """
            <li class="q-item" id="q-\(variant.id)">\(box)\(thumbnails.html(variant))<div class="q-body">
            <p class="q-head">\(NetworkBadge.html(variant.network)) <span class="q-account">\(variant.accountID)</span> \
            <span class="q-campaign">\(variant.campaignID) · \(variant.postID)</span></p>
            <p class="q-text"><a href="\(Layout.variantPath(variant.id))">\(title)\(Self.excerpt(variant.text))</a></p>
            <p class="q-when">\(slot)\(deadline)</p></div></li>
            """
    }

    private var slot: HTML {
        guard let at = variant.scheduledAt, !variant.live else { return "<span class=\"q-slot\">Live: goes when approved</span>" }
        let label = LocalTimeLabel(at, zoneID: variant.timeZone, now: now)
        return """
            <span class="q-slot">Slot <time datetime="\(Self.iso(at))">\(label.local)</time> \
            <span class="q-rel">(\(label.relative))</span></span>
            """
    }

    private var deadline: HTML {
        switch status {
        case .missed:
            return " <span class=\"q-deadline late\">Past deadline: \(status.explanation(policy: policy) ?? "")</span>"
        case .open(let due):
            let label = LocalTimeLabel(due, zoneID: variant.timeZone, now: now)
            let soon = due.timeIntervalSince(now) <= QueueFilter.soonWindow
            return """
                 <span class="q-deadline\(soon ? " q-soon" : "")">Approve by <time datetime="\(Self.iso(due))">\(label.local)</time> \
                <span class="q-rel">(\(label.relative))</span></span>
                """
        case .notApplicable:
            return .empty
        }
    }
}
