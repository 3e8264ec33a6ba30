import Foundation
import GlocalCore

/// The media files `/media/...` may serve: images that a campaign of the loaded workspace references,
/// resolved inside the workspace (`WorkspaceContainment`: no link or `..` out, nothing hidden such as
/// `.glocal/`), regular files of at most `maximumBytes` whose first bytes are those of the image type
/// their name says. Anything else is `nil`, which the route answers with 404 whether it exists or not.
struct ServedMedia: Sendable {
    /// The largest image served (the largest any network accepts is 16 MB).
    static let maximumBytes = 32 * 1_048_576

    /// Workspace-relative paths that some post or network override references.
    let referenced: Set<String>
    private let containment: WorkspaceContainment

    init(workspace: Workspace, root: URL) {
        var paths = Set<String>()
        for post in workspace.campaigns.flatMap(\.posts) {
            paths.formUnion(post.media.map(\.path.value))
            for override in post.overrides { paths.formUnion((override.media ?? []).map(\.path.value)) }
        }
        referenced = paths
        containment = WorkspaceContainment(root: root)
    }

    /// The bytes and content type of the image at `requestPath` (percent-encoded, as it came in the URL), if it may be served.
    func file(at requestPath: String) -> (data: Data, contentType: String)? {
        guard let path = requestPath.removingPercentEncoding, referenced.contains(path),
            let type = Self.ImageType(fileName: path),
            case .success(let data) = containment.read(path, limit: Self.maximumBytes),
            type.matches(data)
        else { return nil }
        return (data, type.contentType)
    }

    /// An image type the previews show, told by the file name and checked against the content's signature.
    enum ImageType: String {
        case jpeg = "image/jpeg", png = "image/png", webp = "image/webp", gif = "image/gif"

        init?(fileName: String) {
            switch fileName.split(separator: ".").last?.lowercased() {
            case "jpg", "jpeg": self = .jpeg
            case "png": self = .png
            case "webp": self = .webp
            case "gif": self = .gif
            default: return nil
            }
        }

        var contentType: String { rawValue }

        /// Whether `data` starts with this type's signature (so a text or key file named `.png` is never served).
        func matches(_ data: Data) -> Bool {
            let bytes = [UInt8](data.prefix(12))
            switch self {
            case .jpeg: return bytes.starts(with: [0xFF, 0xD8, 0xFF])
            case .png: return bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
            case .gif: return bytes.starts(with: Array("GIF87a".utf8)) || bytes.starts(with: Array("GIF89a".utf8))
            case .webp:
                return bytes.count == 12 && bytes.starts(with: Array("RIFF".utf8)) && Array(bytes[8...]) == Array("WEBP".utf8)
            }
        }
    }
}
