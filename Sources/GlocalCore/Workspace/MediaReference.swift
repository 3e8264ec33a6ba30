/// An image or video attached to a post.
public struct MediaReference: Sendable {
    /// Path relative to the workspace root.
    public var path: Located<String>
    /// Alternative text for screen readers.
    public var alt: String?
    /// Where the alt text's value is written, when it came from a file.
    public var altLocation: SourceLocation?
    /// Image or video; `nil` when it cannot be told from the file name (already reported).
    public var type: MediaType?

    /// Creates a media reference.
    public init(path: Located<String>, alt: String? = nil, altLocation: SourceLocation? = nil, type: MediaType?) {
        self.path = path
        self.alt = alt
        self.altLocation = altLocation
        self.type = type
    }
}

/// The kind of a media file.
public enum MediaType: String, Sendable, CaseIterable, Codable {
    /// A still image (JPEG, PNG, WebP).
    case image
    /// A video (MP4, MOV) or an animated GIF.
    case video

    /// The type implied by a file name's extension.
    public static func inferred(fromPath path: String) -> MediaType? {
        guard let dot = path.lastIndex(of: ".") else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "jpg", "jpeg", "png", "webp", "heic": return .image
        case "mp4", "mov", "m4v", "webm", "gif": return .video
        default: return nil
        }
    }
}
