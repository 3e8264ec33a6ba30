/// Who can watch a YouTube video (`status.privacyStatus` of `videos.insert`).
public enum YouTubePrivacy: String, Sendable, CaseIterable, Codable {
    /// Anyone, and it shows in search and on the channel.
    case `public`
    /// Anyone with the link.
    case unlisted
    /// Only the channel and people it invites.
    case `private`
}

/// What a YouTube upload carries besides its title and description: `snippet.tags`, `snippet.categoryId`,
/// `status.privacyStatus` and the `notifySubscribers` query parameter of `videos.insert` (docs/networks.md, YouTube).
public struct YouTubeVideoOptions: Sendable, Equatable {
    /// The video's tags (keywords), without `#`.
    public var tags: [String]
    /// Who can watch it; `public` unless the campaign says otherwise.
    public var privacy: YouTubePrivacy
    /// Whether subscribers are notified of the upload (YouTube's default is `true`).
    public var notifySubscribers: Bool
    /// The video category id (`22` is People & Blogs, YouTube's default for uploads; `26` Howto & Style).
    public var categoryID: String
    /// The workspace path of the custom thumbnail sent by `thumbnails.set` after the upload, if the campaign gives one.
    public var thumbnailPath: String?

    /// The category YouTube gives an upload that names none: People & Blogs.
    public static let defaultCategoryID = "22"

    /// Creates options; the defaults are YouTube's own.
    public init(
        tags: [String] = [], privacy: YouTubePrivacy = .public, notifySubscribers: Bool = true,
        categoryID: String = YouTubeVideoOptions.defaultCategoryID, thumbnailPath: String? = nil
    ) {
        self.tags = tags
        self.privacy = privacy
        self.notifySubscribers = notifySubscribers
        self.categoryID = categoryID
        self.thumbnailPath = thumbnailPath
    }

    /// The largest thumbnail `thumbnails.set` accepts: 2 MB.
    public static let maxThumbnailBytes = 2_097_152

    /// Why a file cannot be a YouTube thumbnail (YouTube takes JPEG or PNG of at most 2 MB), or `nil` when it can.
    public static func thumbnailProblem(_ info: MediaFileInfo) -> (rule: DiagnosticRule, message: String)? {
        if let format = info.format, format != .jpeg, format != .png {
            return (.mediaType, "is \(format.displayName), and YouTube takes a JPEG or PNG thumbnail")
        }
        if info.bytes > maxThumbnailBytes {
            return (.mediaSize, "is \(info.bytes) bytes, over YouTube's 2 MB (\(maxThumbnailBytes) bytes) for a thumbnail")
        }
        return nil
    }

    /// The most tag text one video may carry, as ``countedLength(of:)`` counts it.
    public static let maxTagsLength = 500

    /// The length of `tags` as YouTube counts it against its 500-character limit: every tag's characters, a comma
    /// between two tags, and two more for a tag with a space in it (YouTube stores it in quotes).
    public static func countedLength(of tags: [String]) -> Int {
        let characters = tags.reduce(0) { $0 + $1.count + ($1.contains(" ") ? 2 : 0) }
        return characters + max(0, tags.count - 1)
    }
}
