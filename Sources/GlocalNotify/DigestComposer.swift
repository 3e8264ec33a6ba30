import Foundation
import GlocalCore
import GlocalStore

/// One manager's daily digest: what awaits their approval (deadlines of the next 48 hours first,
/// in each account's local time), what failed in the last 24 hours, which accounts to reconnect.
public struct DigestComposer: Sendable {
    /// A post awaiting approval with its deadline (`nil`: a live post, due when approved).
    public struct Pending: Sendable, Equatable {
        /// The variant.
        public var variantID: String
        /// Its account.
        public var accountID: String
        /// Its campaign.
        public var campaignID: String
        /// The start of its text.
        public var text: String
        /// The last instant it may be approved.
        public var deadline: Date?
        /// Its account's time zone.
        public var timeZone: String

        /// Creates a pending post.
        public init(variantID: String, accountID: String, campaignID: String, text: String, deadline: Date?, timeZone: String) {
            self.variantID = variantID
            self.accountID = accountID
            self.campaignID = campaignID
            self.text = text
            self.deadline = deadline
            self.timeZone = timeZone
        }
    }

    /// The posts shown in each list at most (the counts are always complete).
    public static let listLimit = 15
    /// How far ahead deadlines are listed.
    public static let deadlineHorizon: TimeInterval = 48 * 3600

    /// The day (`yyyy-MM-dd`, the manager's local day).
    public let day: String
    /// Awaiting the manager's approval, deadline not passed.
    public let pending: [Pending]
    /// Failed in the last 24 hours on the manager's accounts.
    public let failed: [FailedPost]
    /// The manager's accounts waiting for a new token.
    public let reconnects: [ReconnectNeed]
    /// The web UI's address, for links.
    public let base: URL?
    /// When the digest is written.
    public let now: Date

    /// Creates a digest.
    public init(
        day: String, pending: [Pending], failed: [FailedPost], reconnects: [ReconnectNeed], base: URL?, now: Date
    ) {
        self.day = day
        self.pending = pending.sorted {
            ($0.deadline ?? .distantFuture, $0.variantID) < ($1.deadline ?? .distantFuture, $1.variantID)
        }
        self.failed = failed
        self.reconnects = reconnects
        self.base = base
        self.now = now
    }

    /// How many things the digest tells; nothing is sent when 0.
    public var items: Int { pending.count + failed.count + reconnects.count }

    /// The pending posts whose deadline falls within the horizon.
    public var dueSoon: [Pending] {
        pending.filter { $0.deadline.map { $0.timeIntervalSince(now) <= Self.deadlineHorizon } ?? false }
    }

    /// The subject line.
    public var subject: String {
        var parts = ["\(pending.count) awaiting your approval"]
        if !dueSoon.isEmpty { parts.append("\(dueSoon.count) due within 48 h") }
        if !failed.isEmpty { parts.append("\(failed.count) failed") }
        if !reconnects.isEmpty { parts.append("\(reconnects.count) to reconnect") }
        return "glocal digest \(day) — " + parts.joined(separator: ", ")
    }

    /// The sections: a heading and its lines.
    var sections: [(heading: String, lines: [String])] {
        var sections: [(String, [String])] = []
        let soon = dueSoon
        if !soon.isEmpty {
            sections.append(
                (
                    "Deadlines in the next 48 hours (\(soon.count))",
                    soon.prefix(Self.listLimit).map { post in
                        let due = post.deadline.map {
                            "approve by \(NotificationText.local($0, zoneID: post.timeZone)) (\(NotificationText.relative($0, from: now)))"
                        }
                        return "\(post.accountID): \(due ?? "") — \(NotificationText.excerpt(post.text, limit: 60))"
                            + link(post.variantID)
                    } + more(soon.count)
                ))
        }
        var byCampaign: [String: Int] = [:]
        for post in pending { byCampaign[post.campaignID, default: 0] += 1 }
        sections.append(
            (
                "Awaiting your approval (\(pending.count))",
                byCampaign.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value) post\($0.value == 1 ? "" : "s")" }
                    + (NotificationText.link("/", base: base).map { ["Your queue: \($0)"] } ?? [])
            ))
        if !failed.isEmpty {
            sections.append(
                (
                    "Failed in the last 24 hours (\(failed.count))",
                    failed.prefix(Self.listLimit).map {
                        "\($0.accountID) (\($0.network)): \($0.reason ?? "no reason recorded")" + link($0.variantID)
                    } + more(failed.count)
                ))
        }
        if !reconnects.isEmpty {
            sections.append(
                (
                    "Accounts to reconnect (\(reconnects.count))",
                    reconnects.map { "\($0.accountID): \($0.reason)" }
                ))
        }
        return sections
    }

    /// The plain-text part.
    public var text: String {
        sections.map { section in
            section.heading + "\n" + section.lines.map { "  - " + $0 }.joined(separator: "\n")
        }.joined(separator: "\n\n") + "\n" + AlertComposer.footer.replacingOccurrences(of: "alerts", with: "digests") + "\n"
    }

    /// The HTML part.
    public var html: String {
        let body = sections.map { section in
            "<h2>\(HTMLEscaping.escape(section.heading))</h2><ul>"
                + section.lines.map { "<li>\(NotificationText.html($0, base: base))</li>" }.joined() + "</ul>"
        }.joined()
        return "<!doctype html><html><body><h1>\(HTMLEscaping.escape("glocal digest \(day)"))</h1>\(body)"
            + "<p><small>Turn these digests off on your Notifications page in glocal.</small></p></body></html>"
    }

    private func link(_ variantID: String) -> String {
        NotificationText.variantLink(variantID, base: base).map { " <\($0)>" } ?? ""
    }

    private func more(_ count: Int) -> [String] {
        count > Self.listLimit ? ["… and \(count - Self.listLimit) more"] : []
    }
}
