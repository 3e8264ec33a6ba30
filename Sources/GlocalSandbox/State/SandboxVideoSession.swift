import Foundation

/// A YouTube resumable upload session or a TikTok direct post between `init` and `PUBLISH_COMPLETE`.
struct SandboxVideoSession: Sendable {
    /// The `upload_id` (YouTube) or `publish_id` (TikTok).
    var id: String
    /// The account key.
    var account: String
    /// The video's size in bytes, as declared when the session opened.
    var total: Int
    /// Bytes received so far, in order.
    var received = 0
    /// The metadata the session opened with, as received (the video resource, or TikTok's init body).
    var body: String
    /// The caption or description kept with the post.
    var text: String
    /// TikTok's declared chunk size and count (0 for YouTube).
    var chunkSize = 0
    var chunkCount = 0
    /// TikTok's privacy level, or YouTube's privacy status.
    var privacy: String
    /// TikTok: `PROCESSING_UPLOAD`, `PROCESSING_DOWNLOAD`, `PUBLISH_COMPLETE` or `FAILED`.
    var status: String
    /// The stored post's id once the video is complete.
    var postID: String?

    /// Whether every declared byte arrived.
    var isComplete: Bool { postID != nil }
}
