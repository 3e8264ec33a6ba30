import Foundation

/// One media file of a post: where it lives, how to read it, and where networks that fetch media can find it.
public struct MediaFile: Sendable {
    /// The workspace path, e.g. `assets/hydra/teaser-4x5.jpg`.
    public var path: String
    /// A public HTTPS URL of the same file, for networks that download media themselves (Instagram, Threads).
    public var publicURL: URL?
    /// Reads the bytes, for networks that take uploads.
    public var loadBytes: @Sendable () async throws -> Data
    /// A description for people who cannot see the image (sent where the network takes one: LinkedIn `altText`).
    public var altText: String?

    /// Creates a media file.
    public init(
        path: String, publicURL: URL? = nil, altText: String? = nil, loadBytes: @escaping @Sendable () async throws -> Data
    ) {
        self.path = path
        self.publicURL = publicURL
        self.altText = altText
        self.loadBytes = loadBytes
    }

    /// The file name without its folder.
    public var fileName: String { (path as NSString).lastPathComponent }

    /// The bytes, or a `.permanent` failure naming the file (never its contents).
    func bytes() async throws(NetworkFailure) -> Data {
        do { return try await loadBytes() } catch let refused as MediaFileRefused {
            throw NetworkFailure(.permanent(refused.reason))
        } catch { throw NetworkFailure(.permanent("cannot read \(path)")) }
    }

    /// The file name's extension, lowercased.
    public var fileExtension: String { (path as NSString).pathExtension.lowercased() }

    /// Whether the extension is one of a video.
    public var isVideo: Bool { ["mp4", "mov", "m4v", "webm", "gif"].contains(fileExtension) }

    /// The MIME type guessed from the extension.
    public var mimeType: String {
        switch fileExtension {
        case "jpg", "jpeg": return "image/jpeg"
        case "png": return "image/png"
        case "webp": return "image/webp"
        case "heic": return "image/heic"
        case "gif": return "image/gif"
        case "mp4", "m4v": return "video/mp4"
        case "mov": return "video/quicktime"
        case "webm": return "video/webm"
        default: return "application/octet-stream"
        }
    }
}
