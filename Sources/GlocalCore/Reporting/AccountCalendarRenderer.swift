/// Each account's schedule as text: one block per account, one line per post in local time.
public struct AccountCalendarRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The calendars of every account (or only `account`), ending with a newline.
    public func render(_ scheduled: [ScheduledVariant], account: String? = nil) -> String {
        var byAccount: [String: [ScheduledVariant]] = [:]
        for item in scheduled where account == nil || item.variant.accountID == account {
            byAccount[item.variant.accountID, default: []].append(item)
        }
        if byAccount.isEmpty { return account.map { "No post is planned for \($0).\n" } ?? "No post is planned.\n" }
        var lines: [String] = []
        for id in byAccount.keys.sorted() {
            let items = byAccount[id]!.sorted {
                ($0.slot?.instant.timeIntervalSince1970 ?? .infinity) < ($1.slot?.instant.timeIntervalSince1970 ?? .infinity)
            }
            let first = items[0].variant
            lines.append("\(id) (\(first.network.displayName), \(first.locale), \(items.first?.slot?.timeZone ?? "live"))")
            for item in items {
                let when: String
                if let slot = item.slot {
                    when = "\(slot.date.weekdayAbbreviation) \(slot.date) \(slot.time)"
                } else {
                    when = "live, on approval  "
                }
                let kind = item.variant.kind == .promotional ? "promo" : "info "
                let text = item.variant.text.split(separator: "\n").first.map(String.init) ?? ""
                lines.append("  \(when)  \(kind)  \(item.variant.campaignID)/\(item.variant.postID)  \(text.prefix(60))")
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }
}
