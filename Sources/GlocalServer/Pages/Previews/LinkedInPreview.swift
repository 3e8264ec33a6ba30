/// A post as LinkedIn's feed shows it: the page's name and followers line, the text folded after three
/// lines or about 210 characters with "…see more", images, the link card, and the link in the first comment.
enum LinkedInPreview {
    static func render(_ parts: PreviewParts) -> HTML {
        """
        <article class="pv pv-linkedin" aria-label="As LinkedIn shows it">
        <div class="pv-head">\(parts.avatar)<p class="pv-who"><strong>\(parts.account.name)</strong><br>
        <span class="pv-handle">linkedin.com/company/\(parts.account.handle) · now</span></p>
        </div>\(parts.text)\(parts.media)\(parts.linkCard)
        <p class="pv-actions" aria-hidden="true">Like · Comment · Repost · Send</p></article>\(parts.followUp)
        """
    }
}
