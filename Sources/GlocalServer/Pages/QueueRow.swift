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
    /// The queue's search, marked in the text.
    var search: String? = nil

    /// The start of `text` on one line, whole characters (and a whole word when one ends near the cut), "…" when
    /// cut; with a `search` found past the start, the part around it, and the match marked.
    static func excerpt(_ text: String, search: String? = nil) -> HTML {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        let match = search.flatMap { flat.range(of: $0, options: .caseInsensitive) }
        var start = flat.startIndex
        if let match, flat.distance(from: flat.startIndex, to: match.upperBound) > excerptLength - 10 {
            start = flat.index(match.lowerBound, offsetBy: -40, limitedBy: flat.startIndex) ?? flat.startIndex
        }
        let rest = flat[start...]
        var cut = rest.prefix(excerptLength)
        if cut.endIndex < rest.endIndex, let space = cut.lastIndex(of: " "), cut.distance(from: space, to: cut.endIndex) <= 20,
            match.map({ space >= $0.upperBound }) ?? true
        {
            // End on a whole word when one ends in the last 20 characters.
            cut = cut[..<space]
        }
        let lead: HTML = start > flat.startIndex ? "…" : .empty
        let tail: HTML = cut.endIndex < flat.endIndex ? "…" : .empty
        guard let match, match.lowerBound >= cut.startIndex, match.upperBound <= cut.endIndex else {
            return "\(lead)\(cut)\(tail)"
        }
        return "\(lead)\(cut[..<match.lowerBound])<mark>\(flat[match])</mark>\(cut[match.upperBound...])\(tail)"
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
            <p class="q-text" lang="\(variant.locale)"><a href="\(Layout.variantPath(variant.id))">\
            \(title)\(Self.excerpt(variant.text, search: search))</a></p>
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
                 <span class="q-deadline\(soon ? " q-soon" : "")">\
                Approve by <time datetime="\(Self.iso(due))">\(label.local)</time> \
                <span class="q-rel">(\(label.relative))</span></span>
                """
        case .notApplicable:
            return .empty
        }
    }
}
