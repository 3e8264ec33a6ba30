import Foundation
import GlocalCore
import Testing

/// The queue's filters, search and paging: read from a GET query, applied to variants, written back as links.
struct QueueFilterTests {
    let now = try! Date("2026-11-21T09:00:00Z", strategy: .iso8601)

    func variant(
        _ number: Int, campaign: String = "hydra", account: String = "lumiere-fr-x", network: Network = .x,
        text: String = "Votre peau a soif ?", title: String? = nil
    ) -> StoredVariant {
        StoredVariant(
            id: "\(campaign)/p\(number)/\(account)", campaignID: campaign, postID: "p\(number)", accountID: account,
            network: network, locale: "fr-FR", kind: .informative, text: text, title: title, link: nil, linkPlacement: .inline,
            media: [], contentHash: "h\(number)", scheduledAt: now.addingTimeInterval(Double(number) * 3600), localTime: nil,
            timeZone: "Europe/Paris", live: false, state: .pendingApproval, explanation: [])
    }

    @Test func aQueryNamesTheFiltersAndUnknownValuesAreIgnoredWithAReason() {
        let filter = QueueFilter(query: [
            "campaign": "hydra", "network": "linkedin", "account": " lumiere-fr-x ", "state": "approved", "soon": "1",
            "q": "peau",
            "page": "3",
        ])
        #expect(filter.campaign == "hydra" && filter.network == .linkedin && filter.account == "lumiere-fr-x")
        #expect(filter.state == .approved && filter.deadlineSoon && filter.search == "peau" && filter.page == 3)
        #expect(filter.problems.isEmpty)
        // Every state a variant can end in can be listed: a manager finds the posts that missed their deadline.
        for state in VariantState.allCases where state != .draft {
            #expect(QueueFilter(query: ["state": state.rawValue]).state == state, "\(state)")
        }
        let empty = QueueFilter(query: ["campaign": "", "network": "", "q": "  "])
        #expect(empty == QueueFilter())
        let wrong = QueueFilter(query: ["network": "myspace", "state": "draft", "page": "-2"])
        #expect(wrong.network == nil && wrong.state == .pendingApproval && wrong.page == 1)
        #expect(
            wrong.problems == [
                "Unknown network “myspace”: ignored.", "Unknown state “draft”: showing pending approval.",
                "Page “-2” is not a page number: showing page 1.",
            ])
    }

    @Test func eachFilterKeepsOnlyItsVariants() {
        let variants = [
            variant(1), variant(2, campaign: "summer"), variant(3, account: "lumiere-fr-facebook", network: .facebook),
            variant(4, text: "Thirsty skin?"),
        ]
        func ids(_ filter: QueueFilter) -> [String] {
            filter.slice(of: variants, deadline: { _ in .notApplicable }, now: now).items.map(\.postID)
        }
        #expect(ids(QueueFilter()) == ["p1", "p2", "p3", "p4"])
        #expect(ids(QueueFilter(campaign: "summer")) == ["p2"])
        #expect(ids(QueueFilter(network: .facebook)) == ["p3"])
        #expect(ids(QueueFilter(account: "lumiere-fr-x")) == ["p1", "p2", "p4"])
        #expect(ids(QueueFilter(campaign: "hydra", network: .x, search: "PEAU")) == ["p1"])
    }

    @Test func searchIgnoresCaseAcrossUnicodeAndLooksInTheTitle() {
        let variants = [
            variant(1, text: "Découvrez l’ÉTÉ à Paris"), variant(2, text: "Straße und Ärger"), variant(3, text: "日本の夏"),
            variant(4, text: "Watch", title: "Hydra Routine"),
        ]
        func ids(_ search: String) -> [String] {
            QueueFilter(search: search).slice(of: variants, deadline: { _ in .notApplicable }, now: now).items.map(\.postID)
        }
        #expect(ids("été") == ["p1"])
        #expect(ids("ÄRGER") == ["p2"])
        #expect(ids("夏") == ["p3"])
        #expect(ids("routine") == ["p4"])
        #expect(ids("absent").isEmpty)
        // Accents are ignored both ways, as docs/approvals.md says: "ete" finds "ÉTÉ", "arger" finds "Ärger".
        #expect(ids("ETE A PARIS") == ["p1"])
        #expect(ids("arger") == ["p2"])
    }

    @Test func deadlineSoonMeansOpenAndDueWithin48Hours() {
        let variants = [variant(1), variant(2), variant(3), variant(4)]
        let deadlines: [String: ApprovalDeadlineStatus] = [
            "p1": .open(now.addingTimeInterval(47 * 3600)), "p2": .open(now.addingTimeInterval(49 * 3600)),
            "p3": .missed(now.addingTimeInterval(-60)), "p4": .notApplicable,
        ]
        let soon = QueueFilter(deadlineSoon: true).slice(of: variants, deadline: { deadlines[$0.postID]! }, now: now)
        #expect(soon.items.map(\.postID) == ["p1"])
        #expect(soon.total == 1)
    }

    @Test func pagesOfFiftyWithTheTotalAndAPagePastTheEndShowsTheLast() {
        let variants = (1...120).map { variant($0) }
        func slice(_ page: Int) -> QueueSlice {
            QueueFilter(page: page).slice(of: variants, deadline: { _ in .notApplicable }, now: now)
        }
        #expect(slice(1).items.count == 50 && slice(1).total == 120 && slice(1).pageCount == 3)
        #expect(slice(1).items.first?.postID == "p1" && slice(2).items.first?.postID == "p51")
        #expect(slice(3).items.map(\.postID) == (101...120).map { "p\($0)" })
        #expect(slice(9).page == 3 && slice(9).items.count == 20)
        let none = QueueFilter(search: "nothing").slice(of: variants, deadline: { _ in .notApplicable }, now: now)
        #expect(none.items.isEmpty && none.total == 0 && none.page == 1 && none.pageCount == 1)
    }

    @Test func linksKeepTheFiltersEncoded() {
        let filter = QueueFilter(network: .x, account: "lumiere-fr-x", deadlineSoon: true, search: "peau & été?", page: 2)
        #expect(filter.query(page: 3) == "network=x&account=lumiere-fr-x&soon=1&q=peau%20%26%20%C3%A9t%C3%A9%3F&page=3")
        #expect(filter.query(page: 1) == "network=x&account=lumiere-fr-x&soon=1&q=peau%20%26%20%C3%A9t%C3%A9%3F")
        #expect(QueueFilter().query() == "")
        #expect(QueueFilter(state: .rejected).query(page: 2) == "state=rejected&page=2")
        // The link's query reads back as the same filter.
        let components = URLComponents(string: "/?" + filter.query(page: 2))!
        let values = Dictionary(uniqueKeysWithValues: components.queryItems!.map { ($0.name, $0.value ?? "") })
        #expect(QueueFilter(query: values) == filter)
    }
}
