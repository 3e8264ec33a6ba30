import Foundation

/// An Instagram or Threads media container held by the sandbox.
struct SandboxContainer: Sendable, Codable {
    var network: String
    var account: String
    var id: String
    /// The form the client sent.
    var body: String
    /// The caption or text.
    var text: String
    /// `IN_PROGRESS`, `FINISHED`, `PUBLISHED`, `ERROR`, `EXPIRED`.
    var status: String
    /// Status checks left before a video container is `FINISHED`.
    var checksUntilFinished: Int
    /// The published post's id.
    var mediaID: String?
    /// The post a Threads reply answers.
    var replyTo: String?
    /// When it was made (sandbox clock): a container not published within 24 hours is `EXPIRED`.
    var createdAt: Date?
}
