/// The 80/20 rule: in every rolling window (28 days by default) around each promotional post,
/// promotional posts must be at most the allowed share of the account's posts.
struct PromotionalShareChecker {
    let policy: PromotionalSharePolicy
    let campaignKindLocations: [String: SourceLocation]

    func check(_ variants: [PostVariant], into diagnostics: inout [Diagnostic]) {
        let windowDays = max(1, policy.window.seconds / 86_400)
        var byAccount: [String: [PostVariant]] = [:]
        for variant in variants { byAccount[variant.accountID, default: []].append(variant) }
        for account in byAccount.keys.sorted() {
            let posts = byAccount[account]!.sorted { $0.date < $1.date }
            let days = posts.map(\.date.daysSinceEpoch)
            var worst: (share: Double, promotional: Int, total: Int, start: LocalDate, trigger: PostVariant)? = nil
            for post in posts where post.kind == .promotional {
                let day = post.date.daysSinceEpoch
                for start in [day - windowDays + 1, day] {
                    let end = start + windowDays - 1
                    var total = 0, promotional = 0
                    for (index, d) in days.enumerated() where d >= start && d <= end {
                        total += 1
                        if posts[index].kind == .promotional { promotional += 1 }
                    }
                    let share = Double(promotional) / Double(total)
                    if share > policy.maxShare + 1e-9, worst == nil || share > worst!.share {
                        worst = (share, promotional, total, LocalDate(daysSinceEpoch: start), post)
                    }
                }
            }
            guard let worst else { continue }
            let percent = Int((worst.share * 100).rounded())
            let allowed = Int((policy.maxShare * 100).rounded())
            let end = worst.start.adding(days: windowDays - 1)
            diagnostics.append(Diagnostic(
                policy.severity, .promotionalShare,
                "\(worst.trigger.network.rawValue)/\(account): \(worst.promotional) of \(worst.total) posts from \(worst.start) to \(end) are promotional (\(percent) %, at most \(allowed) % allowed)",
                at: campaignKindLocations[worst.trigger.campaignID] ?? worst.trigger.postLocation,
                notes: [
                    "the 80/20 rule: at most \(allowed) % promotional posts in any \(windowDays) days; add informative posts for this account or target fewer accounts",
                    "counted from post '\(worst.trigger.postID)' of campaign '\(worst.trigger.campaignID)' on \(worst.trigger.date)",
                ], network: worst.trigger.network, account: account))
        }
    }
}
