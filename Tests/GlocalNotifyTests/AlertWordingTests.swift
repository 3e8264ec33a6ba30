import Foundation
import GlocalCore
import GlocalNotify
import Testing

/// What an alert asks a person to do: a post that went out without its link is not called failed, and its fix is to
/// add the link, never to publish the post again.
@Suite struct AlertWordingTests {
    @Test func aPostOutWithoutItsLinkSaysItIsPublishedAndWhatToAdd() {
        let note = LinkReplyFailure(carrier: .firstComment, error: "transient failure: HTTP 500").note
        let post = FailedPost(
            auditID: 1, variantID: "hydra/teaser/lumiere-fr-linkedin", accountID: "lumiere-fr-linkedin", network: "linkedin",
            text: "Hydra arrive", scheduledAt: nil, timeZone: "Europe/Paris", reason: note, failedAt: nil,
            publishedWithoutLink: true)
        let alert = AlertComposer.failed(post, base: nil)
        #expect(alert.subject == "glocal: a post went out without its link on lumiere-fr-linkedin (linkedin)")
        #expect(
            alert.text.hasPrefix(
                "The post hydra/teaser/lumiere-fr-linkedin is published on lumiere-fr-linkedin (linkedin), but its link did not go out with it.\nReason: \(note)\nDo not publish the post again: add its link under it by hand."
            ))
        #expect(!alert.text.contains("was not published"))
    }
}
