import Foundation

/// One e-mail: a plain-text part and an HTML part of the same content, to one recipient.
public struct MailMessage: Sendable, Equatable {
    /// The `From` header, an address or `Name <address>`.
    public var from: String
    /// The recipient's address.
    public var to: String
    /// The subject, any Unicode (encoded as RFC 2047 when it is not plain ASCII).
    public var subject: String
    /// The plain-text part.
    public var text: String
    /// The HTML part.
    public var html: String
    /// The `Message-ID` (without angle brackets): the same message sent again keeps it.
    public var messageID: String

    /// Creates a message.
    public init(from: String, to: String, subject: String, text: String, html: String, messageID: String) {
        self.from = from
        self.to = to
        self.subject = subject
        self.text = text
        self.html = html
        self.messageID = messageID
    }
}
