import Foundation
import GlocalCore

extension OutgoingPost {
    /// The post of a stored variant; media files are read from `workspace` and, for networks that download media,
    /// published under `mediaBaseURL` (`https://cdn.example/` + the workspace path).
    public init(variant: StoredVariant, handle: String, workspace: URL, mediaBaseURL: URL? = nil) {
        self.init(
            variantID: variant.id, network: variant.network, accountID: variant.accountID, handle: handle,
            locale: variant.locale, text: variant.text, title: variant.title, link: variant.link,
            linkPlacement: variant.linkPlacement,
            media: variant.media.map { MediaFile(workspacePath: $0, workspace: workspace, publicBaseURL: mediaBaseURL) })
    }
}

extension MediaFile {
    /// A file of the workspace, read from disk when a network needs its bytes.
    public init(workspacePath path: String, workspace: URL, publicBaseURL: URL? = nil) {
        let file = workspace.appendingPathComponent(path)
        self.init(path: path, publicURL: publicBaseURL?.appendingPathComponent(path)) { try Data(contentsOf: file) }
    }
}
