import Foundation

/// An X media upload opened with `POST /2/media/upload/initialize`: what it declared, the segments appended, and its
/// processing once finalized.
struct SandboxXMediaUpload: Sendable {
    /// The media id.
    var id: String
    /// The numeric user id of the account that opened it.
    var account: String
    /// `media_category`, when given.
    var category: String?
    /// `media_type`, when given.
    var mediaType: String?
    /// `total_bytes`, when given.
    var totalBytes: Int?
    /// Bytes received per `segment_index`.
    var segments: [Int: Int] = [:]
    /// Whether `finalize` accepted it.
    var finalized = false
    /// `pending`, `in_progress`, `succeeded` or `failed` once finalized; `nil` for media that X does not process
    /// (images, subtitles).
    var state: String?

    /// Categories whose media X processes after finalize (videos and GIFs).
    static let processedCategories: Set<String> = ["tweet_video", "tweet_gif", "amplify_video", "dm_video", "dm_gif"]

    /// The bytes appended so far.
    var appendedBytes: Int { segments.values.reduce(0, +) }

    /// Whether a post may attach it: finalized and, when processed, `succeeded`.
    var isReady: Bool { finalized && (state == nil || state == "succeeded") }

    /// The state a status check moves processing to: one step per check, `pending` → `in_progress` → `succeeded`.
    static func next(after state: String) -> String {
        switch state {
        case "pending": return "in_progress"
        case "in_progress": return "succeeded"
        default: return state
        }
    }

    /// `progress_percent` of a state.
    static func progress(of state: String) -> Int {
        switch state {
        case "pending": return 0
        case "in_progress": return 50
        default: return 100
        }
    }

    /// The `media_key` prefix X gives the category (3 image, 7 video, 16 GIF).
    static func keyPrefix(_ category: String?) -> String {
        switch category {
        case "tweet_gif", "dm_gif": return "16"
        case "tweet_video", "dm_video", "amplify_video": return "7"
        default: return "3"
        }
    }
}
