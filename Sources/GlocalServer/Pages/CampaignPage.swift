import Foundation
import GlocalCore
import GlocalStore

/// A campaign's approval progress across its target accounts: counts per state, and one row per
/// account with one cell per post. Both pages count "approved" with `CampaignProgress`.
enum CampaignPage {
    /// What "approved" counts, in words, under both pages' figures.
    static let approvedDefinition: HTML = """
        <p id="approved-definition">Approved counts the variants approved, scheduled, being published (or being
        reconciled) and published.</p>
        """

    static func list(progress: [String: CampaignProgress], session: Session) -> HTML {
        let rows = progress.keys.sorted().map { campaign -> HTML in
            let counts = progress[campaign] ?? CampaignProgress(counts: [:])
            return """
                <tr id="campaign-\(campaign)"><td><a href="/campaigns/\(campaign)">\(campaign)</a></td>
                <td class="progress">\(counts.approved) / \(counts.total)</td>
                <td class="progress">\(counts.pending)</td><td class="progress">\(counts.rejected)</td></tr>
                """
        }
        return Layout.page(
            title: "Campaigns", session: session,
            """
            <h1>Campaigns</h1>
            \(Layout.scroller("Campaigns", """
            <table><thead><tr><th scope="col">Campaign</th><th scope="col">Approved</th>
            <th scope="col">Pending</th><th scope="col">Rejected</th></tr></thead><tbody>\(rows)</tbody></table>
            """))
            \(approvedDefinition)
            """)
    }

    static func render(campaign: String, variants: [StoredVariant], session: Session) -> HTML {
        var counts: [VariantState: Int] = [:]
        // Counted apart from the published ones: a webhook network's post was not published on that network.
        var sentToWebhook = 0
        var posts: [String] = []
        var seenPosts = Set<String>()
        var byAccount: [(String, [String: StoredVariant])] = []
        for variant in variants {
            counts[variant.state, default: 0] += 1
            if variant.state == .published, NetworkDelivery.of(variant.network) == .webhook { sentToWebhook += 1 }
            if seenPosts.insert(variant.postID).inserted { posts.append(variant.postID) }
            if byAccount.last?.0 == variant.accountID {
                byAccount[byAccount.count - 1].1[variant.postID] = variant
            } else {
                byAccount.append((variant.accountID, [variant.postID: variant]))
            }
        }
        let summary = VariantState.allCases.flatMap { state -> [HTML] in
            guard let count = counts[state] else { return [] }
            func item(_ label: String, _ count: Int) -> HTML { "<li>\(label): <strong class=\"progress\">\(count)</strong></li>" }
            guard state == .published else { return [item(Layout.stateLabel(state.rawValue, network: nil), count)] }
            let native = count - sentToWebhook
            return (native > 0 ? [item(NetworkDelivery.native.sentLabel, native)] : [])
                + (sentToWebhook > 0 ? [item(NetworkDelivery.webhook.sentLabel, sentToWebhook)] : [])
        }
        let progress = CampaignProgress(counts: counts)
        let header = posts.map { post -> HTML in "<th scope=\"col\">\(post)</th>" }
        let rows = byAccount.map { account, cells -> HTML in
            let tds = posts.map { post -> HTML in
                guard let variant = cells[post] else { return "<td>—</td>" }
                return
                    "<td><a class=\"state state-\(variant.state.rawValue)\" href=\"\(Layout.variantPath(variant.id))\">\(Layout.stateLabel(variant.state.rawValue, network: variant.network))</a></td>"
            }
            return "<tr><th scope=\"row\"><a href=\"/accounts/\(account)/calendar\">\(account)</a></th>\(tds)</tr>"
        }
        return Layout.page(
            title: campaign, session: session,
            """
            <h1>Campaign \(campaign)</h1>
            <p id="campaign-progress"><strong class="progress">\(progress.approved) of \(progress.total)</strong>
            variants approved across \(byAccount.count) accounts.</p>
            \(approvedDefinition)
            <ul>\(summary)</ul>
            \(Layout.scroller("Variants by account", "<table><thead><tr><th scope=\"col\">Account</th>\(header)</tr></thead><tbody>\(rows)</tbody></table>"))
            """)
    }
}
