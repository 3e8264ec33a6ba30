import Foundation

/// One message of the notification outbox: an e-mail to a person or a post to a team's webhook.
public struct OutboxMessage: Sendable, Equatable {
    /// Where a message goes.
    public enum Channel: String, Sendable {
        /// An e-mail; the recipient is an address.
        case mail
        /// A team's webhook; the recipient is the team id (the URL is a secret, never stored).
        case webhook
    }

    /// Where a message stands.
    public enum State: String, Sendable {
        /// Not sent yet (perhaps after failed attempts).
        case pending
        /// Accepted by the SMTP server or the webhook.
        case sent
        /// Given up after the last attempt; the error is kept.
        case failed
    }

    /// The row id (0 before the message is stored).
    public var id: Int64
    /// What makes the message unique: enqueueing the same key twice adds nothing.
    public var dedupeKey: String
    /// Mail or webhook.
    public var channel: Channel
    /// The e-mail address or the team id.
    public var recipient: String
    /// The subject (a webhook shows it as its first line).
    public var subject: String
    /// The plain-text body.
    public var textBody: String
    /// The HTML body (mail only).
    public var htmlBody: String?
    /// Where the message stands.
    public var state: State
    /// Attempts made so far.
    public var attempts: Int
    /// The last failure's description.
    public var lastError: String?

    /// A new pending message.
    public init(
        dedupeKey: String, channel: Channel, recipient: String, subject: String, textBody: String, htmlBody: String? = nil
    ) {
        self.id = 0
        self.dedupeKey = dedupeKey
        self.channel = channel
        self.recipient = recipient
        self.subject = subject
        self.textBody = textBody
        self.htmlBody = htmlBody
        self.state = .pending
        self.attempts = 0
        self.lastError = nil
    }
}

/// How the outbox stands, for `/healthz` and the log.
public struct OutboxSummary: Sendable, Equatable {
    /// Messages not sent yet.
    public var pending: Int
    /// Pending messages that already failed at least once.
    public var retrying: Int
    /// Messages given up on.
    public var failed: Int
    /// Messages sent.
    public var sent: Int
    /// The most recent error of a pending or failed message.
    public var lastError: String?

    /// Creates a summary.
    public init(pending: Int = 0, retrying: Int = 0, failed: Int = 0, sent: Int = 0, lastError: String? = nil) {
        self.pending = pending
        self.retrying = retrying
        self.failed = failed
        self.sent = sent
        self.lastError = lastError
    }
}
