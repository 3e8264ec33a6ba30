import Testing

@testable import GlocalCore

/// Every network has a row in every per-network table of the core, and the tables agree where they overlap:
/// a network added to `Network` without its rows fails here (the switches fail to compile instead).
struct NetworkTablesTests {
    @Test(arguments: Network.allCases)
    func hasItsRulesRow(network: Network) {
        #expect(NetworkRules.table[network]?.network == network)
        #expect(NetworkRules.forNetwork(network).network == network)
    }

    @Test(arguments: Network.allCases)
    func hasItsTimingProfile(network: Network) {
        #expect(TimingTable.standard.profiles[network]?.network == network)
    }

    @Test(arguments: Network.allCases)
    func speaksTheDefaultVersionOfItsAPIFamily(network: Network) {
        #expect(APIVersionTable.defaultVersion(for: network).family == APIFamily.of(network))
    }

    @Test(arguments: Network.allCases)
    func itsPreviewAndItsDeliveryAgreeOnTheWebhook(network: Network) {
        let webhook = NetworkDelivery.of(network) == .webhook
        #expect(PreviewFacts.of(network).reachesWebhook == webhook)
    }

    @Test func theLinkCardIsAPreviewFact() {
        let cards = Network.allCases.filter { PreviewFacts.of($0).buildsLinkCard }
        #expect(cards == [.x, .bluesky, .mastodon, .threads, .linkedin, .facebook])
        #expect(Network.allCases.allSatisfy { PostPreview.buildsLinkCard($0) == PreviewFacts.of($0).buildsLinkCard })
    }

    @Test func onlyMastodonAndBlueskyLinksNeedAScheme() {
        #expect(Network.allCases.filter { PreviewFacts.of($0).linksNeedScheme } == [.bluesky, .mastodon])
    }

    @Test(arguments: Network.allCases)
    func itsCapsAreItsOwn(network: Network) {
        #expect(PublishingCap.caps(for: network).allSatisfy { $0.network == network })
    }

    @Test func ordinalsAreThePositionsInAllCases() {
        #expect(Network.allCases.map(\.ordinal) == Array(Network.allCases.indices))
        #expect(Set(Network.allCases.map(\.displayName)).count == Network.allCases.count)
    }
}
