/// A post's YouTube-only settings (`networks: {youtube: {tags, privacy, notify_subscribers, category, thumbnail}}`),
/// with where each was written; unset fields keep YouTube's defaults.
public struct YouTubeOverride: Sendable {
    /// The video's tags.
    public var tags: [Located<String>]?
    /// Who can watch it.
    public var privacy: Located<YouTubePrivacy>?
    /// Whether subscribers are notified.
    public var notifySubscribers: Located<Bool>?
    /// The category id.
    public var category: Located<String>?
    /// The custom thumbnail (a JPEG or PNG of at most 2 MB) set by `thumbnails.set` after the upload.
    public var thumbnail: MediaReference?

    /// Creates an override.
    public init(
        tags: [Located<String>]? = nil, privacy: Located<YouTubePrivacy>? = nil, notifySubscribers: Located<Bool>? = nil,
        category: Located<String>? = nil, thumbnail: MediaReference? = nil
    ) {
        self.tags = tags
        self.privacy = privacy
        self.notifySubscribers = notifySubscribers
        self.category = category
        self.thumbnail = thumbnail
    }

    /// The options an upload sends.
    public var options: YouTubeVideoOptions {
        YouTubeVideoOptions(
            tags: tags?.map(\.value) ?? [], privacy: privacy?.value ?? .public,
            notifySubscribers: notifySubscribers?.value ?? true,
            categoryID: category?.value ?? YouTubeVideoOptions.defaultCategoryID, thumbnailPath: thumbnail?.path.value)
    }
}
