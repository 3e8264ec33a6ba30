import Foundation
import GlocalCore
import GlocalStore

/// A campaign's approval progress across its target accounts: counts per state, and one row per
/// account with one cell per post.
enum CampaignPage {
    static func list(progress: [String: [VariantState: Int]], session: Session) -> HTML {
        let rows = progress.keys.sorted().map { campaign -> HTML in
            let counts = progress[campaign] ?? [:]
            let total = counts.values.reduce(0, +)
            return """
                <tr><td><a href="/campaigns/\(campaign)">\(campaign)</a></td><td class="progress">\(counts[.approved, default: 0]) / \(total)</td>
                <td class="progress">\(counts[.pendingApproval, default: 0])</td><td class="progress">\(counts[.rejected, default: 0])</td></tr>
                """
        }
        return Layout.page(
            title: "Campaigns", session: session,
            """
            <h1>Campaigns</h1>
            <div class="table-wrap"><table><thead><tr><th scope="col">Campaign</th><th scope="col">Approved</th>
            <th scope="col">Pending</th><th scope="col">Rejected</th></tr></thead><tbody>\(rows)</tbody></table></div>
            """)
    }

    static func render(campaign: String, variants: [StoredVariant], session: Session) -> HTML {
        var counts: [VariantState: Int] = [:]
        var posts: [String] = []
        var seenPosts = Set<String>()
        var byAccount: [(String, [String: StoredVariant])] = []
        for variant in variants {
            counts[variant.state, default: 0] += 1
            if seenPosts.insert(variant.postID).inserted { posts.append(variant.postID) }
            if byAccount.last?.0 == variant.accountID {
                byAccount[byAccount.count - 1].1[variant.postID] = variant
            } else {
                byAccount.append((variant.accountID, [variant.postID: variant]))
            }
        }
        let summary = VariantState.allCases.compactMap { state -> HTML? in
            guard let count = counts[state] else { return nil }
            return "<li>\(Layout.stateLabel(state.rawValue)): <strong class=\"progress\">\(count)</strong></li>"
        }
        let approved = counts[.approved, default: 0] + counts[.scheduled, default: 0] + counts[.published, default: 0]
        let header = posts.map { post -> HTML in "<th scope=\"col\">\(post)</th>" }
        let rows = byAccount.map { account, cells -> HTML in
            let tds = posts.map { post -> HTML in
                guard let variant = cells[post] else { return "<td>—</td>" }
                return "<td><a class=\"state state-\(variant.state.rawValue)\" href=\"\(Layout.variantPath(variant.id))\">\(Layout.stateLabel(variant.state.rawValue))</a></td>"
            }
            return "<tr><th scope=\"row\"><a href=\"/accounts/\(account)/calendar\">\(account)</a></th>\(tds)</tr>"
        }
        return Layout.page(
            title: campaign, session: session,
            """
            <h1>Campaign \(campaign)</h1>
            <p id="campaign-progress"><strong class="progress">\(approved) of \(variants.count)</strong> variants approved across \(byAccount.count) accounts.</p>
            <ul>\(summary)</ul>
            <div class="table-wrap"><table><thead><tr><th scope="col">Account</th>\(header)</tr></thead><tbody>\(rows)</tbody></table></div>
            """)
    }
}
