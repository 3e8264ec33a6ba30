import GlocalCore

/// The queue's filter and search form: a plain GET form, so it works without JavaScript and its URL can be
/// bookmarked or shared. It folds into "Filter and search" (a `<details>`, no script) unless a filter is on.
enum QueueFilterForm {
    /// The form, its choices drawn from `variants` (what the user can see in the state listed).
    static func html(filter: QueueFilter, variants: [StoredVariant]) -> HTML {
        let campaigns = Set(variants.map(\.campaignID)).union(filter.campaign.map { [$0] } ?? []).sorted()
        let accounts = Set(variants.map(\.accountID)).union(filter.account.map { [$0] } ?? []).sorted()
        let networks = Set(variants.map(\.network)).union(filter.network.map { [$0] } ?? []).sorted()
        let networkChoices = networks.map { ($0.rawValue, $0.displayName) }
        let soon: HTML = filter.deadlineSoon ? " checked" : .empty
        let states = QueueFilter.states.map { ($0.rawValue, Layout.stateLabel($0.rawValue, network: nil)) }
        let on = !filter.query().isEmpty
        let active: HTML = on ? " open" : .empty
        let summary: HTML = on ? "Filter and search (filters on)" : "Filter and search"
        return """
            <details class="q-filter-box card" id="filters"\(active)><summary>\(summary)</summary>
            <form method="get" action="/" class="q-filters" role="search" aria-label="Filter the queue">
            <div class="q-field q-search"><label for="q">Search in text</label>
            <input type="search" id="q" name="q" value="\(filter.search ?? "")"></div>
            \(select("campaign", "Campaign", campaigns.map { ($0, $0) }, selected: filter.campaign, any: "All campaigns"))
            \(select("network", "Network", networkChoices, selected: filter.network?.rawValue, any: "All networks"))
            \(select("account", "Account", accounts.map { ($0, $0) }, selected: filter.account, any: "All accounts"))
            \(select("state", "State", states, selected: filter.state.rawValue, any: nil))
            <div class="q-field q-check"><input type="checkbox" id="soon" name="soon" value="1"\(soon)>
            <label for="soon">Deadline within 48 h</label></div>
            <div class="q-field q-buttons"><button type="submit" class="primary">Filter</button> <a href="/">Clear</a></div>
            </form></details>
            """
    }

    private static func select(
        _ name: String, _ label: String, _ options: [(String, String)], selected: String?, any: String?
    ) -> HTML {
        let first: HTML = any.map { "<option value=\"\">\($0)</option>" } ?? .empty
        let items = options.map { option -> HTML in
            "<option value=\"\(option.0)\"\(option.0 == selected ? " selected" : "")>\(option.1)</option>"
        }
        return """
            <div class="q-field"><label for="f-\(name)">\(label)</label>
            <select id="f-\(name)" name="\(name)">\(first)\(items)</select></div>
            """
    }
}
