/// Inspects each media file once, however many variants use it.
struct MediaCatalog: MediaInspector {
    private let facts: [String: MediaFileInfo]
    private let inspector: any MediaInspector

    init(workspace: Workspace, inspector: any MediaInspector) {
        var paths = Set<String>()
        for campaign in workspace.campaigns {
            for post in campaign.posts {
                paths.formUnion(post.media.map(\.path.value))
                for override in post.overrides {
                    paths.formUnion((override.media ?? []).map(\.path.value))
                    if let thumbnail = override.youtube?.thumbnail { paths.insert(thumbnail.path.value) }
                }
            }
        }
        var facts: [String: MediaFileInfo] = [:]
        for path in paths { facts[path] = inspector.inspect(path) }
        self.facts = facts
        self.inspector = inspector
    }

    func inspect(_ path: String) -> MediaFileInfo? { facts[path] }

    func siblings(of path: String) -> [String] { inspector.siblings(of: path) }
}
