import Foundation
import GlocalCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// The media files `/media/...` may serve: images and videos that a campaign of the loaded workspace references,
/// resolved inside the workspace (`WorkspaceContainment`: no link or `..` out, nothing hidden such as `.glocal/`),
/// regular files whose first bytes are those of the type their name says (images of at most `maximumImageBytes`;
/// videos of any size, since they are streamed). Anything else is `nil`, which the route answers with 404 whether it
/// exists or not.
struct ServedMedia: Sendable {
    /// The largest image served (the largest any network accepts is 20 MB); videos are streamed whatever their size.
    static let maximumImageBytes = 32 * 1_048_576

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

    /// The open file and content type at `requestPath` (percent-encoded, as it came in the URL), if it may be served.
    func file(at requestPath: String) -> ServedMediaFile? {
        guard let path = requestPath.removingPercentEncoding, referenced.contains(path),
            let format = MediaFormat.expected(forExtension: MediaPath.fileExtension(path)),
            case .success(let location) = containment.file(path, limit: Self.limit(of: format))
        else { return nil }
        // O_NOFOLLOW and O_NONBLOCK: should the file be swapped for a link or a FIFO after the check, the open fails or
        // returns at once instead of leaving the workspace or waiting forever. What is served is what was opened.
        let descriptor = open(containment.absolutePath(of: location), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        guard let file = ServedMediaFile(descriptor: descriptor, contentType: Self.contentType(of: format, path: path)),
            file.size <= Self.limit(of: format), Self.format(of: file.head()) == format
        else { return nil }
        return file
    }

    /// The largest file of `format` served.
    static func limit(of format: MediaFormat) -> Int {
        switch format {
        case .png, .jpeg, .webp, .heic: return maximumImageBytes
        case .gif, .isoVideo, .webm: return Int.max
        }
    }

    /// The format whose signature `head` (the file's first bytes) starts with, if any.
    static func format(of head: [UInt8]) -> MediaFormat? {
        if let image = ImageDecoder.format(of: head) { return image }
        if let iso = VideoContainerReader.format(of: head) { return iso }
        return head.starts(with: [0x1A, 0x45, 0xDF, 0xA3]) ? .webm : nil
    }

    /// The `Content-Type` of a file of `format` named `path` (a QuickTime `.mov` is `video/quicktime`).
    static func contentType(of format: MediaFormat, path: String) -> String {
        switch format {
        case .jpeg: return "image/jpeg"
        case .png: return "image/png"
        case .webp: return "image/webp"
        case .gif: return "image/gif"
        case .heic: return "image/heic"
        case .isoVideo: return MediaPath.fileExtension(path).lowercased() == "mov" ? "video/quicktime" : "video/mp4"
        case .webm: return "video/webm"
        }
    }
}
