import Foundation
import GlocalCore
import GlocalStore

/// The form that moves one post to another day and time (the path without JavaScript; the
/// calendar's drag and drop posts the same form), and the refusal when the new slot breaks a rule.
enum MovePage {
    /// A refused move: what was asked, and why not.
    struct Refusal {
        var date: String
        var time: String
        var note: String
        var message: String
        var rule: String
        var collidesWith: String?
    }

    static func render(variant: StoredVariant, session: Session, back: String, refusal: Refusal? = nil) -> HTML {
        let local = variant.localTime ?? ""
        let date = refusal?.date ?? String(local.prefix(10))
        let time = refusal?.time ?? String(local.dropFirst(11))
        let slot = variant.scheduledAt.map(UTCTimestamp.string(from:)) ?? ""
        let problem: HTML =
            refusal.map { refusal in
                let other: HTML =
                    refusal.collidesWith.map {
                        " It collides with <a href=\"\(Layout.variantPath($0))\">\($0)</a>."
                    } ?? .empty
                return """
                    <div class="card cal-refused" id="move-refused" role="alert"><h2>Not moved</h2>
                    <p>\(refusal.message)\(other)</p><p class="rule">rule: <code>\(refusal.rule)</code></p></div>
                    """
            } ?? .empty
        return Layout.page(
            title: "Move \(variant.id)", session: session,
            """
            <link rel="stylesheet" href="/static/calendar.css">
            <h1>Move <a href="\(Layout.variantPath(variant.id))">\(variant.id)</a></h1>
            \(problem)
            <p>Now: <strong>\(local.isEmpty ? "no slot" : local)</strong> (\(variant.timeZone)), \(Layout.stateLabel(variant.state.rawValue, network: variant.network)).
            The new slot is in the account's time zone, \(variant.timeZone), and must obey the scheduler's rules
            (windows, quiet hours, gaps, daily and weekly caps, the fleet limit, holidays). A moved post keeps its slot
            when the plan is applied again.</p>
            <form method="post" action="\(CalendarPage.movePath(variant.id))" class="card cal-move-form">
            \(Layout.csrfField(session))
            <input type="hidden" name="revision" value="\(variant.contentHash)">
            <input type="hidden" name="slot" value="\(slot)">
            <input type="hidden" name="back" value="\(back)">
            <p><label for="move-date">Day</label> <input id="move-date" type="date" name="date" value="\(date)" required></p>
            <p><label for="move-time">Time</label> <input id="move-time" type="time" name="time" value="\(time)" required></p>
            <p><label for="move-note">Why (optional, kept in the audit log)</label>
            <input id="move-note" type="text" name="note" maxlength="500" value="\(refusal?.note ?? "")"></p>
            <p><button type="submit">Move</button> <a href="\(back)">Back to the calendar</a></p>
            </form>
            """)
    }
}
