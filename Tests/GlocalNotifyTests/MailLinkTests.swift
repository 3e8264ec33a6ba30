import Foundation
import GlocalCore
import GlocalNotify
import Testing

/// The HTML part of an alert makes glocal's own links clickable, and nothing else.
@Suite struct MailLinkTests {
    static let base = URL(string: "https://glocal.lumiere.example")

    @Test func anAlertLinksToTheVariantAndLeavesTheNetworksURLsAsText() {
        let post = FailedPost(
            auditID: 1, variantID: "hydra/teaser/lumiere-fr-x", accountID: "lumiere-fr-x", network: "x",
            text: "Hydra <b>arrive</b>", scheduledAt: nil, timeZone: "Europe/Paris",
            reason: "see https://evil.example/\"><script> for details", failedAt: nil)
        let alert = AlertComposer.failed(post, base: Self.base)
        #expect(
            alert.html.contains(
                "<p>Open it: <a href=\"https://glocal.lumiere.example/variants/hydra/teaser/lumiere-fr-x\">"
                    + "https://glocal.lumiere.example/variants/hydra/teaser/lumiere-fr-x</a></p>"))
        #expect(alert.html.components(separatedBy: "<a href").count == 2, "one link: \(alert.html)")
        #expect(alert.html.contains("see https://evil.example/&quot;&gt;&lt;script&gt; for details"))
        #expect(alert.html.contains("Hydra &lt;b&gt;arrive&lt;/b&gt;"))
    }

    @Test func withoutAPublicAddressTheAlertHasNoLink() {
        let need = ReconnectNeed(accountID: "lumiere-fr-x", reason: "token revoked", since: nil)
        let alert = AlertComposer.reconnect(need, base: nil)
        #expect(!alert.html.contains("<a "))
        let linked = AlertComposer.reconnect(need, base: Self.base)
        #expect(linked.html.contains("Accounts: <a href=\"https://glocal.lumiere.example/accounts\">"))
    }
}
