import GlocalCore
import Testing

/// Previews as the networks show posts, the word diff, and re-validation of edits.
struct PostPreviewTests {
    @Test func xShortensLinksAndCountsThemAs23() {
        let text = "Meet Hydra #HydraSerum @lumiere\nhttps://lumiere.example/fr-FR/hydra?utm_source=x&utm_medium=social"
        let preview = PostPreview(network: .x, text: text, link: nil, linkPlacement: .inline, media: [])
        #expect(
            preview.segments == [
                .text("Meet Hydra "), .hashtag("#HydraSerum"), .text(" "), .mention("@lumiere"), .lineBreak,
                .link(
                    url: "https://lumiere.example/fr-FR/hydra?utm_source=x&utm_medium=social", display: "lumiere.example/fr-FR/…"),
            ])
        #expect(preview.measurement.length == 31 + 1 + 23)
        #expect(preview.measurement.limit == 280)
        #expect(preview.linkCard == "https://lumiere.example/fr-FR/hydra?utm_source=x&utm_medium=social")
    }

    /// A Bluesky post links only what glocal's facets link: the preview shows the variant's own link whole (where
    /// twitter-text stops at `/日本`), a bare domain and a mention as plain text, and tags without trailing punctuation.
    @Test func blueskyShowsLiveWhatItsFacetsMakeLive() {
        let link = "https://lumiere.example/日本/hydra"
        let text = "Hydra #日本語！ @lumiere.example lumiere.example \(link)"
        let preview = PostPreview(network: .bluesky, text: text, link: link, linkPlacement: .inline, media: [])
        #expect(
            preview.segments == [
                .text("Hydra "), .hashtag("#日本語"), .text("！ @lumiere.example lumiere.example "),
                .link(url: link, display: "lumiere.example/日本/hydra"),
            ])
        // Without the variant's link, the text's link is what the scanner finds, as the facet would be.
        let other = PostPreview(network: .bluesky, text: text, link: nil, linkPlacement: .none, media: [])
        #expect(other.segments.last == .text("日本/hydra"))
    }

    @Test func aFirstCommentLinkIsShownAsAComment() {
        let preview = PostPreview(
            network: .linkedin, text: "Hydra", link: "https://l.example/x", linkPlacement: .firstComment, media: [])
        #expect(preview.followUp == PostPreview.FollowUp(placement: .firstComment, url: "https://l.example/x"))
        #expect(preview.linkCard == nil)
    }

    @Test func instagramBuildsNoLinkCardAndItsLinksAreNotClickable() {
        let preview = PostPreview(
            network: .instagram, text: "See https://l.example/x", link: nil, linkPlacement: .none, media: ["a.jpg"])
        #expect(preview.linkCard == nil)
        #expect(preview.segments == [.text("See https://l.example/x")])
    }

    @Test func theWordDiffMarksOnlyTheChangedWords() {
        #expect(
            TextDiff.words(from: "Meet Hydra today", to: "Meet Hydra tomorrow") == [
                .same("Meet Hydra "), .removed("today"), .added("tomorrow"),
            ])
        #expect(TextDiff.words(from: "a", to: "a") == [.same("a")])
        // A word added at the end marks only that word, not the one before it whose trailing space changed.
        #expect(
            TextDiff.words(from: "Merci #NewIn", to: "Merci #NewIn merci") == [.same("Merci #NewIn"), .added(" merci")])
        #expect(
            TextDiff.words(from: "Hydra  est là", to: "Hydra est là") == [
                .same("Hydra"), .removed("  "), .added(" "), .same("est là"),
            ])
    }

    @Test func anEditIsCheckedWithTheNetworksOwnRules() {
        let variant = StoredVariant(
            id: "c/p/a", campaignID: "c", postID: "p", accountID: "a", network: .x, locale: "en", kind: .informative, text: "Hi",
            title: nil, link: "https://l.example", linkPlacement: .reply, media: [], contentHash: "h", scheduledAt: nil,
            localTime: nil, timeZone: "UTC", live: true, state: .pendingApproval, explanation: [])
        let check = VariantEditCheck(accounts: [], media: NoMedia())
        #expect(check.check(variant, text: "Fine text", linkPlacement: .reply).isEmpty)
        let tooLong = check.check(variant, text: String(repeating: "a", count: 281), linkPlacement: .reply)
        #expect(tooLong.map(\.rule) == ["text.too-long"])
        #expect(tooLong.first?.message == "x/a: text is 281/280 weighted characters")
        let badPlacement = check.check(variant, text: "Fine", linkPlacement: .firstComment)
        #expect(badPlacement.map(\.rule) == ["link.placement"])
        #expect(badPlacement.map(VariantEditCheck.field(of:)) == ["link_placement"])
        #expect(check.check(variant, text: "  ", linkPlacement: .reply).map(\.rule) == ["text.empty"])
    }
}

private struct NoMedia: MediaInspector {
    func inspect(_ path: String) -> MediaFileInfo? { nil }
}
