/// The container or image format found in a media file's content.
public enum MediaFormat: String, Sendable, Equatable, CaseIterable {
    /// PNG image.
    case png
    /// JPEG image.
    case jpeg
    /// GIF image (glocal treats it as a video, as networks animate it).
    case gif
    /// WebP image.
    case webp
    /// HEIC/HEIF image (an ISO BMFF file with an image brand).
    case heic
    /// An MP4 or QuickTime (MOV, M4V) video: ISO base media file format.
    case isoVideo
    /// WebM (Matroska) video.
    case webm

    /// The name users know, for messages.
    public var displayName: String {
        switch self {
        case .png: return "PNG"
        case .jpeg: return "JPEG"
        case .gif: return "GIF"
        case .webp: return "WebP"
        case .heic: return "HEIC"
        case .isoVideo: return "MP4/MOV"
        case .webm: return "WebM"
        }
    }

    /// The usual file extension for this format, for "rename it to …".
    public var usualExtension: String {
        switch self {
        case .png: return "png"
        case .jpeg: return "jpg"
        case .gif: return "gif"
        case .webp: return "webp"
        case .heic: return "heic"
        case .isoVideo: return "mp4"
        case .webm: return "webm"
        }
    }

    /// The format a file extension promises (`jpg` → JPEG), `nil` for extensions glocal does not know.
    public static func expected(forExtension ext: String) -> MediaFormat? {
        switch ext.lowercased() {
        case "jpg", "jpeg": return .jpeg
        case "png": return .png
        case "gif": return .gif
        case "webp": return .webp
        case "heic": return .heic
        case "mp4", "mov", "m4v": return .isoVideo
        case "webm": return .webm
        default: return nil
        }
    }
}
