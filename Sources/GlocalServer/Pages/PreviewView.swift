import GlocalCore

/// A variant rendered as its network's feed shows it (see `PostPreview` and `PreviewFacts`), one file per
/// network under Previews/, with the count as the network counts it under the post.
enum PreviewView {
    /// The stylesheet of the previews and of the live counter, served by `EditorRoutes`.
    static let stylesheetLink: HTML = "<link rel=\"stylesheet\" href=\"/static/previews.css\">"

    static func render(_ preview: PostPreview, account: PreviewAccount) -> HTML {
        let parts = PreviewParts(preview: preview, account: account)
        let post: HTML
        switch preview.network {
        case .x: post = XPreview.render(parts)
        case .bluesky: post = BlueskyPreview.render(parts)
        case .mastodon: post = MastodonPreview.render(parts)
        case .threads: post = ThreadsPreview.render(parts)
        case .linkedin: post = LinkedInPreview.render(parts)
        case .facebook: post = FacebookPreview.render(parts)
        case .instagram: post = InstagramPreview.render(parts)
        case .youtube: post = YouTubePreview.render(parts)
        case .tiktok: post = TikTokPreview.render(parts)
        case .pinterest: post = PinterestPreview.render(parts)
        case .googleBusiness: post = GoogleBusinessPreview.render(parts)
        }
        let webhook: HTML =
            preview.facts.reachesWebhook
            ? """
            <p class="pv-webhook" id="preview-webhook">Sent to webhook: glocal hands this post to your webhook, \
            which publishes it on \(preview.network.displayName); shown here as \(preview.network.displayName) would show it.</p>
            """
            : .empty
        return """
            <div class="preview-frame" id="preview">\(webhook)\(post)
            <p class="pv-count">\(counter(preview))</p></div>
            """
    }

    /// `36 / 280` as the network counts, with the byte count on Bluesky and the title's count on YouTube.
    static func counter(_ preview: PostPreview) -> HTML {
        let measurement = preview.measurement
        let over = measurement.length > measurement.limit
        var counter: HTML =
            "<span class=\"counter\(over ? " over" : "")\" id=\"counter\">\(measurement.length) / \(measurement.limit)</span>"
        if let bytes = measurement.bytes, let limit = measurement.byteLimit {
            counter = "\(counter) · <span class=\"counter\(bytes > limit ? " over" : "")\">\(bytes) / \(limit) bytes</span>"
        }
        if let title = preview.title {
            let overTitle = title.length > title.limit
            counter =
                "\(counter) · title <span class=\"counter\(overTitle ? " over" : "")\">\(title.length) / \(title.limit)</span>"
        }
        return "\(counter) <span class=\"pv-method\">\(countingMethod(preview.network))</span>"
    }

    /// How the network counts, in a few words.
    static func countingMethod(_ network: Network) -> String {
        switch NetworkRules.forNetwork(network).textCounting {
        case .xWeighted: return "as X counts: every link 23, emoji and CJK characters 2"
        case .mastodon: return "as Mastodon counts: every link 23, a mention without its server"
        case .threads: return "as Threads counts: emoji count as their UTF-8 bytes"
        case .graphemesAndBytes: return "as Bluesky counts: characters as seen, and bytes"
        case .graphemes: return "characters as seen (graphemes), as \(network.displayName) counts"
        case .utf16: return "as \(network.displayName) counts: UTF-16 units (an emoji is 2)"
        case .utf8Bytes: return "as \(network.displayName) counts: UTF-8 bytes (an accented letter is 2)"
        }
    }

    /// The default-locale text, for reference only: it is another language, so nothing is diffed against it.
    static func reference(global: String?, locale: String) -> HTML {
        guard let global else { return "<p>No default-locale text to show.</p>" }
        return """
            <div class="card"><h3>Default-locale text (for reference, \(locale))</h3>
            <p class="post" id="global-text" lang="\(locale)">\(global)</p></div>
            """
    }

    /// The text glocal generated for this variant against the text now (or being edited), words that differ marked.
    static func localChanges(generated: String?, local: String) -> HTML {
        guard let generated, generated != local else {
            return "<p id=\"local-changes\">The local text is as glocal generated it from the campaign.</p>"
        }
        let (left, right) = WordDiffHTML.sides(from: generated, to: local)
        return """
            <div class="columns" id="local-changes">
            <div class="card"><h3>Generated local text</h3><p class="post">\(left)</p></div>
            <div class="card"><h3>Local text now</h3><p class="post">\(right)</p></div></div>
            """
    }
}
