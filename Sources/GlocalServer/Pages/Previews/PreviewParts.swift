import GlocalCore

/// The pieces every network's preview is built from: the avatar, the text with its fold, the images in
/// the network's crop and layout, the link card, and the link posted as a first comment or reply.
struct PreviewParts {
    let preview: PostPreview
    let account: PreviewAccount

    var facts: PreviewFacts { preview.facts }

    /// A round avatar with the name's initial (decorative).
    var avatar: HTML { "<span class=\"pv-avatar\" aria-hidden=\"true\">\(account.initial)</span>" }

    /// The text as the feed shows it, cut at the fold; what follows opens with the network's label.
    var text: HTML {
        let folded: HTML =
            preview.foldedSegments.isEmpty
            ? .empty
            : """
            <details class="pv-more"><summary>\(facts.foldLabel)</summary>\(Self.runs(preview.foldedSegments))</details>
            """
        let space: HTML = preview.foldedSegments.isEmpty ? .empty : " "
        return "<div class=\"pv-text\" id=\"preview-text\">\(Self.runs(preview.shownSegments))\(space)\(folded)</div>"
    }

    /// Segments as markup: links, hashtags and mentions styled, line breaks kept.
    static func runs(_ segments: [PostPreview.Segment]) -> HTML {
        HTML.joined(
            segments.map { segment -> HTML in
                switch segment {
                case .text(let text): return "\(text)"
                case .lineBreak: return "<br>"
                case .hashtag(let tag): return "<span class=\"hashtag\">\(tag)</span>"
                case .mention(let mention): return "<span class=\"mention\">\(mention)</span>"
                case .link(_, let display): return "<span class=\"link\">\(display)</span>"
                }
            })
    }

    /// The CSS class of a `width:height` crop (`ar-16x9`, `ar-1_91x1`).
    static func aspectClass(_ ratio: String) -> String {
        "ar-" + ratio.replacingOccurrences(of: ":", with: "x").replacingOccurrences(of: ".", with: "_")
    }

    /// The media in the network's crop and layout: a grid, a carousel, or a video player.
    var media: HTML {
        let items = preview.media
        guard !items.isEmpty else { return .empty }
        let ratio = Self.aspectClass(items.count == 1 ? facts.singleImageAspect : facts.multipleImageAspect)
        let tiles = items.enumerated().map { index, path -> HTML in
            let label = "Media \(index + 1) of \(items.count): \(path)"
            if MediaType.inferred(fromPath: path) == .video {
                return "<div class=\"pv-video \(ratio)\" role=\"img\" aria-label=\"\(label)\"><span>▶</span> \(path)</div>"
            }
            return "<img class=\"\(ratio)\" src=\"/media/\(path)\" alt=\"\(label)\">"
        }
        switch facts.imageLayout {
        case .grid:
            return "<div class=\"pv-media pv-grid pv-n\(min(items.count, 4))\">\(tiles)</div>"
        case .carousel:
            let dots: HTML =
                items.count > 1
                ? "<p class=\"pv-dots\" role=\"img\" aria-label=\"\(items.count) slides\">\(String(repeating: "• ", count: items.count))</p>"
                : .empty
            // Several slides scroll sideways: the keyboard reaches them too.
            guard items.count > 1 else { return "<div class=\"pv-media pv-carousel\">\(tiles)</div>" }
            return
                "\(Layout.scroller("\(items.count) slides, scroll sideways", class: "pv-media pv-carousel", HTML.joined(tiles)))\(dots)"
        case .player:
            return "<div class=\"pv-media pv-player\">\(tiles[0])</div>"
        }
    }

    /// The card the network builds for a link in the post: the site's host, the page's own title and image.
    var linkCard: HTML {
        guard let url = preview.linkCard else { return .empty }
        var host = Substring(url)
        for prefix in ["https://", "http://"] where host.hasPrefix(prefix) { host = host.dropFirst(prefix.count) }
        host = host.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return """
            <div class="pv-card" role="group" aria-label="Link card"><div class="pv-card-image" aria-hidden="true"></div>
            <p class="pv-card-host">\(host)</p><p class="pv-card-title">The page's title and image, read from the page</p></div>
            """
    }

    /// The link posted under the post: a reply in the account's thread, or its first comment.
    var followUp: HTML {
        guard let followUp = preview.followUp else { return .empty }
        let shown = facts.displayed(followUp.url)
        switch followUp.placement {
        case .reply:
            return """
                <div class="pv-reply" role="group" aria-label="Reply in the thread">\(avatar)<div>
                <p class="pv-who"><strong>\(account.name)</strong>
                <span class="pv-handle">\(account.atHandle)</span></p><p class="pv-reply-to">Replying to \(account.atHandle)</p>
                <p><span class="link">\(shown)</span></p></div></div>
                """
        case .firstComment, .inline, .none:
            return """
                <div class="pv-comment" role="group" aria-label="First comment">\(avatar)<p><strong>\(account.name)</strong>
                <span class="link">\(shown)</span></p></div>
                """
        }
    }
}
