import Foundation
import GlocalCore
import GlocalStore

/// A month or week grid of posts for one account, one team or every visible account: each post
/// links to its variant, carries its state as a colour and as words, and (for those who may move it)
/// a link to the move form and, with the script, drag and drop onto another day. Below 700 px the
/// grid becomes a list of the days that have posts.
enum CalendarPage {
    /// How many posts a day of the month grid lists before "+N more" (the week grid lists them all).
    static let monthCellLimit = 6

    /// What one rendering needs.
    struct Input {
        var scope: CalendarScope
        var period: CalendarPeriod
        var entries: [CalendarEntry]
        var session: Session
        var approval: ApprovalScope
        var today: LocalDate
        var accounts: [String]
        var teams: [String]
        var notice: String?
    }

    static func render(_ input: Input) -> HTML {
        let scope = input.scope, period = input.period
        var byDay: [LocalDate: [CalendarEntry]] = [:]
        for entry in input.entries {
            byDay[LocalInstant(instant: entry.scheduledAt, zone: scope.zone).date, default: []].append(entry)
        }
        let back = path(scope, period)
        let cells = period.days.map { day in
            cell(day, posts: byDay[day] ?? [], input: input, back: back)
        }
        let other: CalendarPeriod.Kind = period.kind == .month ? .week : .month
        let headings = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].map { HTML("<span>\($0)</span>") }
        return Layout.page(
            title: "\(scope.title), \(period.title)", session: input.session, notice: input.notice,
            """
            <link rel="stylesheet" href="/static/calendar.css">
            <h1>\(scope.title)</h1>
            \(controls(input))
            <p class="cal-zone">Days and times in \(scope.zoneNote).</p>
            <nav class="cal-nav" aria-label="Calendar periods">
            <a rel="prev" href="\(path(scope, period.previous))">← \(period.previous.title)</a>
            <h2 id="cal-title">\(period.title)</h2>
            <a rel="next" href="\(path(scope, period.next))">\(period.next.title) →</a>
            <a href="\(path(scope, CalendarPeriod(kind: period.kind, anchor: input.today)))">Today</a>
            <a href="\(path(scope, CalendarPeriod(kind: other, anchor: period.kind == .month ? period.monthStart : period.start)))">\(other == .week ? "Week view" : "Month view")</a>
            </nav>
            \(legend)
            <p class="cal-help">Drag a post onto another day to move it (same time of day), or use its “Move” link to pick a day and time.</p>
            <div class="cal cal-\(period.kind.rawValue)" data-calendar data-csrf="\(input.session.csrfToken)" data-back="\(back)" role="region" aria-labelledby="cal-title">
            <div class="cal-head" aria-hidden="true">\(HTML.joined(headings))</div>
            <ol class="cal-days">\(HTML.joined(cells))</ol>
            </div>
            <script src="/static/calendar.js" defer></script>
            """)
    }

    /// `/calendar?…` for `scope` and `period`.
    static func path(_ scope: CalendarScope, _ period: CalendarPeriod) -> String {
        let query = [scope.query, "view=\(period.kind.rawValue)", "date=\(period.start)"].filter { !$0.isEmpty }
        return "/calendar?" + query.joined(separator: "&")
    }

    /// The path of a variant's move form, coming back to `back`.
    static func movePath(_ id: String, back: String? = nil) -> String {
        let base = "/calendar/move/" + Layout.variantPath(id).dropFirst("/variants/".count)
        return back.map { base + "?back=" + CalendarScope.encode($0) } ?? base
    }

    private static func cell(_ day: LocalDate, posts: [CalendarEntry], input: Input, back: String) -> HTML {
        let limit = input.period.kind == .month ? monthCellLimit : Int.max
        let shown = posts.prefix(limit).map { chip($0, day: day, input: input, back: back) }
        let more: HTML =
            posts.count > limit
            ? """
            <li class="cal-more"><a href="\(path(input.scope, CalendarPeriod(kind: .week, anchor: day)))">+\(String(posts.count - limit)) more this day</a></li>
            """
            : .empty
        var classes = ["cal-day"]
        if !input.period.contains(day) { classes.append("cal-out") }
        if posts.isEmpty { classes.append("cal-empty") }
        if day == input.today { classes.append("cal-today") }
        let count = posts.isEmpty ? "no posts" : posts.count == 1 ? "1 post" : "\(posts.count) posts"
        return """
            <li class="\(classes.joined(separator: " "))" data-date="\(day.description)">
            <h3 class="cal-date"><span class="cal-wd">\(day.weekdayAbbreviation)</span> \(String(day.day)) <span class="cal-month-name">\(CalendarPeriod.monthNames[day.month - 1])</span> <span class="cal-count">\(count)</span></h3>
            <ul class="cal-posts">\(HTML.joined(shown))\(more)</ul></li>
            """
    }

    private static func chip(_ variant: CalendarEntry, day: LocalDate, input: Input, back: String) -> HTML {
        let zone = input.scope.zone
        let instant = variant.scheduledAt
        let shown = LocalInstant(instant: instant, zone: zone)
        let own = variant.localTime ?? "\(shown.date) \(shown.time)"
        let ownTime = String(own.dropFirst(11))
        let time: HTML =
            variant.timeZone == zone.identifier
            ? "\(shown.time.description)"
            : "\(shown.time.description) <span class=\"cal-own\">(\(ownTime) \(variant.timeZone))</span>"
        let state = variant.state.rawValue
        let movable = input.approval.canAct(on: variant.accountID) && SlotMoveCheck.movableStates.contains(variant.state)
        let label = "\(variant.accountID) · \(variant.campaignID)/\(variant.postID)"
        let drag: HTML =
            movable
            ? """
             draggable="true" data-move="\(movePath(variant.id))" data-revision="\(variant.contentHash)" data-slot="\(UTCTimestamp.string(from: instant))" data-time="\(ownTime)" data-local-date="\(String(own.prefix(10)))" data-day="\(day.description)"
            """
            : .empty
        let move: HTML =
            movable
            ? "<a class=\"cal-move\" href=\"\(movePath(variant.id, back: back))\" aria-label=\"Move \(label)\">Move</a>"
            : .empty
        return """
            <li class="cal-post cal-s-\(state)"\(drag)><a class="cal-link" href="\(Layout.variantPath(variant.id))"><span class="cal-time">\(time)</span> <span class="cal-net">\(variant.network.displayName)</span> <span class="cal-what">\(label)</span></a> <span class="cal-state">\(Layout.stateLabel(state, network: variant.network))</span> \(move)</li>
            """
    }

    private static func controls(_ input: Input) -> HTML {
        let scope = input.scope
        var options: [HTML] = []
        if input.approval.seesEverything {
            options.append("<option value=\"all\"\(selected(scope.kind == "all"))>Every account</option>")
        }
        let teams = input.teams.map { team -> HTML in
            "<option value=\"team:\(team)\"\(selected(scope.kind == "team" && scope.id == team))>Team \(team)</option>"
        }
        let accounts = input.accounts.map { account -> HTML in
            "<option value=\"account:\(account)\"\(selected(scope.kind == "account" && scope.id == account))>\(account)</option>"
        }
        if !teams.isEmpty { options.append("<optgroup label=\"Teams\">\(HTML.joined(teams))</optgroup>") }
        options.append("<optgroup label=\"Accounts\">\(HTML.joined(accounts))</optgroup>")
        let views = CalendarPeriod.Kind.allCases.map { kind -> HTML in
            "<option value=\"\(kind.rawValue)\"\(selected(input.period.kind == kind))>\(kind == .month ? "Month" : "Week")</option>"
        }
        return """
            <form method="get" action="/calendar" class="cal-controls">
            <label>Show <select name="show">\(HTML.joined(options))</select></label>
            <label>View <select name="view">\(HTML.joined(views))</select></label>
            <label>From <input type="date" name="date" value="\(input.period.start.description)"></label>
            <button type="submit">Show</button>
            </form>
            """
    }

    private static func selected(_ flag: Bool) -> HTML { flag ? " selected" : .empty }

    private static let legend: HTML = {
        let states: [VariantState] = [
            .pendingApproval, .approved, .scheduled, .published, .rejected, .failed, .missed, .cancelled,
        ]
        let items = states.map { state -> HTML in
            "<li class=\"cal-post cal-s-\(state.rawValue)\"><span class=\"cal-state\">\(Layout.stateLabel(state.rawValue, network: nil))</span></li>"
        }
        return "<ul class=\"cal-legend\" aria-label=\"Colours by state\">\(HTML.joined(items))</ul>"
    }()
}
