import Foundation

/// Turns the paths given on the command line into workspaces to validate.
public struct WorkspaceLocator: Sendable {
    /// One workspace and, when files were named, the campaign files to check in it.
    public struct Target: Equatable, Sendable {
        /// The workspace directory (it holds glocal.yaml).
        public var root: URL
        /// Campaign files (relative to the root) to check, or `nil` for every campaign.
        public var campaignFiles: Set<String>?
    }

    /// Where relative paths start.
    public let currentDirectory: URL

    /// A locator for paths relative to `currentDirectory`.
    public init(currentDirectory: URL) {
        // A directory URL, so that relative paths resolve inside it rather than beside it.
        self.currentDirectory = URL(fileURLWithPath: currentDirectory.path, isDirectory: true)
    }

    /// Groups `paths` by workspace; no paths means the current directory.
    public func targets(for paths: [String]) throws -> [Target] {
        if paths.isEmpty {
            return [Target(root: try workspaceRoot(containing: currentDirectory, named: "."), campaignFiles: nil)]
        }
        var targets: [Target] = []
        for path in paths {
            let url = URL(fileURLWithPath: path, relativeTo: currentDirectory).standardizedFileURL
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                throw UseCaseError.noSuchPath(path)
            }
            let root = try workspaceRoot(containing: isDirectory.boolValue ? url : url.deletingLastPathComponent(), named: path)
            let relative = String(url.path.dropFirst(root.path.count)).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            let campaignFile: String? = !isDirectory.boolValue && relative.hasPrefix("campaigns/") ? relative : nil
            if !isDirectory.boolValue, !relative.hasSuffix(".yaml"), !relative.hasSuffix(".yml") {
                throw UseCaseError.notYAML(path)
            }
            if let file = campaignFile, file.dropFirst("campaigns/".count).contains("/") {
                throw UseCaseError.nestedCampaign(path)
            }
            if let index = targets.firstIndex(where: { $0.root == root }) {
                if let file = campaignFile, targets[index].campaignFiles != nil {
                    targets[index].campaignFiles!.insert(file)
                } else {
                    targets[index].campaignFiles = nil
                }
            } else {
                targets.append(Target(root: root, campaignFiles: campaignFile.map { [$0] }))
            }
        }
        return targets
    }

    /// The nearest directory at or above `start` that has a glocal.yaml.
    private func workspaceRoot(containing start: URL, named path: String) throws -> URL {
        var directory = start.standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("glocal.yaml").path) { return directory }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { break }
            directory = parent
        }
        throw UseCaseError.outsideWorkspace(path)
    }

    /// How to write paths below `root` so that they read from the current directory (for editors and CI): below it,
    /// `brand/`; above it (run from `campaigns/`), `../`; elsewhere, the absolute path.
    public func displayPrefix(for root: URL) -> String {
        let base = currentDirectory.standardizedFileURL.pathComponents
        let path = root.standardizedFileURL.pathComponents
        if path.starts(with: base) { return path.dropFirst(base.count).map { $0 + "/" }.joined() }
        if base.starts(with: path) { return String(repeating: "../", count: base.count - path.count) }
        return root.standardizedFileURL.path + "/"
    }
}
