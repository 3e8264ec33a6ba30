import GlocalCore

/// A variant rendered as its network shows it (see `PostPreview`).
enum PreviewView {
    static func render(_ preview: PostPreview, handle: String) -> HTML {
        let text = preview.segments.map { segment -> HTML in
            switch segment {
            case .text(let text): return "\(text)"
            case .lineBreak: return "<br>"
            case .hashtag(let tag): return "<span class=\"hashtag\">\(tag)</span>"
            case .mention(let mention): return "<span class=\"mention\">\(mention)</span>"
            case .link(let url, let display): return "<span class=\"link\" title=\"\(url)\">\(display)</span>"
            }
        }
        let measurement = preview.measurement
        let over = measurement.length > measurement.limit
        var counter: HTML =
            "<span class=\"counter\(over ? " over" : "")\" id=\"counter\">\(measurement.length) / \(measurement.limit)</span>"
        if let bytes = measurement.bytes, let limit = measurement.byteLimit {
            counter = "\(counter) · <span class=\"counter\">\(bytes) / \(limit) bytes</span>"
        }
        let media =
            preview.media.isEmpty
            ? HTML.empty
            : "<div class=\"media\">\(preview.media.map { path -> HTML in MediaType.inferred(fromPath: path) == .video ? "<span>▶ \(path)</span>" : "<img src=\"/media/\(path)\" alt=\"\(path)\">" })</div>"
        let card: HTML = preview.linkCard.map { "<div class=\"linkcard\" aria-label=\"Link card\">🔗 \($0)</div>" } ?? .empty
        let followUp: HTML =
            preview.followUp.map {
                let label = $0.placement == .firstComment ? "First comment" : "Reply"
                return "<div class=\"comment\"><strong>\(label) by \(handle):</strong> \($0.url)</div>"
            } ?? .empty
        return """
            <div class="card preview" aria-label="\(preview.network.displayName) preview">
            <p><strong>\(handle)</strong> on \(preview.network.displayName) · \(counter)</p>
            <p class="post" id="preview-text">\(text)</p>
            \(media)\(card)\(followUp)
            </div>
            """
    }

    /// The global and local texts side by side, words only in one of them marked.
    static func diff(global: String?, local: String) -> HTML {
        guard let global else { return "<p>No global text to compare with.</p>" }
        let pieces = TextDiff.words(from: global, to: local)
        let left = pieces.map { piece -> HTML in
            switch piece {
            case .same(let text): return "\(text)"
            case .removed(let text): return "<del>\(text)</del>"
            case .added: return .empty
            }
        }
        let right = pieces.map { piece -> HTML in
            switch piece {
            case .same(let text): return "\(text)"
            case .added(let text): return "<ins>\(text)</ins>"
            case .removed: return .empty
            }
        }
        return """
            <div class="columns"><div class="card"><h3>Global text (default locale)</h3><p class="post">\(left)</p></div>
            <div class="card"><h3>Local text</h3><p class="post">\(right)</p></div></div>
            """
    }
}
