import Foundation

/// Renders a plan as text, like `terraform plan`: a summary, then each change with a time and
/// content diff; creates and unchanged variants are summed up per campaign unless `detailed`.
public struct PlanTextRenderer: Sendable {
    /// Whether every created variant is listed too.
    public var detailed: Bool

    /// Creates a renderer.
    public init(detailed: Bool = false) { self.detailed = detailed }

    /// The plan as text, ending with a newline.
    public func render(_ plan: Plan) -> String {
        var lines: [String] = []
        let creates = plan.changes.filter { $0.action == .create }
        if !creates.isEmpty {
            lines.append("Variants to create:")
            if detailed {
                for change in creates {
                    lines.append("  + \(change.id)  \(Self.when(change.desired))  → \(change.resultingState?.rawValue ?? "")")
                }
            } else {
                var perCampaign: [String: (count: Int, accounts: Set<String>, first: String, last: String)] = [:]
                for change in creates {
                    guard let desired = change.desired else { continue }
                    var entry = perCampaign[desired.campaignID] ?? (0, [], "9999", "0000")
                    entry.count += 1
                    entry.accounts.insert(desired.accountID)
                    if let local = desired.localTime {
                        entry.first = min(entry.first, local); entry.last = max(entry.last, local)
                    }
                    perCampaign[desired.campaignID] = entry
                }
                for campaign in perCampaign.keys.sorted() {
                    let entry = perCampaign[campaign]!
                    let span = entry.first == "9999" ? "live" : "\(entry.first) → \(entry.last) (local times)"
                    lines.append("  + \(campaign): \(entry.count) variants on \(entry.accounts.count) accounts, \(span)")
                }
                lines.append("  (--detail lists every variant; glocal plan --calendar shows each account's calendar)")
            }
            lines.append("")
        }
        for change in plan.changes where change.action == .update || change.action == .cancel || change.action == .frozen {
            lines += describe(change)
            lines.append("")
        }
        let counts =
            [
                "\(plan.count(.create)) to create", "\(plan.count(.update)) to update", "\(plan.count(.cancel)) to cancel",
                "\(plan.count(.keep)) unchanged",
            ] + (plan.count(.frozen) > 0 ? ["\(plan.count(.frozen)) published (left as they are)"] : [])
        lines.append("Plan: " + counts.joined(separator: ", ") + ".")
        if plan.isEmpty { lines.append("Nothing to apply: the store matches the workspace.") }
        return lines.joined(separator: "\n") + "\n"
    }

    private func describe(_ change: PlanChange) -> [String] {
        var lines: [String] = []
        switch change.action {
        case .update:
            let state =
                change.stored?.state == change.resultingState
                ? "" : "  (\(change.stored?.state.rawValue ?? "") → \(change.resultingState?.rawValue ?? ""))"
            lines.append("  ~ \(change.id)\(state)")
            if change.timeChanged { lines.append("      time: \(Self.when(change.stored)) → \(Self.when(change.desired))") }
            if change.contentChanged, let old = change.stored, let new = change.desired {
                lines += Self.diff(label: "text", old.text, new.text)
                if old.title != new.title { lines += Self.diff(label: "title", old.title ?? "", new.title ?? "") }
                if old.link != new.link || old.linkPlacement != new.linkPlacement {
                    lines.append(
                        "      link: \(old.link ?? "none") [\(old.linkPlacement.rawValue)] → \(new.link ?? "none") [\(new.linkPlacement.rawValue)]"
                    )
                }
                if old.media != new.media {
                    lines.append("      media: \(old.media.joined(separator: ", ")) → \(new.media.joined(separator: ", "))")
                }
            }
        case .cancel:
            lines.append(
                "  - \(change.id)  (\(change.stored?.state.rawValue ?? "") → cancelled: its post is no longer in the campaign)")
        case .frozen:
            lines.append(
                "  ! \(change.id)  is \(change.stored?.state.rawValue ?? ""): the YAML changed, but a published variant is never altered"
            )
        case .create, .keep:
            break
        }
        return lines
    }

    /// `Thu 2027-01-28 10:47 Europe/Paris`, or `live (on approval)`.
    static func when(_ variant: StoredVariant?) -> String {
        guard let variant else { return "-" }
        guard let local = variant.localTime else { return variant.live ? "live (on approval)" : "unscheduled" }
        let date = LocalDate(iso: String(local.prefix(10)))
        let day = date.map { $0.weekdayAbbreviation + " " } ?? ""
        return "\(day)\(local) \(variant.timeZone)"
    }

    /// A line diff: removed lines with `-` before the added lines with `+` that replace them, common lines once.
    static func diff(label: String, _ old: String, _ new: String) -> [String] {
        guard old != new else { return [] }
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var lines = ["      \(label):"]
        // Longest common subsequence of lines; texts are short.
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                lines.append("          \(a[i])"); i += 1; j += 1
            } else if i < a.count, j == b.count || table[i + 1][j] >= table[i][j + 1] {
                // Removals first, as a diff reader expects: what was there, then what replaces it.
                lines.append("        - \(a[i])"); i += 1
            } else {
                lines.append("        + \(b[j])"); j += 1
            }
        }
        return lines
    }
}
