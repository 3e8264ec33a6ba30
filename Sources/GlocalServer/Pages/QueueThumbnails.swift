import GlocalCore

/// The thumbnail a queue row shows: the variant's first medium, with the alt text the campaign gives it.
struct QueueThumbnails: Sendable {
    /// Alt text by `campaign/post/path`.
    private let alts: [String: String]

    init(workspace: Workspace) {
        var alts: [String: String] = [:]
        for campaign in workspace.campaigns {
            for post in campaign.posts {
                let media = post.media + post.overrides.flatMap { $0.media ?? [] }
                for item in media {
                    guard let alt = item.alt else { continue }
                    let key = "\(campaign.id.value)/\(post.id.value)/\(item.path.value)"
                    if alts[key] == nil { alts[key] = alt }
                }
            }
        }
        self.alts = alts
    }

    /// The thumbnail of `variant`'s first medium (an image, lazily loaded; a labelled box for a video),
    /// or an empty box when it has none.
    func html(_ variant: StoredVariant) -> HTML {
        guard let path = variant.media.first else { return "<span class=\"q-thumb q-none\" aria-hidden=\"true\"></span>" }
        let alt = alts["\(variant.campaignID)/\(variant.postID)/\(path)"] ?? "Image: \(path)"
        if MediaType.inferred(fromPath: path) == .video {
            return "<span class=\"q-thumb q-video\" role=\"img\" aria-label=\"Video: \(path)\">▶</span>"
        }
        let more: HTML = variant.media.count > 1 ? "<span class=\"q-more\">+\(variant.media.count - 1)</span>" : .empty
        return """
            <span class="q-thumbs"><img class="q-thumb" src="/media/\(path)" alt="\(alt)" width="72" height="72" \
            loading="lazy" decoding="async">\(more)</span>
            """
    }
}
