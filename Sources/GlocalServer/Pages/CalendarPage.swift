import GlocalCore
import GlocalStore

/// One account's posts by local day.
enum CalendarPage {
    static func render(account: String, variants: [StoredVariant], session: Session) -> HTML {
        var days: [(String, [StoredVariant])] = []
        for variant in variants {
            let day = variant.localTime.map { String($0.prefix(10)) } ?? "live"
            if days.last?.0 == day { days[days.count - 1].1.append(variant) } else { days.append((day, [variant])) }
        }
        let sections = days.map { day, items -> HTML in
            let entries = items.map { variant -> HTML in
                let time = variant.localTime.map { String($0.dropFirst(11)) } ?? "live"
                return """
                    <li>\(time) <a href="\(Layout.variantPath(variant.id))">\(variant.campaignID) / \(variant.postID)</a>
                    <span class="state state-\(variant.state.rawValue)">\(Layout.stateLabel(variant.state.rawValue, network: variant.network))</span></li>
                    """
            }
            return "<section class=\"card\"><h2>\(day)</h2><ul>\(entries)</ul></section>"
        }
        let zone = variants.first?.timeZone ?? ""
        return Layout.page(
            title: "Calendar of \(account)", session: session,
            """
            <h1>Calendar of \(account)</h1><p>Local times (\(zone)).</p>
            \(variants.isEmpty ? HTML("<p>No posts.</p>") : HTML.joined(sections))
            """)
    }
}
