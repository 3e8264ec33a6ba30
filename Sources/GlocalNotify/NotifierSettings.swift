import Foundation
import GlocalCore

/// What the notifier sends and through what: SMTP (optional), team webhooks (optional), the
/// digest's hour, the web UI's address for links, and how often a failed send is retried.
public struct NotifierSettings: Sendable {
    /// The SMTP server; `nil`: no e-mail (webhooks only).
    public var smtp: SMTPSettings?
    /// The teams' webhooks.
    public var webhooks: WebhookSender
    /// When the digest is due, in each manager's time zone.
    public var schedule: DigestSchedule
    /// The web UI's address, for links in messages.
    public var baseURL: URL?
    /// The wait after the 1st, 2nd, … failed attempt; after the last one the message is given up on.
    public var retryDelays: [TimeInterval]

    /// Creates settings.
    public init(
        smtp: SMTPSettings?, webhooks: WebhookSender = WebhookSender(urls: [:]), schedule: DigestSchedule = .standard,
        baseURL: URL? = nil, retryDelays: [TimeInterval] = [60, 300, 900, 3600, 3600, 3600, 3600]
    ) {
        self.smtp = smtp
        self.webhooks = webhooks
        self.schedule = schedule
        self.baseURL = baseURL
        self.retryDelays = retryDelays
    }

    /// Whether anything can be sent at all.
    public var isEnabled: Bool { smtp != nil || !webhooks.urls.isEmpty }
}
