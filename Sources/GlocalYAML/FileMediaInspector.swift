import Foundation
import GlocalCore

/// Reads media files from a workspace directory: size, and type, pixel size and duration decoded from the content.
///
/// A path is resolved first (``MediaContainment``): one that leads outside the workspace through a symbolic link,
/// or to something other than a regular file, is refused and never read.
public struct FileMediaInspector: MediaInspector {
    private let root: URL
    private let containment: MediaContainment

    /// Inspects files below `root`.
    public init(root: URL) {
        self.root = root
        containment = MediaContainment(root: root)
    }

    /// Facts about `path`, `nil` when nothing is there; a refused or broken file carries its ``MediaProblem``.
    public func inspect(_ path: String) -> MediaFileInfo? {
        switch containment.resolve(path) {
        case .missing:
            return normalizationTwin(of: path).map { twin in
                .refused(
                    .pathInvalid(
                        "the file on disk is '\(MediaPath.visible(twin))', written with other Unicode code points"
                            + " for the same letters"
                            + " (NFC and NFD); retype the path or rename the file"))
            }
        case let .refused(problem):
            return .refused(problem)
        case let .inside(resolved):
            guard let source = FileByteSource(path: resolved) else { return .refused(.unreadable) }
            let decoding = MediaContentReader.read(source, fileExtension: MediaPath.fileExtension(path))
            return MediaFileInfo(bytes: source.count, decoding: decoding)
        }
    }

    /// A file in the same folder whose name is canonically equal to the path's but spelled with other code points.
    private func normalizationTwin(of path: String) -> String? {
        // Only names with non-ASCII letters have other spellings; most paths skip the folder listing.
        guard path.utf8.contains(where: { $0 >= 0x80 }) else { return nil }
        let name = MediaPath.split(path).name
        return siblingNames(of: path).first { $0 == name && !$0.utf8.elementsEqual(name.utf8) }
    }

    private func siblingNames(of path: String) -> [String] {
        guard let folder = containment.folder(of: path) else { return [] }
        return (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    }
}

extension FileMediaInspector {
    /// The other files in `path`'s folder, as workspace-relative paths (none when the folder is outside the workspace).
    public func siblings(of path: String) -> [String] {
        let folder = MediaPath.split(path).folder
        return siblingNames(of: path).sorted().map { folder.isEmpty ? $0 : folder + "/" + $0 }
    }
}
