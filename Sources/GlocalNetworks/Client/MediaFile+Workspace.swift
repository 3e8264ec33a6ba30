import Foundation
import GlocalCore

extension MediaFile {
    /// The largest media file read for a post (a long video is well below it).
    public static let maximumBytes = 4 << 30

    /// A file of the workspace, read from disk when a network needs its bytes, and only when it resolves inside the
    /// workspace (a symbolic link leading out, a hidden file such as the store's key, or a FIFO is refused unread).
    public init(workspacePath path: String, workspace: URL, publicBaseURL: URL? = nil, altText: String? = nil) {
        self.init(
            workspacePath: path, workspace: workspace, publicURLs: publicBaseURL.map { MediaFilePublicURLs(base: $0) },
            altText: altText)
    }

    /// A file of the workspace whose public URL (for networks that fetch media) comes from `publicURLs`, signed if
    /// they sign; read from disk as above.
    public init(workspacePath path: String, workspace: URL, publicURLs: MediaFilePublicURLs?, altText: String? = nil) {
        let containment = WorkspaceContainment(root: workspace)
        self.init(path: path, publicURL: publicURLs?.url(for: path), altText: altText) {
            switch containment.read(path, limit: Self.maximumBytes) {
            case .success(let data): return data
            case .failure(let refusal): throw MediaFileRefused(reason: WorkspaceContainment.explanation(of: refusal, for: path))
            }
        }
    }
}

/// A media file that was not read because it is not a regular file inside the workspace.
public struct MediaFileRefused: Error, CustomStringConvertible, Sendable {
    /// Why, in one sentence that never names a place outside the workspace.
    public var reason: String
    /// The reason.
    public var description: String { reason }
}
