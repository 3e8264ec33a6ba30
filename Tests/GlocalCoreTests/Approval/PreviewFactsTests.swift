import GlocalCore
import Testing

/// Where each network's feed folds a post, how it writes links (no UTM query shown), and problems in plain words.
struct PreviewFactsTests {
    static let tracked = "https://www.lumiere.example/fr-FR/hydra-serum?utm_source=glocal&utm_medium=social&ref=7#buy"

    @Test func linksReadAsEachNetworkWritesThemWithoutTheirUTMQuery() {
        #expect(PreviewFacts.withoutTracking(Self.tracked) == "https://www.lumiere.example/fr-FR/hydra-serum?ref=7#buy")
        #expect(PreviewFacts.withoutTracking("https://l.example/a?utm_source=x") == "https://l.example/a")
        #expect(PostPreview.displayedLink(Self.tracked, on: .x) == "lumiere.example/fr-FR/…")
        #expect(PostPreview.displayedLink(Self.tracked, on: .mastodon) == "lumiere.example/fr-FR/hydra-s…")
        #expect(PostPreview.displayedLink(Self.tracked, on: .bluesky) == "www.lumiere.example/fr-FR/hydra-...")
        #expect(PostPreview.displayedLink("https://bsky.app/about", on: .bluesky) == "bsky.app/about")
        #expect(PostPreview.displayedLink(Self.tracked, on: .linkedin) == "lnkd.in/…")
        #expect(PostPreview.displayedLink("https://l.example/?utm_campaign=a", on: .x) == "l.example/")
        for network in Network.allCases where PreviewFacts.of(network).linkDisplay != .plainText {
            #expect(!PostPreview.displayedLink(Self.tracked, on: network).contains("utm_"), "\(network)")
        }
    }

    @Test func instagramFoldsAfter125CharactersAtAWordWithMore() {
        let words = String(repeating: "Hydra glow ", count: 20) + "#HydraSerum"
        let preview = PostPreview(network: .instagram, text: words, link: nil, linkPlacement: .none, media: ["a.jpg"])
        guard case .text(let shown)? = preview.shownSegments.last else {
            Issue.record("no text before the fold: \(preview.shownSegments)")
            return
        }
        #expect(shown.count <= 125 && shown.hasSuffix("glow"))
        #expect(preview.foldedSegments.last == .hashtag("#HydraSerum"))
        #expect(preview.facts.foldLabel == "… more")
        #expect(preview.shownSegments.count + preview.foldedSegments.count == preview.segments.count + 1)
    }

    @Test func linkedInFoldsAfterThreeLinesAndXShowsAShortPostWhole() {
        let lines = "One\nTwo\nThree\nFour"
        let linkedIn = PostPreview(network: .linkedin, text: lines, link: nil, linkPlacement: .none, media: [])
        #expect(linkedIn.shownSegments == [.text("One"), .lineBreak, .text("Two"), .lineBreak, .text("Three")])
        #expect(linkedIn.foldedSegments == [.lineBreak, .text("Four")])
        #expect(linkedIn.facts.foldLabel == "…see more")
        let x = PostPreview(network: .x, text: lines, link: nil, linkPlacement: .none, media: [])
        #expect(x.foldedSegments.isEmpty && x.shownSegments == x.segments)
    }

    @Test func aLinkCrossingTheFoldGoesWholeBehindIt() {
        // 206 characters, then a link LinkedIn shows as 9: past the fold at 210.
        let text = String(repeating: "a", count: 205) + " https://lumiere.example/fr-FR/hydra"
        let preview = PostPreview(network: .linkedin, text: text, link: nil, linkPlacement: .none, media: [])
        #expect(preview.shownSegments == [.text(String(repeating: "a", count: 205) + " ")])
        #expect(preview.foldedSegments == [.link(url: "https://lumiere.example/fr-FR/hydra", display: "lnkd.in/…")])
    }

    @Test func onThreadsOnlyTheFirstHashtagIsATopic() {
        let preview = PostPreview(network: .threads, text: "Hydra #Skincare #Hydra", link: nil, linkPlacement: .none, media: [])
        #expect(preview.segments == [.text("Hydra "), .hashtag("#Skincare"), .text(" #Hydra")])
        let x = PostPreview(network: .x, text: "Hydra #Skincare #Hydra", link: nil, linkPlacement: .none, media: [])
        #expect(x.segments == [.text("Hydra "), .hashtag("#Skincare"), .text(" "), .hashtag("#Hydra")])
    }

    @Test func youTubeHasATitleCountedInGraphemesAndNoNetworkIsMarkedWebhook() {
        let preview = PostPreview(
            network: .youtube, text: "Desc", link: nil, linkPlacement: .none, media: ["v.mp4"], title: "Hydra, l'été ☀️")
        #expect(preview.title?.length == 14 && preview.title?.limit == 100)
        // YouTube and TikTok publish natively since issue 15.
        #expect(Network.allCases.filter { PreviewFacts.of($0).reachesWebhook }.isEmpty)
    }

    @Test func problemsReadInPlainWordsWithTheNetworksOwnCount() {
        let tooLong = Diagnostic(.error, .textTooLong, "x/lumiere-fr-x: text is 290/280 weighted characters", at: nil)
        let measurement = TextMeasurement(network: .x, length: 290, limit: 280)
        #expect(
            ProblemWording.plain(tooLong, measurement: measurement)
                == "Too long for X: 290 of 280 characters as X counts them, 10 too many.")
        let placement = Diagnostic(
            .error, .linkPlacement, "x/lumiere-fr-x: link placement first_comment is not supported on X", at: nil,
            notes: ["use reply, inline or none"])
        #expect(
            ProblemWording.plain(placement)
                == "Link placement first_comment is not supported on X. Use reply, inline or none.")
    }
}
