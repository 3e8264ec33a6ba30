import Foundation
import GlocalCore
import GlocalStore

/// The words of an immediate alert: a post that failed, an account that needs reconnecting.
public enum AlertComposer {
    /// A subject, a text and an HTML body.
    public typealias Alert = (subject: String, text: String, html: String)

    /// The alert for `post`: a failure, a post given up with its outcome unknown (what to check then), or a post that
    /// went out without its link (what to add by hand).
    public static func failed(_ post: FailedPost, base: URL?) -> Alert {
        let subject: String
        var lines: [String]
        if post.publishedWithoutLink {
            subject = "glocal: a post went out without its link on \(post.accountID) (\(post.network))"
            lines = [
                "The post \(post.variantID) is published on \(post.accountID) (\(post.network)), but its link did not go out with it.",
                "Reason: \(post.reason ?? "not recorded")",
                "Do not publish the post again: add its link under it by hand.",
            ]
        } else if post.outcomeUnknown {
            subject = "glocal: a post's outcome is unknown on \(post.accountID) (\(post.network))"
            lines = [
                "The dispatcher gave up on the post \(post.variantID) on \(post.accountID) (\(post.network)) without learning whether the network published it.",
                "Reason: \(post.reason ?? "not recorded")",
                "Look for it on the account: if it is there, nothing is to be done; if not, publish it by hand or schedule it again.",
            ]
        } else {
            subject = "glocal: a post failed on \(post.accountID) (\(post.network))"
            lines = [
                "The post \(post.variantID) was not published on \(post.accountID) (\(post.network)).",
                "Reason: \(post.reason ?? "not recorded")",
            ]
        }
        if let slot = post.scheduledAt { lines.append("Its slot: \(NotificationText.local(slot, zoneID: post.timeZone))") }
        lines.append("Text: \(NotificationText.excerpt(post.text))")
        if let link = NotificationText.variantLink(post.variantID, base: base) { lines.append("Open it: \(link)") }
        return (subject, lines.joined(separator: "\n") + "\n" + footer, html(lines, base: base))
    }

    /// The alert for `need`.
    public static func reconnect(_ need: ReconnectNeed, base: URL?) -> Alert {
        let subject = "glocal: \(need.accountID) needs reconnecting"
        var lines = [
            "The dispatcher holds every post of \(need.accountID) until the account is connected again.",
            "What the network said: \(need.reason)",
            "Reconnect it (glocal account connect \(need.accountID)); its posts then go out at their next slots.",
        ]
        if let link = NotificationText.link("/accounts", base: base) { lines.append("Accounts: \(link)") }
        return (subject, lines.joined(separator: "\n") + "\n" + footer, html(lines, base: base))
    }

    /// The one-line text a team's webhook gets for `alert`.
    public static func webhookText(_ alert: Alert) -> String {
        alert.subject + "\n" + alert.text.replacingOccurrences(of: "\n" + footer, with: "")
    }

    static let footer = "\n(Turn these alerts off on your Notifications page in glocal.)"

    private static func html(_ lines: [String], base: URL?) -> String {
        "<!doctype html><html><body>" + lines.map { "<p>\(NotificationText.html($0, base: base))</p>" }.joined()
            + "<p><small>\(HTMLEscaping.escape(footer.trimmingCharacters(in: .whitespacesAndNewlines)))</small></p></body></html>"
    }
}
